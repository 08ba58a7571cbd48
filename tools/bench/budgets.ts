/**
 * The quality budgets (README) measured on the production build in headless Chromium (the browser tests' own):
 * first-screen JS and CSS per chapter, the time from a widget entering the viewport to its figure
 * (a live figure's precomputed run drawn; any other widget hydrated), and from Play to the first live
 * point drawn (cold: the worker, tfjs, the .wasm and the data load first) with the longest main-thread task
 * of that swap (wall clock, the budget a reader feels), then the main thread while it trains (main-thread.ts). Timings are taken inside the page (performance.now, checked every
 * animation frame) and reported beside a baseline from the same run: the load time of the site's
 * smallest page from the same server.
 */
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../tests/browser/support/browser';
import { LONG_TASK_MS, traceMainThread } from '../../tests/browser/support/long-tasks';
import { INPUT_BUDGET_MS, watchTraining, type TrainingWatch } from './main-thread';
import { CSS_BUDGET_GZIP, JS_BUDGET_GZIP, kib, weighFirstScreen } from './page-weight';

export const FIGURE_BUDGET_MS = 1000;
export const FIRST_POINT_BUDGET_MS = 2000;

export interface BudgetRow {
  budget: string;
  measured: string;
  pass: boolean;
}

const VIEWPORT = { width: 1280, height: 800 };

/**
 * In the page: ms from island `index` coming into view, scrolled to (or from pressing its Play), until
 * its figure shows, checked every frame; null when it does not within 60 s. A live figure shows when it says it
 * shows the precomputed run and has drawn marks (line charts' series lines, else any circle or
 * non-axis path); its first live point, when it has done a step and drawn the same kind of marks again
 * (starting a run clears them).
 */
export async function timeUntil(page: Page, island: number, action: 'scroll' | 'play'): Promise<number | null> {
  // tsx (esbuild, keepNames) wraps the named helpers below in __name(), which the page lacks.
  await page.evaluate('window.__name ??= (f) => f');
  return page.evaluate(
    ({ index, action }) =>
      new Promise<number | null>((resolve) => {
        const el = document.querySelectorAll('astro-island')[index] as HTMLElement;
        const live = () => el.querySelector('.live-figure');
        const lines = () => live()?.querySelectorAll('path.series-line').length ?? 0;
        const marks = () => lines() + (live()?.querySelectorAll('svg circle, svg path:not(.domain)').length ?? 0);
        const drawn = () => (el.dataset.lines === 'true' ? lines() > 0 : marks() > 0);
        const status = () => live()?.querySelector('[role="status"]')?.textContent ?? '';
        const done =
          action === 'scroll'
            ? () => !el.hasAttribute('ssr') && (el.dataset.live !== 'true' || (status().startsWith('Showing a precomputed run') && marks() > 0))
            : () => /Step [1-9]/.test(live()?.querySelector('.progress')?.textContent ?? '') && drawn();
        const start = performance.now();
        // The clock starts when the island is in view, as the budgets say ("after visible"): the site scrolls
        // smoothly (global.css), and the scroll to a figure far down a chapter took up to a second before
        // the figure was on the screen at all, time that was counted against the figure (2026-12-03).
        const inView = () => {
          const { top, bottom } = (el.firstElementChild ?? el).getBoundingClientRect();
          return bottom > 0 && top < innerHeight;
        };
        let t0: number | null = action === 'play' ? start : null;
        // A live figure is taller than the screen, and its charts draw only near it: bring its first chart
        // into view, as a reader scrolling to the figure's results does. Until the island hydrates its SSR
        // still stands in. The chapter's sections lay out as they come near the screen (content-visibility),
        // and hydration replaces the still and adds the controls above the charts, so either can push the
        // chart off the screen: it is scrolled to again whenever it is out of view.
        const scrollToCharts = () => {
          const target = el.querySelector('figure.chart > svg') ?? el.firstElementChild ?? el;
          const { top, bottom } = target.getBoundingClientRect();
          if (bottom < 0 || top > innerHeight) target.scrollIntoView({ block: 'center' });
        };
        if (action === 'scroll') scrollToCharts();
        else [...el.querySelectorAll('button')].find((b) => b.textContent?.trim().endsWith('Play'))!.click();
        const check = () => {
          if (action === 'scroll') scrollToCharts();
          t0 ??= inView() ? performance.now() : null;
          if (t0 !== null && done()) {
            if (action === 'scroll') el.dataset.lines = String(lines() > 0);
            resolve(performance.now() - t0);
          } else if (performance.now() - start > 60_000) resolve(null);
          else requestAnimationFrame(check);
        };
        // After Play the precomputed marks go first; check from the next frame on.
        requestAnimationFrame(check);
      }),
    { index: island, action },
  );
}

export const ms = (value: number | null) => (value === null ? 'none in 60 s' : `${Math.round(value)} ms`);

/** The main-thread rows of one training figure (main-thread.ts). */
export function trainingRows(figure: string, watch: TrainingWatch): BudgetRow[] {
  const { tasks, longestLongTaskMs, slowestKeyMs, keys } = watch;
  return [
    {
      budget: `${figure}: longest main-thread task while training ≤ ${LONG_TASK_MS} ms (CPU; wall clock after /)`,
      measured: `${Math.round(tasks.longestCpuMs)} / ${Math.round(Math.max(longestLongTaskMs, tasks.longestWallMs))} ms`,
      pass: tasks.overBudget.length === 0,
    },
    {
      budget: `${figure}: ${keys} key presses on a chart while training, slowest to paint ≤ ${INPUT_BUDGET_MS} ms`,
      measured: slowestKeyMs === null ? '< 16 ms' : `${Math.round(slowestKeyMs)} ms`,
      pass: (slowestKeyMs ?? 0) <= INPUT_BUDGET_MS,
    },
  ];
}

/** Which islands of a page are live figures (they have a Play button once hydrated). */
async function liveIslands(browser: Browser, url: string): Promise<boolean[]> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  await page.goto(url);
  const islands = page.locator('astro-island');
  const live: boolean[] = [];
  for (let i = 0; i < (await islands.count()); i++) {
    await islands.nth(i).evaluate((el) => (el.firstElementChild ?? el).scrollIntoView());
    await page.waitForFunction((i) => !document.querySelectorAll('astro-island')[i]!.hasAttribute('ssr'), i);
    live.push(await islands.nth(i).evaluate((el) => el.querySelector('.live-figure') !== null));
  }
  await page.close();
  return live;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Every budget row for the chapters `paths` of the site served at `siteUrl`, and the run's baseline. */
export async function measureBudgets(siteUrl: string, paths: string[]): Promise<{ rows: BudgetRow[]; baselineMs: number }> {
  const browser = await launchChromium();
  const rows: BudgetRow[] = [];
  try {
    // Baseline: the smallest page (404) from the same server, load event after navigation start.
    const baselines: number[] = [];
    for (let i = 0; i < 5; i++) {
      const page = await browser.newPage();
      await page.goto(new URL('404.html', siteUrl).href);
      baselines.push(await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd));
      await page.close();
    }
    for (const path of paths) {
      const url = new URL(path, siteUrl).href;
      const context = await browser.newContext({ viewport: VIEWPORT });
      const page = await context.newPage();
      const { weight } = await weighFirstScreen(page, url);
      rows.push({ budget: `${path} JS before a widget (gzip) ≤ ${kib(JS_BUDGET_GZIP)}`, measured: kib(weight.jsGzip), pass: weight.jsGzip <= JS_BUDGET_GZIP });
      rows.push({ budget: `${path} CSS (gzip) ≤ ${kib(CSS_BUDGET_GZIP)}`, measured: kib(weight.cssGzip), pass: weight.cssGzip <= CSS_BUDGET_GZIP });
      const live = await liveIslands(browser, url);
      await page.evaluate((flags) => document.querySelectorAll('astro-island').forEach((el, i) => ((el as HTMLElement).dataset.live = String(flags[i]))), live);
      // The widget's component, from its island's bundle name (…/_astro/NoiseInjection.<hash>.js).
      const names = await page.locator('astro-island').evaluateAll((all) => all.map((el) => /([\w-]+)\.[\w-]+\.js$/.exec(el.getAttribute('component-url') ?? '')?.[1] ?? 'widget'));
      for (let i = 0; i < live.length; i++) {
        const shown = await timeUntil(page, i, 'scroll');
        const what = live[i] ? 'precomputed figure drawn' : 'widget hydrated';
        rows.push({ budget: `${path} ${names[i]}: ${what} ≤ ${FIGURE_BUDGET_MS} ms after visible`, measured: ms(shown), pass: shown !== null && shown <= FIGURE_BUDGET_MS });
        if (!live[i] || shown === null) continue;
        // The swap: from Play until the live run replaces the precomputed one on the charts.
        const stopTrace = await traceMainThread(page);
        const first = await timeUntil(page, i, 'play');
        const swap = await stopTrace();
        rows.push({ budget: `${path} ${names[i]}: first live point ≤ ${FIRST_POINT_BUDGET_MS} ms after Play (cold)`, measured: ms(first), pass: first !== null && first <= FIRST_POINT_BUDGET_MS });
        rows.push({
          budget: `${path} ${names[i]}: swap to the live run, longest main-thread task ≤ ${LONG_TASK_MS} ms (wall clock; CPU after /)`,
          measured: `${Math.round(swap.longestWallMs)} / ${Math.round(swap.longestCpuMs)} ms`,
          pass: swap.longestWallMs <= LONG_TASK_MS,
        });
        if (first === null) continue;
        rows.push(...trainingRows(`${path} ${names[i]}`, await watchTraining(page, i)));
        // The next figure is measured with this one idle, as a reader runs one at a time.
        // Found and clicked in one step in the page: a short run can finish between a check and a click, and then
        // its Pause button is gone (Play again).
        await page.evaluate((i) => {
          const island = document.querySelectorAll('astro-island')[i]!;
          [...island.querySelectorAll('button')].find((b) => b.textContent?.trim().endsWith('Pause'))?.click();
        }, i);
      }
      await context.close();
    }
    return { rows, baselineMs: median(baselines) };
  } finally {
    await browser.close();
  }
}

export function budgetTable(rows: BudgetRow[], baselineMs: number): string {
  const width = Math.max(...rows.map((r) => r.budget.length));
  const lines = rows.map((r) => `${r.budget.padEnd(width)}  ${r.measured.padStart(12)}  ${r.pass ? 'pass' : 'FAIL'}`);
  return [
    `budget${' '.repeat(width - 6)}  ${'measured'.padStart(12)}  result`,
    ...lines,
    `baseline: the 404 page from the same server loads in ${Math.round(baselineMs)} ms (median of 5) in this run`,
  ].join('\n');
}
