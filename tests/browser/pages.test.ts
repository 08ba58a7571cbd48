/** Every page of the built site loads cleanly under the base path, and reads without JavaScript. */
import { describe, expect, it } from 'vitest';
import { useChromium } from './support/browser';
import { baseUrl, CRAWL_TIMEOUT_MS, foreignRequests, hydrateIslands, siteUrl, useCrawledPages, watchPage } from './support/site';

const CHAPTER_1 = 'chapters/01-batch-normalization/';
const MISSING = 'no-such-page/';

const browser = useChromium();
const pages = useCrawledPages();

describe('every page', () => {
  it('the crawl finds the home page and chapter 1 under the base path', () => {
    expect(pages()).toContain(baseUrl());
    expect(pages()).toContain(siteUrl(CHAPTER_1));
    for (const page of pages()) expect(page.startsWith(baseUrl())).toBe(true);
  });

  it('loads and hydrates with no console error, no failed request and nothing from another origin', { timeout: CRAWL_TIMEOUT_MS }, async () => {
    for (const url of [...pages(), siteUrl(MISSING)]) {
      const context = await browser().newContext();
      const page = await context.newPage();
      const watch = watchPage(page, { url: siteUrl(MISSING), status: 404 });
      await page.goto(url);
      await hydrateIslands(page);
      expect.soft(watch.consoleErrors, url).toEqual([]);
      expect.soft(watch.failures, url).toEqual([]);
      expect.soft(foreignRequests(watch), url).toEqual([]);
      expect.soft(watch.requests.length, url).toBeGreaterThan(1);
      await context.close();
    }
  });

  it('has a language, a title, a meta description, one h1 and a favicon that exists', { timeout: CRAWL_TIMEOUT_MS }, async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    for (const url of pages()) {
      await page.goto(url);
      expect(await page.getAttribute('html', 'lang'), url).toBe('en');
      expect(await page.title(), url).toMatch(/Why BatchNorm Works/);
      expect(await page.getAttribute('meta[name="description"]', 'content'), url).toMatch(/\w{3,}/);
      expect(await page.getByRole('heading', { level: 1 }).count(), url).toBe(1);
      const icon = await page.getAttribute('link[rel="icon"]', 'href');
      expect((await fetch(new URL(icon!, url))).status, url).toBe(200);
    }
    await context.close();
  });

  it('serves the 404 page, with status 404, for an unknown address', async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    const response = await page.goto(siteUrl(MISSING));
    expect(response?.status()).toBe(404);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Page not found');
    await page.getByRole('link', { name: 'overview' }).click();
    await page.waitForURL(baseUrl());
    await context.close();
  });
});

describe('chapter 1', () => {
  it('shows the chapter list with the current chapter marked, and prev/next navigation', async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    await page.goto(siteUrl(CHAPTER_1));
    const current = page.getByRole('navigation', { name: 'Chapters' }).locator('[aria-current="page"]');
    expect(await current.textContent()).toMatch(/Batch normalization in one page/);
    expect(await page.getByRole('navigation', { name: 'On this page' }).getByRole('link').count()).toBeGreaterThan(5);
    expect(await page.getByRole('navigation', { name: 'Previous and next chapter' }).getByRole('link').count()).toBeGreaterThan(0);
    await context.close();
  });

  it('renders the math at build time, so it is there with JavaScript on and off', async () => {
    for (const javaScriptEnabled of [true, false]) {
      const context = await browser().newContext({ javaScriptEnabled });
      const page = await context.newPage();
      await page.goto(siteUrl(CHAPTER_1));
      expect(await page.locator('.katex').count(), `JavaScript ${javaScriptEnabled}`).toBeGreaterThan(20);
      expect(await page.locator('.katex-display').count()).toBeGreaterThan(3);
      // The stylesheet matches the KaTeX that rendered the HTML: scripts (σ², x_i) come out small.
      const scriptRatio = await page
        .locator('.katex .msupsub .mtight')
        .first()
        .evaluate((el) => parseFloat(getComputedStyle(el).fontSize) / parseFloat(getComputedStyle(el.closest('.katex')!).fontSize));
      expect(scriptRatio).toBeLessThan(0.8);
      // KaTeX's own fonts, self-hosted, are in use.
      const katexFontLoaded = await page.evaluate(async () => {
        await document.fonts.ready;
        return [...document.fonts].some((f) => f.family.includes('KaTeX_Main') && f.status === 'loaded');
      });
      expect(katexFontLoaded).toBe(true);
      await context.close();
    }
  });

  it('reads without JavaScript: the widget explains itself and the exercises’ answers open', async () => {
    const context = await browser().newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(siteUrl(CHAPTER_1));
    const figure = page.getByRole('figure', { name: /BatchNorm on one unit/ });
    expect(await figure.locator('[data-still]').count()).toBe(1);
    expect(await page.getByRole('slider').count()).toBe(0);
    const answer = page.locator('details').filter({ hasText: 'Answer' }).first();
    await answer.getByText('Answer').click();
    expect(await answer.getAttribute('open')).not.toBeNull();
    await context.close();
  });
});
