/**
 * The instructors' pages per chapter: the lesson plan (its run links open the figure with the plan's
 * settings), the answer key (every self-check and exercise of the chapter with its answer, and the
 * plain statement that a static site cannot hide them), and the handout, which prints to a PDF of a
 * few A4 pages with no figure cut across pages and no answers. The chapter pages keep their own
 * disclosures. Each of these pages as loaded is also one of the site walk's (site-walk.test.ts: axe on a
 * desktop, in the dark theme and at 360 px), so axe is not run on them again here.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useChromium } from './support/browser';
import { tabPool, type Tab } from './support/reused-tabs';
import { restartWatch, siteUrl, watchPage, type PageWatch } from './support/site';
import { figureOf, waitForFigure } from './share-helpers';
import { LESSONS } from '../../content/lessons';

const browser = useChromium();
/** A4 at 96 px per inch, less the handout's 15 mm margins (its @page rule). */
const A4_CONTENT = { width: Math.floor(((210 - 30) / 25.4) * 96), height: Math.floor(((297 - 30) / 25.4) * 96) };

const VIEWPORT = { width: 1280, height: 900 };

// Tabs reused from page to page (support/reused-tabs.ts); the handout's test leaves one at A4 size in print media.
const tabs = tabPool<Tab & { watch: PageWatch }>(
  async () => {
    const context = await browser().newContext({ viewport: VIEWPORT });
    const page = await context.newPage();
    return { context, page, watch: watchPage(page) };
  },
  async ({ page, watch }) => {
    restartWatch(watch);
    await page.setViewportSize(VIEWPORT);
    await page.emulateMedia({ media: null });
  },
);
afterAll(() => tabs.close());

/** `test` on the page at `path`, loaded in a cleared tab; `errors()` are its console errors and failed requests so far. */
function onPage<R>(path: string, test: (page: Page, errors: () => string[]) => Promise<R>): Promise<R> {
  return tabs.use(async ({ page, watch }) => {
    await page.goto(siteUrl(path));
    return test(page, () => [...watch.consoleErrors, ...watch.failures]);
  });
}

const counted = new Map<string, { questions: number; exercises: number }>();

/** The counts of a chapter page's self-check questions and exercise answers, as students see them (read once per chapter). */
async function chapterCounts(chapter: string): Promise<{ questions: number; exercises: number }> {
  const known = counted.get(chapter);
  if (known) return known;
  const counts = await onPage(`chapters/${chapter}/`, (page) =>
    page.evaluate(() => ({
      questions: document.querySelectorAll('form.sc-question').length,
      exercises: document.querySelector('#exercises')?.closest('section')?.querySelectorAll(':scope > details').length ?? 0,
    })),
  );
  counted.set(chapter, counts);
  return counts;
}

// Two pages at a time (the browser project's maxConcurrency): each test has its own tab, cleared, and
// asserts through its own `expect`, so a failure is reported against its page.
describe.concurrent.each(LESSONS.map((l) => [l.chapter, l] as const))('teach/%s/', (chapter, lesson) => {
  it('the lesson plan fills 50 minutes and links the figure with its settings', async ({ expect }) => {
    await onPage(`teach/${chapter}/`, async (page, errors) => {
      expect(await page.locator('table.timeline').getAttribute('data-lesson-minutes')).toBe('50');
      expect(await page.getByRole('heading', { level: 2, name: 'Two questions for discussion' }).count()).toBe(1);
      expect(await page.locator('section.question').count()).toBe(2);
      const runLinks = page.getByRole('link', { name: 'open it in the chapter' });
      expect(await runLinks.count()).toBe(lesson.runs.length);
      for (let i = 0; i < lesson.runs.length; i++) {
        const link = new URL((await runLinks.nth(i).getAttribute('href'))!, page.url());
        expect(`${link.origin}${link.pathname}`).toBe(siteUrl(`chapters/${chapter}/`));
        expect(link.hash).toBe(`#widget-${lesson.figure}`);
        expect(Object.fromEntries(link.searchParams)).toEqual(
          Object.fromEntries(Object.entries(lesson.runs[i]!.settings).map(([k, v]) => [`${lesson.figure}.${k}`, String(v)])),
        );
      }
      expect(errors()).toEqual([]);
    });
  });

  it('the answer key has every question and exercise of the chapter, with answers, and says it is not secret', async ({ expect }) => {
    const counts = await chapterCounts(chapter);
    await onPage(`teach/${chapter}/answers/`, async (page, errors) => {
      expect(await page.locator('main').textContent()).toContain('This page is not secret.');
      const questions = page.locator('[data-answer-key="self-check"] > li');
      expect(await questions.count()).toBe(counts.questions);
      for (let i = 0; i < counts.questions; i++) {
        const q = questions.nth(i);
        expect((await q.locator('.answer-line').textContent())!.replace('Answer:', '').trim()).toMatch(/^([A-H]|-?[\d.]+)$/);
        expect((await q.locator('.explanation').textContent())!.trim().length).toBeGreaterThan(0);
        const choices = await q.locator('.choices > li').count();
        if (choices > 0) expect(await q.locator('.choices > li[data-correct]').count()).toBe(1);
      }
      const exercises = page.locator('[data-answer-key="exercises"] > li');
      expect(await exercises.count()).toBe(counts.exercises);
      for (let i = 0; i < counts.exercises; i++) expect((await exercises.nth(i).locator('.explanation').textContent())!.trim().length).toBeGreaterThan(0);
      expect(errors()).toEqual([]);
    });
  });

  it('the handout prints to a few A4 pages with the figure whole, the exercises and no answers', async ({ expect }) => {
    const counts = await chapterCounts(chapter);
    await onPage(`teach/${chapter}/handout/`, async (page, errors) => {
      expect(await page.locator('[data-handout-exercises] > li').count()).toBe(counts.exercises);
      expect(await page.locator('main details').count()).toBe(0);
      expect(await page.locator('main summary, main .explanation').count()).toBe(0);
      // The figure is its still: nothing hydrates on a handout.
      expect(await page.locator('[data-handout-figure] astro-island').count()).toBe(0);
      expect(await page.locator('[data-handout-figure] svg').count()).toBeGreaterThan(0);

      const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;
      expect(pages).toBeGreaterThanOrEqual(2);
      expect(pages).toBeLessThanOrEqual(12);

      // No figure cut across pages: in the print layout at the page's width, each figure is kept in one
      // piece (break-inside: avoid) and fits within one page's height, so Chromium never splits it.
      await page.setViewportSize({ width: A4_CONTENT.width, height: A4_CONTENT.height });
      await page.emulateMedia({ media: 'print' });
      const figures = await page.locator('main figure, [data-handout-figure]').evaluateAll((els) =>
        els.map((el) => ({ height: el.getBoundingClientRect().height, avoid: getComputedStyle(el).breakInside })),
      );
      expect(figures.length).toBeGreaterThan(0);
      for (const f of figures) {
        expect(f.avoid).toBe('avoid');
        expect(f.height).toBeLessThanOrEqual(A4_CONTENT.height);
      }
      expect(errors()).toEqual([]);
    });
  });
});

describe('the chapters keep their answers behind disclosures for students', () => {
  it('chapter 1 still shows each exercise answer in a closed <details>', async () => {
    await onPage('chapters/01-batch-normalization/', async (page) => {
      const closed = await page.locator('#exercises').evaluate((h) => [...h.closest('section')!.querySelectorAll(':scope > details')].every((d) => !(d as HTMLDetailsElement).open));
      expect(closed).toBe(true);
      await waitForFigure(figureOf(page, 'batchnorm-explorer'), 'batchnorm-explorer');
    });
  });
});
