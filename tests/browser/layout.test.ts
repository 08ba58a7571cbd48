/** On a 360 px phone nothing widens the page: wide figures and math scroll inside themselves. */
import { describe, expect, it } from 'vitest';
import { useChromium } from './support/browser';
import { CRAWL_TIMEOUT_MS, hydrateIslands, useCrawledPages } from './support/site';

const PHONE_WIDTH = 360;

const browser = useChromium();
const pages = useCrawledPages();

describe('layout at 360 px', () => {
  it('no page scrolls horizontally, with its widgets hydrated', { timeout: CRAWL_TIMEOUT_MS }, async () => {
    const context = await browser().newContext({ viewport: { width: PHONE_WIDTH, height: 740 }, isMobile: true });
    const page = await context.newPage();
    for (const url of pages()) {
      await page.goto(url);
      await hydrateIslands(page);
      const width = await page.evaluate(() => document.scrollingElement!.scrollWidth);
      expect.soft(width, url).toBeLessThanOrEqual(PHONE_WIDTH);
    }
    await context.close();
  });

  it('collapses the chapter list behind a disclosure on a phone, and lists it open on a wide screen', async () => {
    for (const [width, open] of [
      [PHONE_WIDTH, false],
      [1280, true],
    ] as const) {
      const context = await browser().newContext({ viewport: { width, height: 800 } });
      const page = await context.newPage();
      await page.goto(pages().find((u) => u.includes('/chapters/'))!);
      const chapters = page.getByRole('navigation', { name: 'Chapters' }).locator('details');
      await expect.poll(() => chapters.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(open);
      await context.close();
    }
  });
});
