/** The chapter frontmatter schema: good frontmatter passes, each kind of mistake fails with a message naming it. */
import { describe, expect, it } from 'vitest';
import { chapterSchema } from '../../../src/site/chapter-schema';

const good = {
  title: 'Batch normalization in one page',
  order: 1,
  summary: 'What BatchNorm computes.',
  objectives: ['Compute BatchNorm by hand.'],
  minutes: 20,
};

function messages(data: unknown): string[] {
  const result = chapterSchema.safeParse(data);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('chapter frontmatter schema', () => {
  it('accepts complete frontmatter', () => {
    expect(chapterSchema.parse(good)).toEqual(good);
  });

  it.each([
    ['a missing title', { ...good, title: undefined }, /title/],
    ['an empty title', { ...good, title: '  ' }, /title must not be empty/],
    ['a fractional order', { ...good, order: 1.5 }, /order must be a whole number/],
    ['order given as text', { ...good, order: 'one' }, /order must be a whole number/],
    ['order 0', { ...good, order: 0 }, /order must be 1 or more/],
    ['no objectives', { ...good, objectives: [] }, /at least one learning objective/],
    ['objectives as one string', { ...good, objectives: 'learn' }, /objectives must be a list/],
    ['a missing summary', { ...good, summary: undefined }, /summary/],
    ['a multi-sentence essay as summary', { ...good, summary: 'x'.repeat(201) }, /one line/],
    ['a missing minutes', { ...good, minutes: undefined }, /minutes/],
    ['a misspelt field', { ...good, objective: ['x'] }, /unknown frontmatter field\(s\): objective/],
  ])('rejects %s', (_, data, expected) => {
    const found = messages(data);
    expect(found.length).toBeGreaterThan(0);
    expect(found.join('\n')).toMatch(expected);
  });
});
