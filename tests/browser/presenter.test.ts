/**
 * The presenter view of an embed (`?present`): larger type, the "look for" line and the shortcuts on
 * screen, and the figure driven from the keyboard alone: Space plays and pauses, → steps, N draws a
 * new seed, R resets. Without `?present` none of it shows and the keys do nothing.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useChromium } from './support/browser';
import { axeViolations, siteUrl, watchPage } from './support/site';
import { figureOf, LIVE_TIMEOUT_MS, waitForFigure } from './share-helpers';
import { LOOK_FOR } from '../../content/lessons';

const browser = useChromium();
const SLUG = 'noise-injection';

async function open(query: string): Promise<{ page: Page; errors: () => string[] }> {
  const page = await (await browser().newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  const watch = watchPage(page);
  await page.goto(siteUrl(`embed/${SLUG}/${query}`));
  await waitForFigure(figureOf(page, SLUG), SLUG);
  return { page, errors: () => [...watch.consoleErrors, ...watch.failures] };
}

const stepOf = async (page: Page) => Number(/Step (\d+) of/.exec((await figureOf(page, SLUG).locator('.progress').textContent()) ?? '')?.[1] ?? 0);
const status = (page: Page) => figureOf(page, SLUG).getByRole('status').first().textContent();
const bodyFontPx = (page: Page) => page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));

describe('presenter view', () => {
  it('shows big type, the look-for line and the shortcuts, and runs the figure by keyboard', async () => {
    const plain = await open('');
    const plainFont = await bodyFontPx(plain.page);
    expect(await plain.page.locator('.presenter').isVisible()).toBe(false);
    await plain.page.keyboard.press('n');
    expect(await figureOf(plain.page, SLUG).getByRole('textbox', { name: 'Seed' }).inputValue()).toBe('1');
    await plain.page.context().close();

    const { page, errors } = await open("?present");
    const figure = figureOf(page, SLUG);
    expect(await bodyFontPx(page)).toBeGreaterThanOrEqual(plainFont * 1.3);
    const presenter = page.getByRole('complementary', { name: 'Presenter view' });
    expect(await presenter.isVisible()).toBe(true);
    expect(await presenter.locator('.look-for').textContent()).toContain(LOOK_FOR[SLUG]);
    expect(await presenter.getByRole('list', { name: 'Keyboard shortcuts' }).textContent()).toMatch(/Space.*Play \/ Pause.*R.*Reset.*N.*New seed.*→.*Step/s);

    // N: a new seed.
    await page.locator('h1').click();
    await page.keyboard.press('n');
    await expect.poll(() => figure.getByRole('textbox', { name: 'Seed' }).inputValue()).toBe('2');
    // →: one step, paused.
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => stepOf(page), { timeout: LIVE_TIMEOUT_MS }).toBe(1);
    await expect.poll(() => status(page), { timeout: LIVE_TIMEOUT_MS }).toMatch(/^Paused at step 1\./);
    // Space: play on, then pause.
    await page.keyboard.press(' ');
    await expect.poll(() => stepOf(page), { timeout: LIVE_TIMEOUT_MS }).toBeGreaterThan(1);
    await page.keyboard.press(' ');
    await expect.poll(() => status(page), { timeout: LIVE_TIMEOUT_MS }).toMatch(/^(Paused|Finished) at step \d+\./);
    // R: back to the start, same seed.
    await page.keyboard.press('r');
    await expect.poll(() => stepOf(page), { timeout: LIVE_TIMEOUT_MS }).toBe(0);
    expect(await figure.getByRole('textbox', { name: 'Seed' }).inputValue()).toBe('2');

    expect(await axeViolations(page)).toEqual([]);
    expect(errors()).toEqual([]);
    await page.context().close();
  });
});
