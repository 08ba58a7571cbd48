/**
 * The NoiseInjection figure: hydrates when scrolled into view with the precomputed trace drawn,
 * trains live in the worker without blocking the page, pauses, resets to the same numbers, reports
 * divergence, works from the keyboard, and stays clean (console, origin, axe). Each describe block
 * starts from a freshly loaded page, so a failure in one does not decide the next.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, itStayedClean, type PageWatch } from './support/site';
import { beforeAllFinishedRun, beforeAllFresh, useLiveFigure, type LiveFigure } from './support/live-widget';
import { LIVE_TIMEOUT_MS } from './share-helpers';
import { fmtValue } from '../../src/charts/describe';
import type { Trace } from '../../src/traces/trace';

const trace = JSON.parse(readFileSync('src/traces/noisy-bn.json', 'utf8')) as Trace;
const STEPS = 30;

let page: Page;
let watch: PageWatch;
let widget: LiveFigure;
useLiveFigure('chapters/02-does-batchnorm-reduce-ics/', /Noisy BatchNorm, live/, (opened) => ({ page, watch, widget } = opened));

const lossSummary = () => widget.summary(/^Training loss$/).textContent();

describe('NoiseInjection', () => {
  it('waits below the fold, then hydrates with the precomputed trace drawn', async () => {
    // Until it hydrates, the figure shows its precomputed run as a static chart.
    expect(await widget.figure.locator('[data-still]').count()).toBe(1);
    await widget.figure.scrollIntoViewIfNeeded();
    await widget.play.waitFor();
    await widget.waitForStatus(/^Showing a precomputed run/);
    const last = trace.arms.batchnorm!.loss!.at(-1)!;
    expect(await lossSummary()).toContain(`BatchNorm ${fmtValue(last)} (step ${trace.steps - 1})`);
    // One line per arm in the loss chart (charts draw when near the viewport), and a band chart per arm.
    const lossChart = widget.figure.getByRole('figure', { name: /^Training loss$/ });
    await lossChart.scrollIntoViewIfNeeded();
    await expect.poll(() => lossChart.locator('path.series-line').count()).toBe(4);
    expect(await widget.figure.getByRole('figure', { name: /^(Standard|BatchNorm|Noisy BatchNorm|Standard \+ noise), layer 2$/ }).count()).toBe(4);
  });

  describe(`a live run of ${STEPS} steps`, () => {
    const run = beforeAllFinishedRun(() => ({ page, widget }), STEPS);

    it('replaces the trace with its own numbers, on the backend it names', async () => {
      // The trace's last point is at step 299; the run's at step STEPS − 1.
      expect(await lossSummary()).toMatch(new RegExp(`BatchNorm [\\d.]+ \\(step ${STEPS - 1}\\)`));
      // The line speaks to students; the backend is for the curious, in the tooltip and data-backend.
      expect((await widget.progress.textContent())?.trim()).toMatch(new RegExp(`^Step ${STEPS} of ${STEPS}$`));
      expect(await widget.progress.getAttribute('data-backend')).toMatch(/^(wasm|cpu)$/);
    });

    it('trained in the worker with no long task on the main thread', () => {
      expect(run().longTasks).toEqual([]);
    });

    it('pauses, steps, and after a reset replays the same numbers with the same seed', async () => {
      const finished = await lossSummary();
      await widget.figure.getByRole('button', { name: 'Reset' }).click();
      await widget.play.click();
      // Paused at once: a run of 30 steps can finish between a step seen and a click (it did, at step 29 of 30,
      // once training got faster). The start waits for the charts to draw Play's change and the pause follows it,
      // so the run pauses before its end, and Step below has a step to take.
      await widget.pause.click();
      await widget.waitForStatus(/^Paused at step \d+\./);
      const pausedAt = await widget.stepsDone();
      expect(pausedAt).toBeLessThan(STEPS - 1);
      expect(await widget.status.textContent()).toBe(`Paused at step ${pausedAt}.`);
      await widget.figure.getByRole('button', { name: 'Step' }).click();
      await widget.waitForStatus(new RegExp(`^Paused at step ${pausedAt + 1}\\.`));
      await widget.play.click();
      await widget.waitForStatus(new RegExp(`^Finished at step ${STEPS}\\.`));
      expect(await lossSummary()).toBe(finished);
    });
  });

  describe('out of view', () => {
    beforeAllFresh(() => ({ page, widget }));

    it('pauses while scrolled out of view and resumes when back', async () => {
      await widget.setStepCap(5000);
      await widget.play.click();
      await widget.waitForSteps(2);
      await page.evaluate(() => scrollTo(0, 0));
      await widget.waitForStatus(/^Paused at step \d+\./);
      await widget.figure.scrollIntoViewIfNeeded();
      await widget.waitForStatus(/^Running\./);
      await widget.pause.click();
      await widget.waitForStatus(/^Paused at step \d+\./);
    });
  });

  describe('from the keyboard', () => {
    beforeAllFresh(() => ({ page, widget }));

    it('answers while it trains: the loss chart’s read-out follows the arrow keys', async () => {
      await widget.figure.getByRole('button', { name: 'Reset' }).click();
      await widget.setStepCap(5000);
      await widget.play.click();
      await widget.waitForStatus(/^Running\./);
      // The chart has live points to read: the charts take new batches four times a second, so a step the
      // status names may not be drawn yet. Until one is, the chart has no step to go Home to, and Home is
      // the page's own key (it scrolls to the top, and the figure, out of sight, pauses).
      await widget.waitForSteps(2);
      await expect
        .poll(async () => {
          const summary = (await lossSummary()) ?? '';
          return /\(step \d+\)/.test(summary) && !summary.includes(`(step ${trace.steps - 1})`);
        }, { timeout: LIVE_TIMEOUT_MS })
        .toBe(true);
      const chart = widget.figure.getByRole('figure', { name: /^Training loss$/ }).getByRole('img');
      const readout = chart.locator('xpath=..').locator('.readout');
      // A keyboard reader has no pointer on the charts; one left over one by an earlier test would move
      // the shared crosshair whenever the charts' layout shifts under it.
      await page.mouse.move(0, 0);
      await chart.focus();
      await page.keyboard.press('Home');
      // The read-out is redrawn on the main thread between the worker's batches: on a busy machine that
      // takes more than expect.poll's default second.
      await expect.poll(() => readout.textContent(), { timeout: LIVE_TIMEOUT_MS }).toMatch(/\(step 0\)/);
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => readout.textContent(), { timeout: LIVE_TIMEOUT_MS }).toMatch(/\(step 1\)/);
      // The figure's one polite read-out keeps its lines, one per panel in the panels' order, while batches
      // arrive: a line removed and inserted again is a change the live region announces, batch after batch.
      const lines = widget.figure.locator('.figure-readout li');
      await expect.poll(() => lines.count()).toBe(8);
      await lines.first().evaluate((li) => {
        const w = window as unknown as { readoutChanges: number };
        w.readoutChanges = 0;
        new MutationObserver((records) => (w.readoutChanges += records.length)).observe(li.parentElement!, { childList: true });
      });
      const latestStep = async () => Number(/BatchNorm [^(]+\(step (\d+)\)/.exec((await lossSummary()) ?? '')?.[1] ?? -1);
      const marked = await latestStep();
      // Two more batches drawn after the observer started.
      await expect.poll(latestStep, { timeout: LIVE_TIMEOUT_MS }).toBeGreaterThan(marked);
      await expect.poll(latestStep, { timeout: LIVE_TIMEOUT_MS }).toBeGreaterThan((await latestStep()));
      expect(await page.evaluate(() => (window as unknown as { readoutChanges: number }).readoutChanges)).toBe(0);
      expect(await lines.locator('.panel').allTextContents()).toEqual([
        'Training loss:',
        `Training accuracy (this batch, mean of the last 10 steps):`,
        ...['Standard', 'BatchNorm', 'Noisy BatchNorm', 'Standard + noise'].map((arm) => `${arm}, layer 2:`),
        'Change of the mean per step, layer 2:',
        'Change of the variance per step, layer 2:',
      ]);
      expect(await widget.status.textContent()).toMatch(/^Running\./);
      await widget.pause.click();
      await widget.waitForStatus(/^Paused at step \d+\./);
    });

    it('redraws its charts in place: new batches move the same line elements', async () => {
      // Re-created marks are restyled, laid out and painted as new on every batch (src/charts/marks.ts).
      const chart = widget.figure.getByRole('figure', { name: /^Training loss$/ }).getByRole('img');
      const kept = 'path.series-line, path.series-raw, rect.hover-target';
      const before = await chart.evaluate((svg, kept) => {
        const w = window as unknown as { keptMarks: Element[] };
        w.keptMarks = [...svg.querySelectorAll(kept)];
        return w.keptMarks.map((el) => el.getAttribute('d'));
      }, kept);
      // Four lines, four raw curves behind them, and the hover target.
      expect(before).toHaveLength(9);
      const latestStep = async () => Number(/BatchNorm [^(]+\(step (\d+)\)/.exec((await lossSummary()) ?? '')?.[1] ?? -1);
      const paused = await latestStep();
      await widget.play.click();
      await expect.poll(latestStep, { timeout: LIVE_TIMEOUT_MS }).toBeGreaterThan(paused);
      await widget.pause.click();
      await widget.waitForStatus(/^Paused at step \d+\./);
      const after = await chart.evaluate((svg, kept) => {
        const { keptMarks } = window as unknown as { keptMarks: Element[] };
        const now = [...svg.querySelectorAll(kept)];
        return { same: now.length === keptMarks.length && now.every((el, i) => el === keptMarks[i]), d: now.map((el) => el.getAttribute('d')) };
      }, kept);
      expect(after.same).toBe(true);
      // Redrawn with the new batches, not left as they were.
      expect(after.d.filter((d, i) => d !== null && d !== before[i])).toHaveLength(8);
    });
  });

  describe('its step counter', () => {
    beforeAllFresh(() => ({ page, widget }));

    it('moves with the charts, not ahead of the batch they show', async () => {
      // The worker reports its progress with every batch, ten a second; the charts take batches four times
      // a second. A counter set on every report ran ahead of the charts, and each report was an update of
      // the page of its own (a frame of style, layout and paint on a phone's main thread).
      await widget.setStepCap(150);
      // Each time the counter changes: the step it names, and the latest step of the loss chart's slowest arm.
      await widget.summary(/^Training loss$/).evaluate((summary, progress) => {
        const w = window as unknown as { counterSeen: [number, number][] };
        w.counterSeen = [];
        const latest = () => Math.min(...[...(summary.textContent ?? '').matchAll(/\(step (\d+)\)/g)].map((m) => Number(m[1])));
        new MutationObserver(() => {
          const counter = Number(/Step (\d+) of/.exec(progress.querySelector('.progress')?.textContent ?? '')?.[1] ?? Number.NaN);
          if (w.counterSeen.at(-1)?.[0] !== counter) w.counterSeen.push([counter, latest()]);
        }).observe(progress, { subtree: true, childList: true, characterData: true });
      }, await widget.figure.elementHandle());
      await widget.play.click();
      await widget.waitForStatus(/^Finished at step 150\./);
      const seen = await page.evaluate(() => (window as unknown as { counterSeen: [number, number][] }).counterSeen);
      const counted = seen.filter(([counter]) => counter > 0);
      expect(counted.length).toBeGreaterThan(3);
      // The worker counts step n − 1 done (steps count from 0) with its first record, so "Step n of 150" may
      // come with a batch that ends inside step n − 1, the slowest arm's loss still at step n − 2. On main,
      // the counter ran 4–16 steps ahead.
      expect(counted.filter(([counter, latest]) => counter > latest + 2)).toEqual([]);
      expect(counted.at(-1)).toEqual([150, 149]);
    });
  });

  describe('settings from the keyboard', () => {
    beforeAllFresh(() => ({ page, widget }));

    it('takes the learning-rate slider, rejects a bad typed value, and plays and pauses', async () => {
      const slider = widget.figure.getByRole('slider', { name: 'Learning rate' });
      const exact = widget.figure.getByRole('textbox', { name: 'Learning rate, exact value' });
      await slider.focus();
      await page.keyboard.press('ArrowLeft');
      await expect.poll(() => exact.inputValue()).toBe('0.2');
      // Not the trace's settings any more: nothing precomputed to show.
      await widget.waitForStatus(/^Ready\. Press Play/);
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => exact.inputValue()).toBe('0.5');
      await widget.waitForStatus(/^Showing a precomputed run/);

      await exact.fill('fast');
      await exact.press('Enter');
      expect(await widget.figure.getByText('Learning rate must be a number.').count()).toBe(1);
      expect(await exact.getAttribute('aria-invalid')).toBe('true');
      expect(await exact.inputValue()).toBe('0.5');

      await widget.play.focus();
      await page.keyboard.press('Enter');
      await widget.waitForStatus(/^(Loading|Running)/);
      await page.keyboard.press('Space'); // the same button now pauses
      await widget.waitForStatus(/^Paused at step \d+\./);
    });
  });

  describe('with every panel shown', () => {
    beforeAllFresh(() => ({ page, widget }));

    it('is axe-clean while running', async () => {
      await widget.setStepCap(STEPS);
      await widget.play.click();
      await widget.waitForStatus(/^Running\./);
      expect(await axeViolations(page)).toEqual([]);
      await widget.waitForStatus(new RegExp(`^Finished at step ${STEPS}\\.`));
    });
  });

  describe('with noise that makes an arm diverge', () => {
    beforeAllFresh(() => ({ page, widget }));

    it('ends the diverging arm with “diverged at step k” and keeps the charts', async () => {
      await widget.setStepCap(STEPS);
      for (const [name, value] of [
        ['Noise mean range n_μ', '1.5'],
        ['Noise scale bound n_σ', '2'],
      ] as const) {
        const box = widget.figure.getByRole('textbox', { name: `${name}, exact value` });
        await box.fill(value);
        await box.press('Enter');
      }
      await widget.play.click();
      await widget.waitForStatus(/^Finished at step \d+\. Standard \+ noise diverged at step \d+\./);
      expect(await widget.figure.getByText(/× diverged at step \d+/).count()).toBeGreaterThan(0);
      const lossChart = widget.figure.getByRole('figure', { name: /^Training loss$/ });
      await lossChart.scrollIntoViewIfNeeded();
      await expect.poll(() => lossChart.locator('path.series-line').count()).toBe(4);
      expect(await lossSummary()).toMatch(/Standard \+ noise diverged at step \d+\./);
    });
  });

  itStayedClean(() => watch);
});
