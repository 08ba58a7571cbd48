/**
 * What the share tests (url-state, embed, exports, instructors) share: each widget's page, a change a
 * reader makes to its controls, reading a figure's state and downloads, and a progress-event recorder.
 * The waits here are Playwright's own (a locator waited for, a condition in the page), not vitest's
 * expect.poll, which needs the running test's own `expect` in tests that run concurrently.
 */
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { WIDGETS } from '../../src/widgets/catalog';

export const figureOf = (page: Page, slug: string): Locator => page.locator(`[data-widget="${slug}"]`);

/** Live figures train in the worker: a cold worker loads tfjs, the .wasm and the digits first. */
export const LIVE_TIMEOUT_MS = 60_000;

export interface WidgetCase {
  slug: string;
  live: boolean;
  chapterPath: string;
  /** What a reader changes, and the parameters the copied link must then hold. */
  change: (figure: Locator, page: Page) => Promise<void>;
  linkHas: Record<string, string>;
}

/** Types an exact value into a live figure's setting (its "exact value" box) or the seed box. */
async function typeInto(box: Locator, value: string) {
  await box.fill(value);
  await box.press('Enter');
  await box.page().waitForFunction(([el, v]) => (el as HTMLInputElement).value === v, [await box.elementHandle(), value] as const);
}

async function changeLive(figure: Locator, lr: string, lrLabel = 'Learning rate') {
  await typeInto(figure.getByRole('textbox', { name: `${lrLabel}, exact value` }), lr);
  await typeInto(figure.getByRole('textbox', { name: 'Seed' }), '7');
  await typeInto(figure.getByRole('textbox', { name: 'Step cap, exact value' }), '3');
}

async function pressOn(control: Locator, key: string, times = 1) {
  await control.focus();
  for (let i = 0; i < times; i++) await control.press(key);
}

const CHANGES: Record<string, Pick<WidgetCase, 'change' | 'linkHas'>> = {
  'batchnorm-explorer': {
    change: async (figure) => {
      await pressOn(figure.getByRole('slider', { name: 'Input shift (population mean)' }), 'ArrowRight', 2);
      await figure.getByRole('radio', { name: /Evaluation/ }).check();
      await figure.getByRole('button', { name: 'New batch' }).click();
    },
    linkHas: { shift: '3.2', mode: 'eval', seed: '2' },
  },
  'noise-injection': { change: (figure) => changeLive(figure, '0.2'), linkHas: { lr: '0.2', seed: '7', steps: '3' } },
  'gradient-shift': { change: (figure) => changeLive(figure, '0.00002'), linkHas: { lr: '0.00002', seed: '7', steps: '3' } },
  'lipschitz-ratio': {
    change: async (figure) => {
      await figure.getByRole('radio').nth(1).check();
      await pressOn(figure.getByRole('slider', { name: /x₁/ }), 'ArrowRight', 3);
    },
    linkHas: {},
  },
  'landscape-probe': { change: (figure) => changeLive(figure, '0.2'), linkHas: { lr: '0.2', seed: '7', steps: '3' } },
  'theorem-check': {
    change: async (figure) => {
      await pressOn(figure.getByRole('slider', { name: 'Batch size m' }), 'ArrowRight');
      await figure.getByRole('button', { name: 'New draw' }).click();
    },
    linkHas: { m: '17', seed: '2' },
  },
  'normalization-zoo': { change: (figure) => changeLive(figure, '0.2'), linkHas: { lr: '0.2', seed: '7', steps: '3' } },
  'spectral-norm': {
    change: async (figure) => {
      await pressOn(figure.getByRole('button', { name: /^M e₁ = / }), 'ArrowRight', 2);
      await figure.getByRole('button', { name: 'New network' }).click();
    },
    linkHas: { m11: '1.6', m21: '0.5', seed: '2' },
  },
  'wasserstein-critic': { change: (figure) => changeLive(figure, '0.005', 'Adam learning rate (gp, sn)'), linkHas: { lr: '0.005', seed: '7', steps: '3' } },
};

export const WIDGET_CASES: WidgetCase[] = WIDGETS.map((w) => {
  const change = CHANGES[w.slug];
  if (!change) throw new Error(`no share test case for the widget ${w.slug}: add one to tests/browser/share-helpers.ts`);
  return { slug: w.slug, live: w.experiment !== null, chapterPath: `chapters/${w.chapter}/`, ...change };
});

/** Figures that load the lab's math lazily and fill their text summary once it has computed. */
const COMPUTES_LAZILY = new Set(['batchnorm-explorer', 'theorem-check']);

/** Waits until a figure has hydrated (its share bar is there) and, if it computes lazily, has its numbers. */
export async function waitForFigure(figure: Locator, slug: string): Promise<void> {
  await figure.scrollIntoViewIfNeeded();
  await figure.getByRole('button', { name: 'Copy link' }).waitFor({ timeout: 20_000 });
  if (COMPUTES_LAZILY.has(slug)) await figure.locator('.summary').last().filter({ hasText: /\S/ }).waitFor({ timeout: 20_000 });
}

/** One step of a live figure's run (a fresh run that pauses after its first step). */
export async function stepOnce(figure: Locator): Promise<void> {
  await figure.getByRole('button', { name: 'Step', exact: true }).click();
  await figure.locator('.progress').filter({ hasText: /Step 1 of/ }).waitFor({ timeout: LIVE_TIMEOUT_MS });
  await figure.getByRole('status').first().filter({ hasText: /^Paused at step 1\./ }).waitFor({ timeout: LIVE_TIMEOUT_MS });
}

/** Opens the export panel of a figure (once). */
export async function openExports(figure: Locator): Promise<void> {
  const summary = figure.getByText('Export data and charts');
  if (!(await figure.locator('.share-bar details').evaluate((d) => (d as HTMLDetailsElement).open))) await summary.click();
}

/** Clicks an export button and returns the file's name and bytes. */
export async function downloadFrom(page: Page, button: Locator): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: await readFile(path) };
}

/** The figure's data as its JSON export. */
export async function exportedJson(page: Page, figure: Locator): Promise<{ widget: string; seed: number | null; config: Record<string, unknown>; columns: string[]; rows: unknown[][] }> {
  await openExports(figure);
  const file = await downloadFrom(page, figure.getByRole('button', { name: 'JSON' }));
  return JSON.parse(file.bytes.toString('utf8'));
}

/** Records the page's `course:progress` events from its first script on. */
export async function recordProgress(page: Page): Promise<() => Promise<{ kind: string; id: string }[]>> {
  await page.addInitScript(() => {
    const w = window as unknown as { progressEvents: unknown[] };
    w.progressEvents = [];
    window.addEventListener('course:progress', (e) => w.progressEvents.push((e as CustomEvent).detail));
  });
  return () => page.evaluate(() => (window as unknown as { progressEvents: { kind: string; id: string }[] }).progressEvents);
}
