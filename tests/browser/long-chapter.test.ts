/**
 * Long chapters lay out only what is near the screen at load (chapter sections with content-visibility:
 * auto, src/site/rehype-chapter.ts) and the rest once loaded (ChapterSections), without costing keyboard
 * access to wide equations or clipping citation cards.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useChromium } from './support/browser';
import { siteUrl } from './support/site';

const CHAPTER_6 = 'chapters/06-what-the-theory-says/';
const browser = useChromium();

async function open(width: number, javaScriptEnabled = true): Promise<Page> {
  const context = await browser().newContext({ viewport: { width, height: 800 }, javaScriptEnabled });
  const page = await context.newPage();
  await page.goto(siteUrl(CHAPTER_6));
  return page;
}

/** Whether the browser is skipping the layout of `selector`'s n-th match (its section is off-screen). */
const skipped = (page: Page, selector: string, n: number) =>
  page.locator(selector).nth(n).evaluate((el) => !el.checkVisibility({ contentVisibilityAuto: true }));

/** Once the page has loaded, ChapterSections lays out every section, one per idle period. */
const allRendered = async (page: Page) => {
  const sections = page.locator('.chapter-section');
  await expect.poll(() => sections.evaluateAll((all) => all.every((s) => s.classList.contains('rendered')))).toBe(true);
};

/** Per display equation: whether it is in the tab order, and whether it is wider than its box. */
const displays = (page: Page) =>
  page.locator('.katex-display').evaluateAll((all) => all.map((el) => ({ tabbable: el.getAttribute('tabindex') === '0', overflows: el.scrollWidth > el.clientWidth })));

describe('chapter sections laid out near the screen, then when idle', () => {
  it('chapter 6 leaves the sections below the fold unrendered at first (here without JavaScript, which never renders them)', async () => {
    const page = await open(1280, false);
    const sections = await page.locator('.chapter-section').count();
    expect(sections).toBeGreaterThan(8);
    expect(await skipped(page, '.chapter-section > h2', 0)).toBe(false);
    expect(await skipped(page, '.chapter-section > h2', sections - 1)).toBe(true);
    // A reader who scrolls there gets it laid out.
    await page.locator('.chapter-section > h2').nth(sections - 1).scrollIntoViewIfNeeded();
    await expect.poll(() => skipped(page, '.chapter-section > h2', sections - 1)).toBe(false);
    // Every display equation can be scrolled from the keyboard without JavaScript.
    expect((await displays(page)).every((d) => d.tabbable)).toBe(true);
    await page.context().close();
  });

  it('chapter 6 lays out every section once it has loaded, and keeps a tab stop exactly on the equations wider than a phone', async () => {
    const page = await open(360);
    await allRendered(page);
    const count = await page.locator('.katex-display').count();
    expect(count).toBeGreaterThan(4);
    expect(await skipped(page, '.katex-display', count - 1)).toBe(false);
    await expect.poll(async () => (await displays(page)).every((d) => d.tabbable === d.overflows)).toBe(true);
    const measured = await displays(page);
    expect(measured.some((d) => d.overflows)).toBe(true);
    expect(measured.some((d) => !d.overflows)).toBe(true);
    await page.context().close();
  });

  it('opens a citation card above its marker when below it the card would be clipped at the section’s end', async () => {
    // Chapter 4 ends a section a few pixels below a citation.
    const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(siteUrl('chapters/04-lipschitz-and-smoothness/'));
    // The marker nearest the end of its section, measured with every section laid out.
    const index = await page.locator('.chapter-section .cite').evaluateAll((cites) => {
      const allRendered = document.createElement('style');
      allRendered.textContent = '.chapter-section { content-visibility: visible; }';
      document.head.append(allRendered);
      const room = cites.map((c) => c.closest('.chapter-section')!.getBoundingClientRect().bottom - c.getBoundingClientRect().bottom);
      allRendered.remove();
      return room.indexOf(Math.min(...room));
    });
    const cite = page.locator('.chapter-section .cite').nth(index);
    await cite.scrollIntoViewIfNeeded();
    await cite.locator('.cite-marker').hover();
    const card = cite.locator('.cite-card');
    await expect.poll(() => card.isVisible()).toBe(true);
    const [cardBox, sectionBox] = await cite.evaluate((c) => [c.querySelector('.cite-card')!, c.closest('.chapter-section')!].map((el) => el.getBoundingClientRect().toJSON() as DOMRect));
    expect(await card.getAttribute('data-above')).toBe('');
    expect(cardBox!.bottom).toBeLessThanOrEqual(sectionBox!.bottom);
    expect(cardBox!.top).toBeGreaterThanOrEqual(sectionBox!.top);
    await page.context().close();
  });
});
