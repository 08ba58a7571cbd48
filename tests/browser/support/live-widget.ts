/**
 * What the live-figure tests share: finding a figure's controls and state, waiting on conditions
 * (never on time), and watching the main thread for long tasks while the worker trains.
 */
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';

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
}

export function liveFigure(page: Page, name: RegExp): LiveFigure {
  const figure = page.getByRole('figure', { name });
  const status = figure.getByRole('status');
  const progress = figure.locator('.progress');
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
      await expect.poll(() => cap.inputValue()).toBe(String(steps));
    },
    stepsDone: async () => Number(/Step (\d+) of/.exec((await progress.textContent()) ?? '')?.[1] ?? -1),
    waitForStatus: async (pattern) => {
      await expect.poll(() => status.textContent(), { timeout: 30_000 }).toMatch(pattern);
    },
  };
}

/** Starts recording the page's long tasks (main-thread work over 50 ms). */
export async function watchLongTasks(page: Page): Promise<() => Promise<number[]>> {
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => w.longTasks.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask' });
  });
  return () => page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
}
