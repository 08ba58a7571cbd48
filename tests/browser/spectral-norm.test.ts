/**
 * The SpectralNorm figure in chapter 8: hydrates when scrolled into view with σ(M) of its first
 * matrix, climbs to σ one power-iteration Step at a time, moves the images of the basis vectors from
 * the keyboard (M, σ and the announcement follow, ũ is kept), compares a small network's measured
 * Lipschitz constant with the product of its layers' σ before and after normalization, and stays
 * clean (axe, console, origin).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, itStayedClean, siteUrl, type PageWatch, useWatchedPage } from './support/site';

let page: Page;
let watch: PageWatch;
useWatchedPage('chapters/08-lipschitzness-elsewhere/', (opened) => ({ page, watch } = opened));

const figure = () => page.getByRole('figure', { name: /The spectral norm, by hand/ });
const term = (name: string) => figure().locator('dt', { hasText: name }).locator('xpath=following-sibling::dd[1]');
const step = () => figure().getByRole('button', { name: 'Step', exact: true });
const handle = (name: RegExp) => figure().getByRole('button', { name });
const netRow = (name: RegExp) => figure().getByRole('row', { name });

describe('SpectralNorm', () => {
  it('hydrates when scrolled into view, showing σ(M) of the first matrix', async () => {
    await figure().scrollIntoViewIfNeeded();
    await step().waitFor();
    await expect.poll(() => figure().textContent()).toContain('σ₁ = 1.5885');
    expect(await term('Estimate σ̂').textContent()).toBe('press Step');
  });

  it('climbs to σ with power iteration, one Step at a time', async () => {
    // ũ starts far from the top singular vector: slow at first, then each step cuts the error about tenfold.
    const expected = ['0.9074', '1.0811', '1.4465', '1.5718', '1.5868', '1.5883'];
    for (const [k, estimate] of expected.entries()) {
      await step().click();
      await expect.poll(() => term('Steps').textContent()).toBe(String(k + 1));
      expect(await term('Estimate σ̂').textContent()).toBe(estimate);
    }
    expect(await term('Gap σ₁ − σ̂').textContent()).toBe('0.0002');
    expect(await figure().locator('.summary').textContent()).toBe('Step 6: σ̂ = 1.5883, σ(M) = 1.5885.');
  });

  it('moves M e₁ with the arrow keys: M, σ and the announcement follow, and ũ is kept', async () => {
    const u = await term('ũ').textContent();
    const e1 = handle(/^M e₁ = \(1\.50, 0\.50\)/);
    await e1.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Shift+ArrowUp');
    await expect.poll(() => handle(/^M e₁ = /).getAttribute('aria-label')).toBe('M e₁ = (1.55, 1.00). Arrow keys move it.');
    expect(await figure().getByRole('table', { name: 'The matrix M' }).textContent()).toContain('1.55');
    expect(await figure().locator('.summary').textContent()).toMatch(/^M e₁ = \(1\.55, 1\.00\); σ\(M\) = \d\.\d\d\.$/);
    expect(await term('ũ').textContent()).toBe(u);
    // σ grew with the longer column, so the old estimate now falls short: one more Step closes part of the gap.
    const gap = Number((await term('Gap σ₁ − σ̂').textContent())!.replace('−', '-'));
    expect(gap).toBeGreaterThan(0.01);
    await step().click();
    await expect.poll(async () => Number((await term('Gap σ₁ − σ̂').textContent())!.replace('−', '-'))).toBeLessThan(gap);
  });

  it('bounds the small network by the product of its layers’ σ, before and after normalization', async () => {
    const texts = (name: RegExp) => netRow(name).locator('th, td').allTextContents();
    expect(await texts(/^As drawn/)).toEqual(['As drawn', '3.74, 2.64, 1.16', '11.45', '2.25']);
    expect(await texts(/^Each W divided by its σ/)).toEqual(['Each W divided by its σ', '1.00, 1.00, 1.00', '1.00', '0.18']);
    await figure().getByRole('button', { name: 'New network' }).click();
    await expect.poll(() => figure().locator('.seed').textContent()).toBe('seed 2');
    const cells = async (name: RegExp) => (await netRow(name).locator('td').allTextContents()).map(Number);
    const [, bound, measured] = await cells(/^As drawn/);
    expect(measured).toBeLessThanOrEqual(bound!);
    const [, normalizedBound, normalizedMeasured] = await cells(/^Each W divided by its σ/);
    expect(normalizedBound).toBe(1);
    expect(normalizedMeasured).toBeLessThanOrEqual(1);
  });

  it('opens a link’s matrix and network seed; an out-of-range entry falls back to the first matrix', async () => {
    await page.goto(siteUrl('chapters/08-lipschitzness-elsewhere/?spectral-norm.m11=2&spectral-norm.m21=0&spectral-norm.m12=0&spectral-norm.m22=1&spectral-norm.seed=2'));
    await figure().scrollIntoViewIfNeeded();
    await step().waitFor();
    // diag(2, 1): σ is 2 exactly, and the network is seed 2's.
    await expect.poll(() => figure().textContent()).toContain('σ₁ = 2.0000');
    await expect.poll(() => figure().locator('.seed').textContent()).toBe('seed 2');
    await page.goto(siteUrl('chapters/08-lipschitzness-elsewhere/?spectral-norm.m11=9'));
    await figure().scrollIntoViewIfNeeded();
    await step().waitFor();
    await expect.poll(() => figure().textContent()).toContain('σ₁ = 1.5885');
  });

  it('is axe-clean after all this', async () => {
    expect(await axeViolations(page)).toEqual([]);
  });

  itStayedClean(() => watch);
});
