/**
 * What the live-figure tests share: finding a figure's controls and state, waiting on conditions
 * (never on time), and watching the main thread for long tasks while the worker trains.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium } from './browser';
import { axeViolations, siteUrl, watchPage, type PageWatch } from './site';
import { traceMainThread } from './long-tasks';

export interface LiveFigure {
  figure: Locator;
  play: Locator;
  pause: Locator;
  status: Locator;
  progress: Locator;
  /** The text summary under a chart, by the chart's title. */
  summary: (chartTitle: RegExp) => Locator;
  /** Sets the step cap by typing, as a reader would. */
  setStepCap: (steps: number) => Promise<void>;
  /** Steps done, from "Step k of N". */
  stepsDone: () => Promise<number>;
  /** Waits for a state sentence of the live region, e.g. /^Finished at step 30\./. */
  waitForStatus: (pattern: RegExp) => Promise<void>;
  /** Waits until the run has done at least `steps` steps. */
  waitForSteps: (steps: number) => Promise<void>;
}

/** A cold worker loads tfjs, the .wasm and the digits first; a busy CI machine is slow at it. */
const LIVE_TIMEOUT_MS = 30_000;
/** How often `waitUntil` reads again. */
const POLL_MS = 50;

/**
 * Reads until `accept` holds, like expect.poll, which vitest allows only inside a test: the figure's
 * helpers also set up describe blocks (beforeAllFinishedRun).
 */
async function waitUntil<T>(what: string, read: () => Promise<T>, accept: (value: T) => boolean, timeout = LIVE_TIMEOUT_MS): Promise<void> {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await read();
    if (accept(value)) return;
    if (Date.now() > end) throw new Error(`waited ${timeout} ms for ${what}; last read: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

export function liveFigure(page: Page, name: RegExp): LiveFigure {
  const figure = page.getByRole('figure', { name });
  const status = figure.getByRole('status');
  const progress = figure.locator('.progress');
  const stepsDone = async () => Number(/Step (\d+) of/.exec((await progress.textContent()) ?? '')?.[1] ?? -1);
  return {
    figure,
    play: figure.getByRole('button', { name: 'Play' }),
    pause: figure.getByRole('button', { name: 'Pause' }),
    status,
    progress,
    summary: (chartTitle) => figure.getByRole('figure', { name: chartTitle }).locator('.summary'),
    setStepCap: async (steps) => {
      const cap = figure.getByRole('textbox', { name: 'Step cap, exact value' });
      await cap.fill(String(steps));
      await cap.press('Enter');
      await waitUntil(`a step cap of ${steps}`, () => cap.inputValue(), (v) => v === String(steps));
    },
    stepsDone,
    waitForStatus: (pattern) => waitUntil(`the status ${pattern}`, () => status.textContent(), (text) => pattern.test(text ?? '')),
    waitForSteps: (steps) => waitUntil(`step ${steps}`, stepsDone, (done) => done >= steps),
  };
}

/**
 * Starts watching the page's main thread; the returned function gives the CPU time of each task that
 * ran over the 50 ms main-thread budget (see ./long-tasks.ts for why CPU time rather than wall time).
 */
export async function watchLongTasks(page: Page): Promise<() => Promise<number[]>> {
  const stop = await traceMainThread(page);
  return async () => (await stop()).overBudget;
}

export interface LivePage {
  browser: Browser;
  page: Page;
  watch: PageWatch;
  widget: LiveFigure;
}

/** A fresh desktop-sized page on a chapter, watched from the first request, with its live figure. */
export async function openLiveFigure(path: string, name: RegExp): Promise<LivePage> {
  const browser = await launchChromium();
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  const watch = watchPage(page);
  await page.goto(siteUrl(path));
  return { browser, page, watch, widget: liveFigure(page, name) };
}

/**
 * One live figure per test file, as one reader's session: opened (in its own browser) before the
 * file's tests and handed to the file by `onOpen`, the browser closed after them.
 */
export function useLiveFigure(path: string, name: RegExp, onOpen: (opened: LivePage) => void): void {
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const opened = await openLiveFigure(path, name);
    onOpen(opened);
    close = () => opened.browser.close();
  });
  afterAll(() => close?.());
}

/**
 * A describe block's set-up: the page reloaded and the figure hydrated, its settings and seed the
 * defaults again, so the block's tests depend on nothing an earlier block did (or failed to finish).
 */
export function beforeAllFresh(opened: () => { page: Page; widget: LiveFigure }): void {
  beforeAll(async () => {
    const { page, widget } = opened();
    await page.reload();
    await widget.figure.scrollIntoViewIfNeeded();
    await widget.play.waitFor();
  });
}

export interface FinishedRun {
  /** CPU time of each main-thread task over the 50 ms budget while it trained (./long-tasks.ts). */
  longTasks: number[];
}

/**
 * A describe block's set-up: a fresh page (beforeAllFresh), then one run of `steps` steps with the
 * defaults, played to its end while the main thread is watched. The block's tests read what it left.
 */
export function beforeAllFinishedRun(opened: () => { page: Page; widget: LiveFigure }, steps: number): () => FinishedRun {
  let run: FinishedRun | undefined;
  beforeAllFresh(opened);
  beforeAll(async () => {
    const { page, widget } = opened();
    await widget.setStepCap(steps);
    const longTasks = await watchLongTasks(page);
    await widget.play.click();
    await widget.waitForStatus(new RegExp(`^Finished at step ${steps}\\.`));
    run = { longTasks: await longTasks() };
  });
  return () => run!;
}

/**
 * Axe looks at a freshly loaded figure mid-run, which is paused right after. The step cap is the largest the
 * digits and deep-linear figures take (stepsField's max): with a worker per core, 300 of gradient-shift's
 * steps finished while axe ran on a slow machine, and Pause was gone.
 */
export function itIsAxeCleanWhileRunning(opened: () => { page: Page; widget: LiveFigure }): void {
  describe('while running', () => {
    beforeAllFresh(opened);
    itIsAxeClean(opened);
  });
}

function itIsAxeClean(opened: () => { page: Page; widget: LiveFigure }): void {
  it('is axe-clean while running', async () => {
    const { page, widget } = opened();
    await widget.setStepCap(5000);
    await widget.play.click();
    await widget.waitForStatus(/^Running\./);
    expect(await axeViolations(page)).toEqual([]);
    await widget.pause.click();
    await widget.waitForStatus(/^Paused at step \d+\./);
  });
}
