/**
 * Play swaps a figure's precomputed run for a live one: the charts clear, one per frame (draw-queue.ts), and the
 * run's workers start. The workers' start (tfjs, the .wasm compiling) and then their training take every core of a
 * small machine, and frames drawn meanwhile took several times their own CPU time in wall clock
 * (docs/performance.md), so the run starts only once the charts have drawn Play's change (`afterChartsDrawn`).
 */
import { describe, expect, it } from 'vitest';
import { useChromium } from './support/browser';
import { liveFigure } from './support/live-widget';
import { siteUrl, watchPage } from './support/site';

const browser = useChromium();
/** A line a chart draws: a band chart keeps an empty median path while it has no data. */
const DRAWN_LINE = 'path.series-line[d]:not([d=""])';

describe('a live run starts after Play has been drawn', () => {
  it('creates its workers once no chart shows the precomputed run any more, then trains', async () => {
    // Tall enough for every panel to be near the screen: a chart out of sight does not redraw.
    const context = await browser().newContext({ viewport: { width: 1280, height: 2400 } });
    const page = await context.newPage();
    const watch = watchPage(page);
    // Each worker, as it is made: how many of the precomputed run's lines the charts still draw.
    await page.addInitScript((drawnLine) => {
      const w = window as unknown as { linesAtWorkerStart: number[]; Worker: typeof Worker };
      w.linesAtWorkerStart = [];
      const Native = w.Worker;
      w.Worker = class extends Native {
        constructor(url: string | URL, options?: WorkerOptions) {
          w.linesAtWorkerStart.push(document.querySelectorAll(drawnLine).length);
          super(url, options);
        }
      };
    }, DRAWN_LINE);
    await page.goto(siteUrl('embed/noise-injection/'));
    const widget = liveFigure(page, /Noisy BatchNorm, live/);
    await widget.waitForStatus(/^Showing a precomputed run/);
    const lines = page.locator(DRAWN_LINE);
    await expect.poll(() => lines.count()).toBeGreaterThan(0);

    await widget.setStepCap(20);
    await widget.play.click();
    await widget.waitForStatus(/^Finished at step 20\./);
    const starts = await page.evaluate(() => (window as unknown as { linesAtWorkerStart: number[] }).linesAtWorkerStart);
    // One worker per core, at most one per arm (split-client.ts); none made while a precomputed line was drawn.
    expect(starts.length).toBeGreaterThan(0);
    expect(starts).toEqual(starts.map(() => 0));
    expect(await lines.count()).toBeGreaterThan(0);
    expect([...watch.consoleErrors, ...watch.failures]).toEqual([]);
    await context.close();
  });
});
