/**
 * The Lipschitz-ratio figure: hydrates when scrolled into view, moves its points from the keyboard (the
 * ratios follow), finds the known constants of a closed form, reads the lab's network curves, and stays
 * axe-clean with no console error.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, foreignRequests, type PageWatch, useWatchedPage } from './support/site';

// The tests below are steps of one reader's session on one page, in order.
let page: Page;
let watch: PageWatch;
useWatchedPage('chapters/04-lipschitz-and-smoothness/', (opened) => ({ page, watch } = opened));

const figure = () => page.getByRole('figure', { name: /Two points on a curve/ });
const cell = (id: string) => () => figure().getByTestId(id).textContent();
const point = (name: string) => figure().getByRole('slider', { name: `Point ${name}` });

describe('LipschitzRatio', () => {
  it('waits below the fold, then hydrates when scrolled into view', async () => {
    // Until it hydrates, the figure shows a static still in place of its controls.
    expect(await figure().locator('[data-still]').count()).toBe(1);
    await figure().scrollIntoViewIfNeeded();
    await point('x₁').waitFor();
    expect(await cell('secant')()).toMatch(/^\d+\.\d{3}$/);
    expect(await point('x₁').getAttribute('aria-valuetext')).toMatch(/^x = −?\d+\.\d{3}, f = .+, slope f′ = .+$/);
  });

  it('moves a point with the arrow keys: its value and both ratios change', async () => {
    const before = { x: await point('x₁').getAttribute('aria-valuenow'), secant: await cell('secant')(), gradient: await cell('gradient')() };
    await point('x₁').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('PageUp');
    await expect.poll(() => point('x₁').getAttribute('aria-valuenow')).not.toBe(before.x);
    expect(await cell('secant')()).not.toBe(before.secant);
    expect(await cell('gradient')()).not.toBe(before.gradient);
  });

  it('finds β = 5 of the quadratic from any pair, and L ≈ 10 from neighbours at the end of the domain', async () => {
    await figure().getByRole('radio', { name: /Steep/ }).check();
    await expect.poll(cell('gradient')).toBe('5.000');
    await point('x₁').focus();
    await page.keyboard.press('End');
    await point('x₂').focus();
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(cell('best-L')).toBe('L ≥ 9.958');
    expect(await cell('best-beta')()).toBe('β ≥ 5.000');
    await figure().getByRole('button', { name: 'Reset estimates' }).click();
    expect(await cell('best-L')()).toBe(`L ≥ ${await cell('secant')()}`);
  });

  it('shows the lab’s network slice, whose constants are only estimated', async () => {
    await figure().getByRole('radio', { name: /BatchNorm MLP/ }).check();
    await expect.poll(() => figure().getByRole('group', { name: /BatchNorm MLP/ }).count()).toBe(1);
    expect(await figure().getByRole('row', { name: /Secant/ }).textContent()).toMatch(/not known/);
    await point('x₁').focus();
    await page.keyboard.press('Home');
    expect(await point('x₁').getAttribute('aria-valuetext')).toMatch(/^x = 0\.000, f = 0\.937, slope f′ = −3\.281$/);
  });

  it('is axe-clean after all this, with no console error and nothing from another origin', async () => {
    expect(await axeViolations(page)).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.failures).toEqual([]);
    expect(foreignRequests(watch)).toEqual([]);
  });
});
