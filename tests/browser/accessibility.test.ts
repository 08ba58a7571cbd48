/** axe-core finds no WCAG 2.2 AA violation on any page, in either theme, with the widget hydrated. */
import { describe, expect, it } from 'vitest';
import { useChromium } from './support/browser';
import { axeViolations, CRAWL_TIMEOUT_MS, hydrateIslands, siteUrl, useCrawledPages } from './support/site';

const browser = useChromium();
const crawled = useCrawledPages();

describe('accessibility (axe-core, WCAG 2.2 AA)', () => {
  for (const [colorScheme, width] of [
    ['light', 1280],
    ['dark', 1280],
    ['light', 360],
  ] as const) {
    it(`every page, ${colorScheme} theme, ${width} px wide, islands hydrated`, async () => {
      const context = await browser().newContext({ colorScheme, viewport: { width, height: 800 } });
      const page = await context.newPage();
      let islands = 0;
      for (const url of [...crawled(), siteUrl('no-such-page/')]) {
        await page.goto(url);
        islands += await hydrateIslands(page);
        expect.soft(await axeViolations(page), url).toEqual([]);
      }
      expect(islands).toBeGreaterThan(0); // the widget was part of the check
      await context.close();
    }, CRAWL_TIMEOUT_MS);
  }

  it('the skip link is the first thing the keyboard reaches and moves focus to the content', async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    await page.goto(siteUrl('chapters/01-batch-normalization/'));
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');
    await context.close();
  });
});
