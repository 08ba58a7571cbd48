/**
 * The NormalizationZoo figure: hydrates when scrolled into view with the precomputed trace drawn
 * (five arms, loss bands, a unit's distribution per arm), trains live in the worker without blocking
 * the page, switches to the deep linear network from the keyboard, and stays clean (console, origin,
 * axe).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { itStayedClean, type PageWatch } from './support/site';
import { beforeAllFinishedRun, beforeAllFresh, itIsAxeCleanWhileRunning, useLiveFigure, type LiveFigure } from './support/live-widget';
import { fmtValue } from '../../src/charts/describe';
import type { Trace } from '../../src/traces/trace';

const trace = JSON.parse(readFileSync('src/traces/lp-norms.json', 'utf8')) as Trace;
/** Past the first landscape probe after step 0 (every 20 steps). */
const STEPS = 24;
const ARM_TITLES = /^(Standard|BatchNorm|ℓ1 norm|ℓ2 norm|ℓ∞ norm), layer 2$/;

let page: Page;
let watch: PageWatch;
let widget: LiveFigure;
useLiveFigure('chapters/07-is-batchnorm-the-only-way/', /Five normalizations, live/, (opened) => ({ page, watch, widget } = opened));

const lossSummary = () => widget.summary(/^Training loss$/).textContent();
const chart = (name: RegExp) => widget.figure.getByRole('figure', { name });

describe('NormalizationZoo', () => {
  it('waits below the fold, then hydrates with the precomputed trace drawn', async () => {
    // Until it hydrates, the figure shows its precomputed run as a static chart.
    expect(await widget.figure.locator('[data-still]').count()).toBe(1);
    await widget.figure.scrollIntoViewIfNeeded();
    await widget.play.waitFor();
    await widget.waitForStatus(/^Showing a precomputed run/);
    const last = trace.arms.l1!.loss!.at(-1)!;
    expect(await lossSummary()).toContain(`ℓ1 norm ${fmtValue(last)} (step ${trace.steps - 1})`);
    expect(await chart(/^Training loss$/).locator('path.series-line').count()).toBe(5);
    expect(await chart(/^Loss along the gradient/).count()).toBe(1);
    expect(await chart(ARM_TITLES).count()).toBe(2);
    expect(await chart(/^ℓ∞ norm, layer 2$/).count()).toBe(1);
  });

  describe(`a live run of ${STEPS} steps`, () => {
    const run = beforeAllFinishedRun(() => ({ page, widget }), STEPS);

    it('replaces the trace with its own numbers, and the probes at steps 0 and 20 give each arm a band', async () => {
      // The trace's last point is at step 299.
      expect(await lossSummary()).toMatch(new RegExp(`ℓ∞ norm [\\d.]+ \\(step ${STEPS - 1}\\)`));
      expect(await widget.summary(/^Loss along the gradient/).textContent()).toMatch(/step 20/);
    });

    it('trained in the worker with no long task on the main thread', () => {
      expect(run().longTasks).toEqual([]);
    });
  });

  describe('from the keyboard', () => {
    beforeAllFresh(() => ({ page, widget }));

    it('hides an arm and switches to the deep linear network from the keyboard', async () => {
      await widget.setStepCap(STEPS);
      const linf = widget.figure.getByRole('checkbox', { name: 'ℓ∞ norm' });
      await linf.focus();
      await page.keyboard.press('Space');
      await expect.poll(() => chart(/^Training loss$/).locator('path.series-line').count()).toBe(4);
      await page.keyboard.press('Space');

      const compared = widget.figure.getByRole('combobox', { name: /one unit under BatchNorm and under/ });
      await compared.focus();
      await compared.selectOption('l1');
      await expect.poll(() => chart(/^ℓ1 norm, layer 2$/).count()).toBe(1);

      const network = widget.figure.getByRole('combobox', { name: 'Network' });
      await network.focus();
      await network.selectOption('dln');
      await expect.poll(() => widget.figure.getByRole('textbox', { name: 'Learning rate, exact value' }).inputValue()).toBe('0.00001');
      await widget.waitForStatus(/^Ready\. Press Play/);
      // The linear network has no tracked units: no distribution panels.
      expect(await chart(ARM_TITLES).count()).toBe(0);
      await widget.play.focus();
      await page.keyboard.press('Enter');
      await widget.waitForStatus(new RegExp(`^Finished at step ${STEPS}\\.`));
      expect(await lossSummary()).toMatch(/BatchNorm [\d.,]+ \(step 23\)/);
    });
  });

  itIsAxeCleanWhileRunning(() => ({ page, widget }));

  itStayedClean(() => watch);
});
