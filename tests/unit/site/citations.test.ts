/** Citation numbering from a chapter's source, and the build-time check of its <Cite> and <Term> keys. */
import { describe, expect, it } from 'vitest';
import { citationNumber, citationOrder, markupProblems, termOrder } from '../../../src/site/citations';

const source = `
import Cite from '../../src/components/Cite.astro';

Batch normalization<Cite id="ioffe2015" /> is widely used. Santurkar et al.<Cite id="santurkar2018" at="§2" /> ask why,
building on <Cite id="ioffe2015"/> again. <Term id="ics">Internal covariate shift</Term> and the
<Term id="ics">same term</Term>, then <Citation id="not-a-cite" /> and a WGAN<Cite
  id="arjovsky2017"
/>, then <Term id="beta-smoothness">β-smoothness</Term>.
`;

describe('citationOrder', () => {
  it('lists each cited key once, in the order of first citation', () => {
    expect(citationOrder(source)).toEqual(['ioffe2015', 'santurkar2018', 'arjovsky2017']);
  });

  it('numbers a key by its first citation, so repeated citations share a number', () => {
    expect(citationNumber(source, 'ioffe2015')).toBe(1);
    expect(citationNumber(source, 'santurkar2018')).toBe(2);
    expect(citationNumber(source, 'arjovsky2017')).toBe(3);
  });

  it('fails for a key the chapter does not cite', () => {
    expect(() => citationNumber(source, 'miyato2018')).toThrow(/"miyato2018" is not cited/);
  });

  it('is empty for a chapter without citations', () => {
    expect(citationOrder('No citations here.')).toEqual([]);
  });
});

describe('termOrder', () => {
  it('lists each glossary id once, in order of first use', () => {
    expect(termOrder(source)).toEqual(['ics', 'beta-smoothness']);
  });
});

describe('markupProblems', () => {
  const known = {
    bibliographyKeys: new Set(['ioffe2015', 'santurkar2018', 'arjovsky2017']),
    glossaryIds: new Set(['ics', 'beta-smoothness']),
  };

  it('finds nothing wrong when every key is known', () => {
    expect(markupProblems({ chapterId: '02-x', source, ...known })).toEqual([]);
  });

  it('names the chapter and each unknown key once', () => {
    const bad = `${source} <Cite id="ioffe2051" /> <Cite id="ioffe2051" /> <Term id="lipschitz">L</Term>`;
    expect(markupProblems({ chapterId: '02-x', source: bad, ...known })).toEqual([
      'chapter 02-x: <Cite id="ioffe2051"> names an unknown citation key "ioffe2051"',
      'chapter 02-x: <Term id="lipschitz"> names an unknown glossary term "lipschitz"',
    ]);
  });

  it('rejects a <Cite> whose key is not a literal, since it could not be numbered', () => {
    expect(markupProblems({ chapterId: '03-y', source: '<Cite id={key} />', ...known })).toEqual([
      'chapter 03-y: a <Cite> has no literal id="…" attribute',
    ]);
  });
});
