/**
 * The GradientShift figure: hydrates with the precomputed trace drawn, trains live in the worker
 * without blocking the page, resets to the same numbers, works from the keyboard (layer picker,
 * network choice), and stays clean (console, origin, axe). The diagram of Definition 2.1 reads as a table.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { itStayedClean, type PageWatch } from './support/site';
import { beforeAllFinishedRun, beforeAllFresh, itIsAxeCleanWhileRunning, useLiveFigure, type LiveFigure } from './support/live-widget';
import { fmtValue } from '../../src/charts/describe';
import type { Trace } from '../../src/traces/trace';

const trace = JSON.parse(readFileSync('src/traces/ics-gradients.json', 'utf8')) as Trace;
/** Measurements of G′ at steps 0, 20 and 40. */
const STEPS = 60;

let page: Page;
let watch: PageWatch;
let widget: LiveFigure;
useLiveFigure('chapters/03-ics-gradients/', /G versus G′, live/, (opened) => ({ page, watch, widget } = opened));

const cosSummary = () => widget.summary(/^cos\(G, G′\) at layer \d+$/).textContent();

describe('Definition 2.1 diagram', () => {
  it('says in a table which layers have moved for G′', async () => {
    const table = page.getByRole('table', { name: /Which weights each gradient is taken at/ });
    const gPrime = table.getByRole('row', { name: /^G′/ });
    expect(await gPrime.getByRole('cell').allTextContents()).toEqual([
      'W(t+1), updated',
      'W(t+1), updated',
      'W(t+1), updated',
      'W(t)∇ taken here',
      'W(t)',
      'W(t)',
    ]);
  });

  it('spells its caption with a space before the layer number (no "oflayer 4")', async () => {
    const caption = await page.locator('#ics-diagram-caption').textContent();
    expect(caption?.replace(/\s+/g, ' ')).toMatch(/The internal covariate shift of layer 4 is the distance/);
  });
});

describe('GradientShift', () => {
  it('hydrates when scrolled into view with the precomputed trace drawn', async () => {
    // Until it hydrates, the figure shows its precomputed run as a static chart.
    expect(await widget.figure.locator('[data-still]').count()).toBe(1);
    await widget.figure.scrollIntoViewIfNeeded();
    await widget.play.waitFor();
    await widget.waitForStatus(/^Showing a precomputed run/);
    const cosColumn = trace.arms.batchnorm!.icsCos!;
    const lastRow = cosColumn.findLastIndex((v) => v !== null);
    expect(await cosSummary()).toContain(`BatchNorm ${fmtValue(cosColumn[lastRow]!)} (step ${trace.arms.batchnorm!.step![lastRow]})`);
  });

  describe(`a live run of ${STEPS} steps`, () => {
    const run = beforeAllFinishedRun(() => ({ page, widget }), STEPS);

    it('replaces the trace’s measurements with its own (every 20 steps; the trace’s last is near step 2,000)', async () => {
      expect(await cosSummary()).toMatch(/BatchNorm −?[\d.]+ \(step 40\)/);
    });

    it('trained in the worker with no long task on the main thread', () => {
      expect(run().longTasks).toEqual([]);
    });

    it('replays the same numbers after a reset', async () => {
      const finished = await cosSummary();
      await widget.figure.getByRole('button', { name: 'Reset' }).click();
      await widget.play.click();
      await widget.waitForStatus(new RegExp(`^Finished at step ${STEPS}\\.`));
      expect(await cosSummary()).toBe(finished);
    });
  });

  describe('from the keyboard', () => {
    beforeAllFresh(() => ({ page, widget }));

    it('picks the layer and the network from the keyboard', async () => {
      const layer = widget.figure.getByRole('slider', { name: 'Layer', exact: true });
      await layer.focus();
      await page.keyboard.press('ArrowLeft');
      await expect.poll(() => widget.figure.getByRole('figure', { name: /^cos\(G, G′\) at layer 8$/ }).count()).toBe(1);
      await widget.waitForStatus(/^Ready\. Press Play/);

      const network = widget.figure.getByRole('combobox', { name: 'Network' });
      await network.focus();
      await network.selectOption('mlp');
      await expect.poll(() => widget.figure.getByRole('textbox', { name: 'Learning rate, exact value' }).inputValue()).toBe('0.1');
      expect(await widget.figure.getByRole('slider', { name: 'Hidden layers' }).count()).toBe(1);
      // The MLP with 6 hidden layers has 7 linear layers: the picker stops there.
      expect(await layer.getAttribute('max')).toBe('7');
    });
  });

  itIsAxeCleanWhileRunning(() => ({ page, widget }));

  itStayedClean(() => watch);
});
