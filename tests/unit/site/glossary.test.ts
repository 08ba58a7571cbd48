/** The glossary: the course's entries are valid and render their math; bad entries fail naming the entry. */
import { describe, expect, it } from 'vitest';
import { GLOSSARY } from '../../../content/glossary';
import { checkGlossary } from '../../../src/site/glossary';
import { renderMarkdown } from '../../../src/site/markdown';

const entry = { id: 'ics', term: 'Internal covariate shift (ICS)', definition: 'The change in the distribution of a layer’s inputs.' };

function failure(entries: unknown[]): string {
  try {
    checkGlossary(entries);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected the glossary check to fail');
}

describe('the course glossary', () => {
  it('defines the terms the brief asks for', () => {
    const ids = GLOSSARY.map((e) => e.id);
    for (const id of ['ics', 'lipschitz-constant', 'beta-smoothness', 'effective-beta', 'g-and-g-prime', 'batchnorm',
      'running-statistics', 'lp-normalization', 'spectral-norm', 'power-iteration', 'wasserstein-distance', 'critic',
      'gradient-penalty']) {
      expect(ids).toContain(id);
    }
  });

  it('is sorted by term, symbols by their spelled-out names', () => {
    const keys = GLOSSARY.map((e) => (e.sortAs ?? e.term).toLowerCase());
    expect(keys).toEqual([...keys].sort((a, b) => a.localeCompare(b, 'en')));
    expect(GLOSSARY.findIndex((e) => e.id === 'beta-smoothness')).toBeLessThan(GLOSSARY.findIndex((e) => e.id === 'critic'));
  });

  it('renders every definition with KaTeX and no unparsed TeX', async () => {
    for (const e of GLOSSARY) {
      const html = await renderMarkdown(e.definition);
      expect(html, e.id).not.toContain('katex-error');
      expect(html, e.id).not.toMatch(/\$[^$<]*\\[a-z]+/); // a backslash command left between dollars
      if (e.definition.includes('$')) expect(html, e.id).toContain('class="katex"');
    }
  });

  it('states β-smoothness as a Lipschitz condition on the gradient', async () => {
    const beta = GLOSSARY.find((e) => e.id === 'beta-smoothness')!;
    expect(beta.definition).toContain(String.raw`\|\nabla f(x_1) - \nabla f(x_2)\| \le \beta\,\|x_1 - x_2\|`);
  });
});

describe('checkGlossary', () => {
  it('accepts good entries', () => {
    expect(checkGlossary([entry])).toEqual([entry]);
  });

  it.each([
    ['an id with spaces', { ...entry, id: 'internal covariate shift' }, /id must be lower-case/],
    ['an empty term', { ...entry, term: ' ' }, /term must not be empty/],
    ['a one-word definition', { ...entry, definition: 'Shift.' }, /definition must say something/],
    ['a misspelt field', { ...entry, defintion: 'x' }, /defintion/],
  ])('rejects %s', (_, bad, expected) => {
    expect(failure([bad])).toMatch(expected);
  });

  it('rejects a duplicate id and a "see also" that names no entry', () => {
    expect(failure([entry, entry])).toMatch(/glossary entry ics: the id is used twice/);
    expect(failure([{ ...entry, see: ['lipschitz'] }])).toMatch(/glossary entry ics: "see" names an unknown entry "lipschitz"/);
  });
});
