/**
 * Failure handling of a live figure: when the wasm backend cannot load, the run goes on on the cpu
 * backend with a visible notice; when the worker cannot start or dies mid-run, the figure shows the
 * failure with "Try again", the rest of the page is intact, and trying again (worker restored) trains.
 */
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { useChromium } from './support/browser';
import { siteUrl } from './support/site';
import { liveFigure, type LiveFigure } from './support/live-widget';

const CHAPTER = 'chapters/02-does-batchnorm-reduce-ics/';
const FIGURE = /Noisy BatchNorm, live/;
const WORKER = '**/_astro/lab.worker-*.js';

const browser = useChromium();

interface Opened {
  context: BrowserContext;
  page: Page;
  widget: LiveFigure;
  pageErrors: string[];
}

/** `cores`: the core count the page is told (as DevTools can), which decides how many workers a run splits across. */
async function open(prepare: (context: BrowserContext) => Promise<unknown> = async () => {}, cores?: number): Promise<Opened> {
  const context = await browser().newContext({ viewport: { width: 1280, height: 800 } });
  await prepare(context);
  const page = await context.newPage();
  if (cores !== undefined) await (await context.newCDPSession(page)).send('Emulation.setHardwareConcurrencyOverride', { hardwareConcurrency: cores });
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(siteUrl(CHAPTER));
  const widget = liveFigure(page, FIGURE);
  await widget.figure.scrollIntoViewIfNeeded();
  await widget.play.waitFor();
  await widget.setStepCap(5000);
  return { context, page, widget, pageErrors };
}

/** The chapter around the failed figure still reads and works: heading, math, the other controls. */
async function expectPageIntact(page: Page, widget: LiveFigure, pageErrors: string[]) {
  expect(await page.getByRole('heading', { level: 1 }).isVisible()).toBe(true);
  expect(await page.locator('.katex').count()).toBeGreaterThan(10);
  expect(await widget.figure.getByRole('slider', { name: 'Learning rate' }).isEnabled()).toBe(true);
  expect(await page.getByRole('navigation', { name: 'Chapters' }).getByRole('link').count()).toBeGreaterThan(5);
  expect(pageErrors).toEqual([]);
}

/**
 * Play fails with `error` in the figure and "Try again", the page stays intact; with the worker
 * restored, trying again trains (and the button goes).
 */
async function expectFailureThenRetry(opened: Opened, error: RegExp) {
  const { context, page, widget, pageErrors } = opened;
  await widget.play.click();
  await widget.waitForStatus(new RegExp(`^The run failed: the lab worker failed: .*${error.source}`));
  const retry = widget.figure.getByRole('button', { name: 'Try again' });
  expect(await retry.isVisible()).toBe(true);
  await expectPageIntact(page, widget, pageErrors);

  await context.unroute(WORKER);
  await retry.click();
  await widget.waitForSteps(2);
  expect(await retry.count()).toBe(0);
}

describe('live figure failures', () => {
  it('wasm cannot load: trains on the cpu backend and says so', async () => {
    const { context, page, widget, pageErrors } = await open((c) => c.route('**/*.wasm', (route) => route.abort()));
    await widget.play.click();
    await widget.waitForSteps(2);
    expect(await widget.progress.getAttribute('data-backend')).toBe('cpu');
    expect(await widget.progress.getAttribute('title')).toMatch(/TensorFlow\.js \(cpu backend\)/);
    const notice = widget.figure.getByText(/The fast WebAssembly backend was not available \(.+\); training runs on the slower JavaScript backend\./);
    expect(await notice.isVisible()).toBe(true);
    await widget.pause.click();
    await widget.waitForStatus(/^Paused at step \d+\./);
    await expectPageIntact(page, widget, pageErrors);
    await context.close();
  });

  it('the worker cannot load: an error with "Try again", the page intact; trying again trains', async () => {
    const opened = await open((c) =>
      c.route(WORKER, (route) => route.fulfill({ contentType: 'text/javascript', body: "throw new Error('simulated worker crash');" })),
    );
    await expectFailureThenRetry(opened, /simulated worker crash/);
    await opened.context.close();
  });

  // One core: the run's four arms train in one worker; four cores: a worker each (split-client.ts).
  it.for([1, 4])('the worker dies mid-run on a device of %i cores: an error with "Try again", the page intact; trying again trains', async (cores) => {
    // The real worker, plus an uncaught error right after its first batch of metrics.
    const opened = await open(
      (c) =>
        c.route(WORKER, (route) => {
          const real = `${route.request().url()}?real`;
          const body = `import ${JSON.stringify(real)};
const post = self.postMessage.bind(self);
self.postMessage = (m) => { post(m); if (m.type === 'metrics') setTimeout(() => { throw new Error('simulated crash mid-run'); }); };`;
          return route.fulfill({ contentType: 'text/javascript', body });
        }),
      cores,
    );
    await expectFailureThenRetry(opened, /simulated crash mid-run/);
    // The crashed run's workers are gone; the retry trains in as many as the device's cores allow.
    await expect.poll(() => opened.page.workers().filter((w) => w.url().includes('lab.worker')).length).toBe(cores === 1 ? 1 : 4);
    await opened.widget.pause.click();
    await opened.widget.waitForStatus(/^Paused at step \d+\./);
    await opened.context.close();
  });
});
