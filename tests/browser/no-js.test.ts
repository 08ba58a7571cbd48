/**
 * Every chapter reads completely with JavaScript off: its text is the same as with JavaScript on
 * (before any widget hydrates), every formula is KaTeX-rendered at build time with no raw TeX or KaTeX
 * error left, KaTeX's fonts load, every widget figure keeps its caption, and every answer opens.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useChromium } from './support/browser';
import { useCrawledPages } from './support/site';

const browser = useChromium();
const pages = useCrawledPages();
const chapters = () => pages().filter((url) => /\/chapters\/[^/]+\/$/.test(url));

/** The chapter's prose: the article without its figures (widgets differ once hydrated) and math. */
const prose = (page: Page) =>
  page.locator('main').evaluate((main) => {
    const copy = main.cloneNode(true) as HTMLElement;
    for (const el of copy.querySelectorAll('figure, astro-island, .katex, script, style')) el.remove();
    return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
  });

describe('without JavaScript', () => {
  it('every chapter has its full text, rendered math, captioned figures and answers that open', async () => {
    const withJs = await browser().newContext();
    const withoutJs = await browser().newContext({ javaScriptEnabled: false });
    const on = await withJs.newPage();
    const off = await withoutJs.newPage();
    for (const url of chapters()) {
      await on.goto(url);
      await off.goto(url);
      const text = await prose(off);
      expect.soft(text.length, url).toBeGreaterThan(3000);
      expect.soft(text, url).toBe(await prose(on));
      // Math: rendered, none left as TeX source, no KaTeX error, KaTeX's own font in use.
      expect.soft(await off.locator('.katex').count(), url).toBeGreaterThan(5);
      expect.soft(await off.locator('.katex-error').count(), url).toBe(0);
      expect.soft(text, url).not.toMatch(/\$[^$\s][^$]*\$|\\\(|\\\[|\\(frac|mathbb|begin|sum|hat)\b/);
      const katexFont = await off.evaluate(async () => {
        await document.fonts.ready;
        return [...document.fonts].some((f) => f.family.includes('KaTeX_Main') && f.status === 'loaded');
      });
      expect.soft(katexFont, url).toBe(true);
      // Each widget figure says what it shows.
      for (const caption of await off.locator('astro-island figcaption').allTextContents()) expect.soft(caption.trim().length, url).toBeGreaterThan(20);
      // Collapsed answers open with a click, no script needed.
      const details = off.locator('main details');
      for (let i = 0; i < (await details.count()); i++) {
        const item = details.nth(i);
        if ((await item.getAttribute('open')) === null) await item.locator('summary').first().click();
        expect.soft(await item.getAttribute('open'), `${url} details ${i}`).not.toBeNull();
      }
    }
    await withJs.close();
    await withoutJs.close();
  });
});
