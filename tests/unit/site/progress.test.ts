/** The progress record: tolerant parsing, recording events and visits, and counting against the course. */
import { describe, expect, it } from 'vitest';
import {
  emptyProgress,
  formatTally,
  parseProgress,
  progressCounts,
  recordEvent,
  recordVisit,
  selfCheckIds,
  serializeProgress,
  type Progress,
} from '../../../src/site/progress';

const sample: Progress = { visited: ['01-batch-normalization'], widgets: ['noise-injection'], checks: ['02-does-batchnorm-reduce-ics#1'] };

describe('parseProgress', () => {
  it('starts empty, without a reset notice, when nothing is stored', () => {
    expect(parseProgress(null)).toEqual({ progress: emptyProgress(), reset: false });
  });

  it('reads back what it stored', () => {
    expect(parseProgress(serializeProgress(sample))).toEqual({ progress: sample, reset: false });
  });

  it.each([
    ['not JSON', '{visited:'],
    ['JSON null', 'null'],
    ['a number', '42'],
    ['an array', '[]'],
    ['a missing list', JSON.stringify({ visited: [], widgets: [] })],
    ['a list of numbers', JSON.stringify({ visited: [1], widgets: [], checks: [] })],
    ['an id with markup', JSON.stringify({ visited: ['<img src=x>'], widgets: [], checks: [] })],
  ])('resets on %s', (_, raw) => {
    expect(parseProgress(raw)).toEqual({ progress: emptyProgress(), reset: true });
  });

  it('drops duplicate ids and ignores unknown fields', () => {
    const raw = JSON.stringify({ ...sample, visited: ['a', 'a', 'b'], extra: true });
    expect(parseProgress(raw).progress.visited).toEqual(['a', 'b']);
  });
});

describe('recording', () => {
  it('adds a visited chapter once, and returns the same object when nothing changes', () => {
    const once = recordVisit(emptyProgress(), '03-ics-gradients');
    expect(once.visited).toEqual(['03-ics-gradients']);
    expect(recordVisit(once, '03-ics-gradients')).toBe(once);
  });

  it('records widget runs and self-checks from the course:progress detail', () => {
    let p = recordEvent(emptyProgress(), { kind: 'widget-run', id: 'spectral-norm' });
    p = recordEvent(p, { kind: 'self-check', id: '08-lipschitzness-elsewhere#2' });
    p = recordEvent(p, { kind: 'widget-run', id: 'spectral-norm' });
    expect(p).toEqual({ visited: [], widgets: ['spectral-norm'], checks: ['08-lipschitzness-elsewhere#2'] });
  });

  it.each([
    ['no detail', undefined],
    ['a string', 'widget-run'],
    ['an unknown kind', { kind: 'video', id: 'x' }],
    ['a missing id', { kind: 'widget-run' }],
    ['a numeric id', { kind: 'widget-run', id: 3 }],
    ['a self-check id without its number', { kind: 'self-check', id: '01-batch-normalization' }],
    ['an id with spaces', { kind: 'widget-run', id: 'a b' }],
  ])('ignores %s', (_, detail) => {
    const p = emptyProgress();
    expect(recordEvent(p, detail)).toBe(p);
  });
});

describe('counting', () => {
  const course = {
    chapters: ['01-batch-normalization', '02-does-batchnorm-reduce-ics'],
    widgets: ['batchnorm-explorer', 'noise-injection', 'gradient-shift'],
    checks: ['01-batch-normalization#1', '02-does-batchnorm-reduce-ics#1', '02-does-batchnorm-reduce-ics#2'],
  };

  it('counts done against the course totals', () => {
    const counts = progressCounts(sample, course);
    expect(counts).toEqual({
      chapters: { done: 1, total: 2 },
      widgets: { done: 1, total: 3 },
      checks: { done: 1, total: 3 },
    });
    expect(formatTally(counts.widgets)).toBe('1/3');
  });

  it('never counts ids the course no longer has (a renamed widget cannot make 4/3)', () => {
    const stale = { ...sample, widgets: ['noise-injection', 'old-widget'] };
    expect(progressCounts(stale, course).widgets).toEqual({ done: 1, total: 3 });
  });

  it('shows the bare count while a total is unknown', () => {
    const counts = progressCounts(sample, { ...course, checks: [] });
    expect(counts.checks).toEqual({ done: 1, total: null });
    expect(formatTally(counts.checks)).toBe('1');
  });
});

describe('selfCheckIds', () => {
  it('numbers a chapter’s questions from 1 in source order', () => {
    const source = '<SelfCheck>\n<SelfCheckQuestion prompt="a">…</SelfCheckQuestion>\n<SelfCheckQuestion\n prompt="b" />\n</SelfCheck>';
    expect(selfCheckIds('04-lipschitz-and-smoothness', source)).toEqual(['04-lipschitz-and-smoothness#1', '04-lipschitz-and-smoothness#2']);
    expect(selfCheckIds('x', 'no questions <SelfCheck> here')).toEqual([]);
  });

  it('counts the questions under the name the chapter imports them as', () => {
    const source = [
      "import Question from '../../src/components/SelfCheckQuestion.astro';",
      "import QuestionMark from './QuestionMark.astro';",
      '<SelfCheck>',
      '<Question answer={1.342} tolerance={0.01}>…</Question>',
      '<Question>…</Question>',
      '<QuestionMark />',
      '</SelfCheck>',
    ].join('\n');
    expect(selfCheckIds('01-batch-normalization', source)).toEqual(['01-batch-normalization#1', '01-batch-normalization#2']);
  });

  it('matches the committed chapters: one or more questions in each', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    for (const file of readdirSync('content/chapters').filter((f) => f.endsWith('.mdx'))) {
      const source = readFileSync(`content/chapters/${file}`, 'utf8');
      if (!source.includes('<SelfCheck>')) continue;
      const ids = selfCheckIds(file.replace('.mdx', ''), source);
      expect(ids.length, file).toBeGreaterThan(0);
      // The page's component numbers one form per question; the source has one closing or self-closing tag each.
      expect(ids.length, file).toBe((source.match(/<\/Question>|<SelfCheckQuestion[^>]*\/>|<\/SelfCheckQuestion>/g) ?? []).length);
    }
  });
});
