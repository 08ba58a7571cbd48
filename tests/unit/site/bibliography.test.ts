/** The bibliography: the course's data passes its checks, bad entries fail naming the entry, BibTeX is well formed. */
import { describe, expect, it } from 'vitest';
import { BIBLIOGRAPHY } from '../../../content/bibliography';
import { authorList, checkBibliography, displayName, titleSentence, toBibtex, type BibEntry } from '../../../src/site/bibliography';

const good: BibEntry = {
  key: 'ioffe2015',
  type: 'inproceedings',
  authors: ['Ioffe, Sergey', 'Szegedy, Christian'],
  title: 'Batch Normalization: Accelerating Deep Network Training by Reducing Internal Covariate Shift',
  venue: 'ICML 2015',
  year: 2015,
  url: 'https://arxiv.org/abs/1502.03167',
  arxiv: '1502.03167',
};

function failure(entries: unknown[]): string {
  try {
    checkBibliography(entries);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected the bibliography check to fail');
}

describe('the course bibliography', () => {
  it('holds the paper, BatchNorm, WGAN, WGAN-GP and spectral normalization', () => {
    const byKey = new Map(BIBLIOGRAPHY.map((e) => [e.key, e]));
    expect(byKey.get('santurkar2018')?.arxiv).toBe('1805.11604');
    expect(byKey.get('ioffe2015')?.year).toBe(2015);
    expect(byKey.get('arjovsky2017')?.arxiv).toBe('1701.07875');
    expect(byKey.get('gulrajani2017')?.arxiv).toBe('1704.00028');
    expect(byKey.get('miyato2018')?.arxiv).toBe('1802.05957');
  });
});

describe('checkBibliography', () => {
  it('accepts a complete entry unchanged', () => {
    expect(checkBibliography([good])).toEqual([good]);
  });

  it.each([
    ['a key with capitals', { ...good, key: 'Ioffe2015' }, /Ioffe2015: key: key must be lower-case/],
    ['an author not written "Family, Given"', { ...good, authors: ['Sergey Ioffe'] }, /ioffe2015: authors\.0: each author must be written "Family, Given"/],
    ['no authors', { ...good, authors: [] }, /authors must list at least one author/],
    ['a year given as text', { ...good, year: '2015' }, /year must be a whole number/],
    ['a plain-http address', { ...good, url: 'http://arxiv.org/abs/1502.03167' }, /url must be an https address/],
    ['a malformed arXiv id', { ...good, arxiv: 'arXiv:1502.03167' }, /arxiv must be an identifier like 1805.11604/],
    ['an unknown type', { ...good, type: 'blog' }, /type must be inproceedings, article or book/],
    ['a misspelt field', { ...good, yaer: 2015 }, /yaer/],
  ])('rejects %s, naming the entry', (_, entry, expected) => {
    const message = failure([entry]);
    expect(message).toMatch(/^The bibliography is invalid/);
    expect(message).toMatch(/bibliography entry (ioffe2015|Ioffe2015)/);
    expect(message).toMatch(expected);
  });

  it('rejects a key used twice', () => {
    expect(failure([good, { ...good, title: 'Another' }])).toMatch(/ioffe2015: the key is used twice/);
  });
});

describe('formatting', () => {
  it('writes names as prose', () => {
    expect(displayName('Mądry, Aleksander')).toBe('Aleksander Mądry');
    expect(authorList({ ...good, authors: ['Nesterov, Yurii'] })).toBe('Yurii Nesterov');
    expect(authorList(good)).toBe('Sergey Ioffe and Christian Szegedy');
    expect(authorList(BIBLIOGRAPHY.find((e) => e.key === 'santurkar2018')!)).toBe(
      'Shibani Santurkar, Dimitris Tsipras, Andrew Ilyas and Aleksander Mądry',
    );
  });

  it('ends a title with a period unless it has its own punctuation', () => {
    expect(titleSentence(good)).toMatch(/Shift\.$/);
    expect(titleSentence({ ...good, title: 'How Does Batch Normalization Help Optimization?' })).toMatch(/\?$/);
  });

  it('makes a BibTeX record with the venue field its type needs, braced title and escaped specials', () => {
    const bib = toBibtex({ ...good, title: 'Nets & Norms: 100% of_it' });
    expect(bib.split('\n')[0]).toBe('@inproceedings{ioffe2015,');
    expect(bib).toContain('author        = {Ioffe, Sergey and Szegedy, Christian}');
    expect(bib).toContain('title         = {{Nets \\& Norms: 100\\% of\\_it}}');
    expect(bib).toContain('booktitle     = {ICML 2015}');
    expect(bib).toContain('eprint        = {1502.03167}');
    expect(bib).toContain('archivePrefix = {arXiv}');
    expect(toBibtex({ ...good, type: 'book', venue: 'Springer', arxiv: undefined })).toMatch(/^@book\{[^]*publisher = \{Springer\}/m);
    expect(toBibtex({ ...good, type: 'article', venue: 'JMLR' })).toContain('journal       = {JMLR}');
  });

  it('gives every course entry a record with balanced braces', () => {
    for (const entry of BIBLIOGRAPHY) {
      const bib = toBibtex(entry);
      const opened = [...bib].filter((c) => c === '{').length;
      expect(opened, entry.key).toBe([...bib].filter((c) => c === '}').length);
      expect(bib, entry.key).toMatch(new RegExp(`^@${entry.type}\\{${entry.key},\\n`));
    }
  });
});
