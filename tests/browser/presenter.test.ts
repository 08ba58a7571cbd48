/**
 * The presenter view of an embed (`?present`): larger type, the "look for" line and the shortcuts on
 * screen, and the figure driven from the keyboard alone: N draws a new seed, → steps, Space plays and
 * pauses, R resets. Without `?present` none of it shows and the keys do nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useChromium } from './support/browser';
import { axeViolations, siteUrl, watchPage, type PageWatch } from './support/site';
import { figureOf, LIVE_TIMEOUT_MS, waitForFigure } from './share-helpers';
import { LOOK_FOR } from '../../content/lessons';

const browser = useChromium();
const SLUG = 'noise-injection';
/** Each step waits on the worker (a cold one loads tfjs and the data first): room for two such waits. */
const STEP_TIMEOUT_MS = 2 * LIVE_TIMEOUT_MS;

async function open(query: string): Promise<{ page: Page; watch: PageWatch }> {
  const page = await (await browser().newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  const watch = watchPage(page);
  await page.goto(siteUrl(`embed/${SLUG}/${query}`));
  await waitForFigure(figureOf(page, SLUG), SLUG);
  return { page, watch };
}

const stepOf = async (page: Page) => Number(/Step (\d+) of/.exec((await figureOf(page, SLUG).locator('.progress').textContent()) ?? '')?.[1] ?? 0);
const status = (page: Page) => figureOf(page, SLUG).getByRole('status').first().textContent();
const seed = (page: Page) => figureOf(page, SLUG).getByRole('textbox', { name: 'Seed' }).inputValue();
const bodyFontPx = (page: Page) => page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));

describe('presenter view', { timeout: STEP_TIMEOUT_MS }, () => {
  let page: Page;
  let watch: PageWatch;
  let plainFont: number;

  beforeAll(async () => {
    const plain = await open('');
    plainFont = await bodyFontPx(plain.page);
    expect(await plain.page.locator('.presenter').isVisible()).toBe(false);
    await plain.page.locator('h1').click();
    await plain.page.keyboard.press('n');
    // Without ?present a key is only a key: the seed stays.
    expect(await seed(plain.page)).toBe('1');
    await plain.page.context().close();
    ({ page, watch } = await open('?present'));
    await page.locator('h1').click();
  }, STEP_TIMEOUT_MS);
  afterAll(() => page?.context().close());

  it('shows larger type, the look-for line and the shortcuts', async () => {
    expect(await bodyFontPx(page)).toBeGreaterThanOrEqual(plainFont * 1.3);
    const presenter = page.getByRole('complementary', { name: 'Presenter view' });
    expect(await presenter.isVisible()).toBe(true);
    expect(await presenter.locator('.look-for').textContent()).toContain(LOOK_FOR[SLUG]);
    expect(await presenter.getByRole('list', { name: 'Keyboard shortcuts' }).textContent()).toMatch(/Space.*Play \/ Pause.*R.*Reset.*N.*New seed.*→.*Step/s);
  });

  it('N draws a new seed', async () => {
    await page.keyboard.press('n');
    await expect.poll(() => seed(page)).toBe('2');
  });

  it('→ takes one step and pauses', async () => {
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => status(page), { timeout: LIVE_TIMEOUT_MS }).toMatch(/^Paused at step 1\./);
    expect(await stepOf(page)).toBe(1);
  });

  it('Space plays, and Space again pauses', async () => {
    await page.keyboard.press(' ');
    await expect.poll(() => stepOf(page), { timeout: LIVE_TIMEOUT_MS }).toBeGreaterThan(1);
    await page.keyboard.press(' ');
    await expect.poll(() => status(page), { timeout: LIVE_TIMEOUT_MS }).toMatch(/^Paused at step \d+\./);
  });

  it('R resets the run, keeping the seed', async () => {
    await page.keyboard.press('r');
    // Back to before the first step: the idle state, its progress line gone.
    await expect.poll(() => status(page), { timeout: LIVE_TIMEOUT_MS }).toMatch(/^(Ready|Showing a precomputed run)\./);
    expect(await figureOf(page, SLUG).locator('.progress').count()).toBe(0);
    expect(await seed(page)).toBe('2');
  });

  it('is axe-clean and logged no error', async () => {
    expect(await axeViolations(page)).toEqual([]);
    expect([...watch.consoleErrors, ...watch.failures]).toEqual([]);
  });
});
