/**
 * The lesson plans (content/lessons.ts): one per chapter, each filling a 50-minute class with every
 * phase (read, predict, run, discuss), a figure of its own chapter whose settings links open exactly
 * the settings written (no value the figure would ignore), two discussion questions, misconceptions,
 * key equations that KaTeX renders; and a "look for" line for every figure of the catalog.
 */
import { readdirSync } from 'node:fs';
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { LESSON_MINUTES, LESSONS, LOOK_FOR } from '../../../content/lessons';
import { WIDGETS } from '../../../src/widgets/catalog';
import { readState } from '../../../src/widgets/share/url-state';
import { runHref } from '../../../src/site/teach-urls';
import { FIELDS } from '../widgets/share-fields';

const CHAPTERS = readdirSync('content/chapters')
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => f.replace(/\.mdx$/, ''));

describe('lesson plans', () => {
  it('has exactly one plan per chapter', () => {
    expect(LESSONS.map((l) => l.chapter).sort()).toEqual([...CHAPTERS].sort());
  });

  it('has a "look for" line for every figure', () => {
    expect(Object.keys(LOOK_FOR).sort()).toEqual(WIDGETS.map((w) => w.slug).sort());
  });

  describe.each(LESSONS.map((l) => [l.chapter, l] as const))('%s', (_, lesson) => {
    it(`fills ${LESSON_MINUTES} minutes with read, predict, run and discuss, in that order`, () => {
      expect(lesson.timeline.reduce((s, step) => s + step.minutes, 0)).toBe(LESSON_MINUTES);
      const order = ['read', 'predict', 'run', 'discuss'];
      const phases = lesson.timeline.map((s) => s.phase);
      expect([...new Set(phases)]).toEqual(order);
      expect(phases.map((p) => order.indexOf(p))).toEqual([...phases.map((p) => order.indexOf(p))].sort());
    });

    it('runs a figure of its own chapter, and every link opens exactly its settings', () => {
      const widget = WIDGETS.find((w) => w.slug === lesson.figure)!;
      expect(widget.chapter).toBe(lesson.chapter);
      expect(lesson.runs.length).toBeGreaterThan(0);
      for (const run of lesson.runs) {
        const link = new URL(runHref(lesson.chapter, lesson.figure, run.settings), 'https://example.org');
        expect(link.hash).toBe(`#widget-${lesson.figure}`);
        const state = readState(link.searchParams, lesson.figure, FIELDS[lesson.figure]!);
        expect(state.ignored).toEqual([]);
        for (const [key, value] of Object.entries(run.settings)) expect(String(state.values[key])).toBe(String(value));
      }
    });

    it('has goals, two discussion questions with good answers, misconceptions and key equations that render', () => {
      expect(lesson.goals.length).toBeGreaterThan(0);
      expect(lesson.discussion).toHaveLength(2);
      for (const d of lesson.discussion) expect(d.goodAnswer.length).toBeGreaterThan(d.question.length / 2);
      expect(lesson.misconceptions.length).toBeGreaterThan(0);
      expect(lesson.keyEquations.length).toBeGreaterThan(0);
      for (const tex of lesson.keyEquations) expect(() => katex.renderToString(tex, { displayMode: true, throwOnError: true })).not.toThrow();
    });
  });
});
