/**
 * The GradientShift figure: hydrates with the precomputed trace drawn, trains live in the worker
 * without blocking the page, resets to the same numbers, works from the keyboard (layer picker,
 * network choice), and stays clean (console, origin, axe). The diagram of Definition 2.1 reads as a table.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { itStayedClean, type PageWatch } from './support/site';
import { itIsAxeCleanWhileRunning, useLiveFigure, watchLongTasks, type LiveFigure } from './support/live-widget';
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

  it('trains live in the worker with no long task on the main thread, and a reset replays it', async () => {
    await widget.setStepCap(STEPS);
    const longTasks = await watchLongTasks(page);
    await widget.play.click();
    await widget.waitForSteps(2);
    // Live measurements (every 20 steps) have replaced the trace's, whose last is near the run's end.
    await expect.poll(cosSummary, { timeout: 5_000 }).toMatch(/BatchNorm −?[\d.]+ \(step (0|20|40)\)/);
    await widget.waitForStatus(new RegExp(`^Finished at step ${STEPS}\\.`));
    expect(await longTasks()).toEqual([]);
    const finished = await cosSummary();
    expect(finished).toMatch(/\(step 40\)/);

    await widget.figure.getByRole('button', { name: 'Reset' }).click();
    await widget.play.click();
    await widget.waitForStatus(new RegExp(`^Finished at step ${STEPS}\\.`));
    expect(await cosSummary()).toBe(finished);
  });

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

  // The step cap it sets is long enough for the MLP not to finish before axe looks.
  itIsAxeCleanWhileRunning(() => ({ page, widget }));

  itStayedClean(() => watch);
});
