/** The BatchNorm explorer hydrates when it nears the viewport and responds to the keyboard. */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { itStayedClean, type PageWatch, useWatchedPage } from './support/site';

// The tests below are steps of one reader's session on one page, in order.
let page: Page;
let watch: PageWatch;
useWatchedPage('chapters/01-batch-normalization/', (opened) => ({ page, watch } = opened));

/** A statistic as shown in the explorer's table: row "This batch" | "Running average" | "Output y", column 0 = mean, 1 = std. */
const stat = (row: RegExp, column: 0 | 1) => () =>
  page.getByRole('row', { name: row }).getByRole('cell').nth(column).textContent();
const usedMarker = (row: RegExp) => () => page.getByRole('row', { name: row }).getByRole('rowheader').textContent();

describe('BatchNormExplorer', () => {
  it('waits below the fold, then hydrates when scrolled into view', async () => {
    const figure = page.getByRole('figure', { name: /BatchNorm on one unit/ });
    expect(await figure.locator('[data-still]').count()).toBe(1);
    expect(await page.getByRole('slider').count()).toBe(0);
    await figure.scrollIntoViewIfNeeded();
    await page.getByRole('slider', { name: 'Scale γ' }).waitFor();
    await page.getByRole('row', { name: /This batch/ }).waitFor();
    expect(await stat(/This batch/, 0)()).toMatch(/^−?\d+\.\d\d$/);
    // Training mode with γ = 1, β = 0: the output is standardized.
    expect(await stat(/Output y/, 0)()).toBe('0.00');
    expect(await stat(/Output y/, 1)()).toBe('1.00');
    expect(await page.getByRole('img', { name: /Before: pre-activations x: histogram of 16 values/ }).count()).toBe(1);
  });

  it('moves γ by keyboard, and the output’s standard deviation follows', async () => {
    const gamma = page.getByRole('slider', { name: 'Scale γ' });
    await gamma.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await gamma.inputValue()).toBe('1.1');
    await expect.poll(stat(/Output y/, 1)).toBe('1.10');
    expect(await stat(/Output y/, 0)()).toBe('0.00');
  });

  it('moves β by keyboard, and the output’s mean follows', async () => {
    const beta = page.getByRole('slider', { name: 'Shift β' });
    await beta.focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(stat(/Output y/, 0)).toBe('−0.10');
  });

  it('draws a new batch when the batch size changes by keyboard', async () => {
    const batchMean = await stat(/This batch/, 0)();
    const size = page.getByRole('slider', { name: 'Batch size m' });
    await size.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByRole('row', { name: /This batch/ }).textContent()).toMatch(/m = 17/);
    expect(await stat(/This batch/, 0)()).not.toBe(batchMean);
  });

  it('switches to evaluation mode by keyboard and normalizes with the running statistics', async () => {
    expect(await usedMarker(/This batch/)()).toMatch(/normalizes now/);
    const trainStd = await stat(/Output y/, 1)();
    await page.getByRole('radio', { name: /Training/ }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('radio', { name: /Evaluation/ }).isChecked()).toBe(true);
    await expect.poll(usedMarker(/Running average/)).toMatch(/normalizes now/);
    expect(await usedMarker(/This batch/)()).not.toMatch(/normalizes now/);
    // The batch's spread differs from the running one, so the output is no longer at γ exactly.
    expect(await stat(/Output y/, 1)()).not.toBe(trainStd);
    expect(await page.getByText(/^Evaluation mode normalizes with the running mean/).count()).toBe(1);
    expect(await page.getByRole('figure', { name: /After: output y \(evaluation mode\)/ }).count()).toBe(1);
  });

  it('reads a histogram bin from the keyboard', async () => {
    const chart = page.getByRole('img', { name: /Before: pre-activations x/ });
    await chart.focus();
    await page.keyboard.press('ArrowRight');
    const readout = await chart.getAttribute('aria-describedby');
    await expect.poll(() => page.locator(`[id="${readout}"]`).textContent()).toMatch(/From .+ to .+: \d+ values?/);
  });

  itStayedClean(() => watch);
});
