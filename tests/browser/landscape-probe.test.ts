/**
 * The LandscapeProbe figure: hydrates when scrolled into view with the precomputed trace (BatchNorm's
 * loss band far narrower), trains live in the worker without blocking the page and shows the same
 * for the default seed, reads its slice and charts from the keyboard, reports a divergence with its
 * charts intact, and stays clean (console, origin, axe).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, foreignRequests, type PageWatch } from './support/site';
import { beforeAllFinishedRun, beforeAllFresh, openLiveFigure, type LiveFigure } from './support/live-widget';
import { fmtValue } from '../../src/charts/describe';
import type { Trace } from '../../src/traces/trace';

const trace = JSON.parse(readFileSync('src/traces/landscape.json', 'utf8')) as Trace;
/** Probes at steps 0…100: enough for the plain net's band to open up (it is narrow for the first 40 steps). */
const STEPS = 101;

let page: Page;
let watch: PageWatch;
let widget: LiveFigure;
let close: () => Promise<void>;

beforeAll(async () => {
  const opened = await openLiveFigure('chapters/05-the-landscape/', /The landscape along the gradient, live/);
  ({ page, watch, widget } = opened);
  close = () => opened.browser.close();
});
afterAll(() => close?.());

const cell = (id: string) => widget.figure.getByTestId(id);
const median = async (id: string) => Number((await cell(id).textContent())!.replace(/,/g, ''));

describe('LandscapeProbe', () => {
  it('waits below the fold, then hydrates with the precomputed trace: BatchNorm’s band is far narrower', async () => {
    // Until it hydrates, the figure shows its precomputed run as a static chart.
    expect(await widget.figure.locator('[data-still]').count()).toBe(1);
    await widget.figure.scrollIntoViewIfNeeded();
    await widget.play.waitFor();
    await widget.waitForStatus(/^Showing a precomputed run/);
    const last = trace.arms.batchnorm!.betaEff!.findLast((v) => v !== null)!;
    expect(await widget.summary(/^\(c\) Effective β-smoothness$/).textContent()).toContain(`BatchNorm ${fmtValue(last)} (step 180)`);
    expect(await median('band-batchnorm')).toBeLessThan(0.2 * (await median('band-standard')));
    expect(await widget.figure.getByRole('figure', { name: 'Loss along the gradient at step 180' }).count()).toBe(1);
  });

  describe(`a live run of ${STEPS} steps`, () => {
    const run = beforeAllFinishedRun(() => ({ page, widget }), STEPS);

    it('shows BatchNorm’s narrower band and smaller gradient change for the default seed', async () => {
      expect(await widget.figure.textContent()).toMatch(/medians over 6 probes/);
      expect(await median('band-batchnorm')).toBeLessThan(0.2 * (await median('band-standard')));
      expect(await median('grad-batchnorm')).toBeLessThan(0.5 * (await median('grad-standard')));
    });

    it('trained in the worker with no long task on the main thread', () => {
      expect(run().longTasks).toEqual([]);
    });

    it('moves the slice to another step and reads the charts from the keyboard', async () => {
      const select = widget.figure.getByRole('combobox', { name: 'Slice at step' });
      expect(await select.inputValue()).toBe('100');
      await select.focus();
      await page.keyboard.press('ArrowUp');
      await expect.poll(() => widget.figure.getByRole('figure', { name: 'Loss along the gradient at step 80' }).count()).toBe(1);
      const band = widget.figure.getByRole('figure', { name: /^\(a\) Loss along the gradient/ }).getByRole('img');
      await band.focus();
      await page.keyboard.press('End');
      const readout = band.locator('xpath=..').locator('.readout');
      await expect.poll(() => readout.textContent()).toMatch(/^Standard [\d.]+ to [\d.]+ \(step 100\) · BatchNorm [\d.]+ to [\d.]+ \(step 100\)$/);
    });
  });

  describe('at a learning rate of 2', () => {
    beforeAllFresh(() => ({ page, widget }));

    it('reports a divergence at a learning rate of 2, with its charts intact', async () => {
      const exact = widget.figure.getByRole('textbox', { name: 'Learning rate, exact value' });
      await exact.fill('2');
      await exact.press('Enter');
      await widget.setStepCap(30);
      await widget.play.click();
      await widget.waitForStatus(/^Finished at step 30\./);
      expect(await widget.figure.textContent()).toMatch(/Standard\s*\(× diverged at step 27\)/);
      expect(await widget.summary(/^\(a\) Loss along the gradient/).textContent()).toMatch(/Standard diverged at step 27\./);
      // Charts draw only near the screen, and the compact figure can leave (a) below it while Play is in view.
      const loss = widget.figure.getByRole('figure', { name: /^\(a\) Loss along the gradient/ });
      await loss.scrollIntoViewIfNeeded();
      await expect.poll(() => loss.locator('path.range-band').count()).toBe(2);
    });
  });

  it('is axe-clean after all this, with no console error and nothing from another origin', async () => {
    expect(await axeViolations(page)).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.failures).toEqual([]);
    expect(foreignRequests(watch)).toEqual([]);
  });
});
