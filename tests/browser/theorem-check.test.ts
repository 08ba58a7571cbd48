/**
 * The Theorem 4.1 check: hydrates when scrolled into view (loading the lab's math lazily), shows both
 * sides equal with 1/m and the printed 1/√m falling short, recomputes when m changes by keyboard or a new
 * batch is drawn, shows scale invariance, and stays axe-clean with no console error.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, foreignRequests, type PageWatch, useWatchedPage } from './support/site';

// The tests below are steps of one reader's session on one page, in order.
let page: Page;
let watch: PageWatch;
useWatchedPage('chapters/06-what-the-theory-says/', (opened) => ({ page, watch } = opened));

const figure = () => page.getByRole('figure', { name: /Theorem 4\.1, checked/ });
const cell = (id: string) => () => figure().getByTestId(id).textContent();
const number = async (id: string) => Number((await cell(id)())!.replace('−', '-').split(' ')[0]);

describe('TheoremCheck', () => {
  it('waits below the fold, then hydrates and computes when scrolled into view', async () => {
    // Until it hydrates, the figure shows a static still of its first batch.
    expect(await figure().locator('[data-still]').count()).toBe(1);
    await figure().scrollIntoViewIfNeeded();
    await figure().getByTestId('lhs').waitFor();
    // Seed 1, m = 16, γ = 1 (the numbers the chapter quotes).
    expect(await cell('lhs')()).toBe('0.952286');
    expect(await cell('rhs-m')()).toBe(await cell('lhs')());
    expect(await cell('rhs-sqrt')()).toBe('−0.0276796');
    expect(await cell('yhat-norm')()).toBe('16.000');
  });

  it('changes m by keyboard: new numbers, still equal with 1/m, still short with 1/√m', async () => {
    const before = await cell('lhs')();
    const m = figure().getByRole('slider', { name: 'Batch size m' });
    await m.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(cell('yhat-norm')).toBe('17.000');
    expect(await cell('lhs')()).not.toBe(before);
    const lhs = await number('lhs');
    expect(Math.abs((await number('rhs-m')) - lhs)).toBeLessThan(1e-5 * lhs);
    expect(await number('rhs-sqrt')).toBeLessThan(lhs);
    expect(await cell('gap-m')()).toMatch(/equal to float32 precision/);
  });

  it('draws a new batch on request', async () => {
    const before = await cell('lhs')();
    await figure().getByRole('button', { name: 'New draw' }).click();
    await expect.poll(cell('lhs')).not.toBe(before);
    expect(await figure().textContent()).toMatch(/seed 2/);
  });

  it('shows scale invariance: output unchanged, gradient divided by a', async () => {
    const a = figure().getByRole('slider', { name: 'Weight scale a' });
    await a.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => figure().getByText(/at aW \(a = 2\.1\)/).count()).toBe(1);
    expect(await number('output-change')).toBeLessThan(1e-5);
    expect(Math.abs((await number('grad-aw-times-a')) - (await number('grad-w')))).toBeLessThan(1e-3 * (await number('grad-w')));
    expect(Math.abs(await number('cos'))).toBeLessThan(1e-5);
  });

  it('is axe-clean after all this, with no console error and nothing from another origin', async () => {
    expect(await axeViolations(page)).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.failures).toEqual([]);
    expect(foreignRequests(watch)).toEqual([]);
  });
});
