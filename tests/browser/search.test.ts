/**
 * Site search (Pagefind) on the production build under its base path: a distinctive term from each
 * chapter finds that chapter and the result link opens it; "/" and Ctrl+K focus the box; the bundle
 * loads only once the reader focuses search, from the site's own origin; axe finds nothing with the
 * results open.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, baseUrl, itStayedClean, siteUrl, useWatchedPage, type WatchedPage } from './support/site';

/** One word per chapter that its text uses and, when this was written, no other chapter did. */
const CHAPTER_TERMS: Record<string, string> = {
  '01-batch-normalization': 'momentum',
  '02-does-batchnorm-reduce-ics': 'multiplicative',
  '03-ics-gradients': 'uncorrelated',
  '04-lipschitz-and-smoothness': 'eigenvalue',
  '05-the-landscape': 'predictiveness',
  '06-what-the-theory-says': 'reparametrization',
  '07-is-batchnorm-the-only-way': 'homogeneous',
  '08-lipschitzness-elsewhere': 'Wasserstein',
};

let session: WatchedPage;
useWatchedPage('', (opened) => (session = opened));
const page = (): Page => session.page;

const searchBox = () => page().getByRole('searchbox', { name: 'Search the course' });
const resultLinks = () => page().locator('#site-search-results a');
const pagefindRequests = () => session.watch.requests.filter((u) => u.includes('/pagefind/'));

/** Types `term` into the search box and waits for its answer (a result list or the no-match notice). */
async function search(term: string): Promise<void> {
  await searchBox().fill(term);
  await expect.poll(() => page().locator('.search-status').textContent()).toContain(`“${term}”`);
}

/** The chapters the home page lists, by id. */
async function chapterIds(): Promise<string[]> {
  const hrefs = await page().locator('main a[href*="/chapters/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  return [...new Set(hrefs.map((h) => /chapters\/([^/]+)\//.exec(h)![1]!))];
}

describe('site search', () => {
  it('loads nothing of Pagefind until the reader focuses the search box', async () => {
    await page().waitForLoadState('networkidle');
    await expect.poll(() => searchBox().isVisible()).toBe(true);
    expect(pagefindRequests()).toEqual([]);
    await searchBox().focus();
    await expect.poll(() => pagefindRequests().some((u) => u.endsWith('/pagefind/pagefind.js'))).toBe(true);
    expect(pagefindRequests().every((u) => u.startsWith(siteUrl('pagefind/')))).toBe(true);
  });

  it('has a search term for every chapter, and each term is in its chapter', async () => {
    const ids = await chapterIds();
    expect(ids.length).toBeGreaterThanOrEqual(7);
    expect(ids.filter((id) => !CHAPTER_TERMS[id]), 'chapters without a term in CHAPTER_TERMS').toEqual([]);
    for (const id of ids) {
      const html = await (await fetch(siteUrl(`chapters/${id}/`))).text();
      expect(html.toLowerCase(), `"${CHAPTER_TERMS[id]}" no longer appears in ${id}`).toContain(CHAPTER_TERMS[id]!.toLowerCase());
    }
  });

  it("finds each chapter by its term, with links under the base path", async () => {
    for (const id of await chapterIds()) {
      await search(CHAPTER_TERMS[id]!);
      const hrefs = await resultLinks().evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(hrefs, `searching "${CHAPTER_TERMS[id]}"`).toContain(new URL(siteUrl(`chapters/${id}/`)).pathname);
      expect(hrefs.every((h) => h!.startsWith(new URL(baseUrl()).pathname))).toBe(true);
    }
  });

  it('announces the number of results and marks the matched words', async () => {
    await search('predictiveness');
    expect(await page().locator('.search-status').getAttribute('role')).toBe('status');
    expect(await page().locator('.search-status').textContent()).toMatch(/^\d+ pages? match/);
    expect(await resultLinks().first().locator('mark').count()).toBeGreaterThan(0);
    await search('zzqxjv');
    expect(await page().locator('.search-status').textContent()).toBe('No pages match “zzqxjv”.');
    expect(await resultLinks().count()).toBe(0);
  });

  it('has no WCAG 2.2 AA violation with the results open', async () => {
    await search('gradient');
    await expect.poll(() => resultLinks().count()).toBeGreaterThan(0);
    expect(await axeViolations(page())).toEqual([]);
  });

  it('walks the results with ↓ ↑, closes them with Escape, and opens a result with Enter', async () => {
    await search('predictiveness');
    await searchBox().press('ArrowDown');
    expect(await page().evaluate(() => document.activeElement?.closest('#site-search-results') !== null)).toBe(true);
    await page().keyboard.press('ArrowUp');
    expect(await searchBox().evaluate((el) => el === document.activeElement)).toBe(true);
    await page().keyboard.press('Escape');
    expect(await page().locator('#site-search-results').isHidden()).toBe(true);

    await searchBox().press('ArrowUp'); // nothing to walk while closed
    await search('predictiveness');
    await searchBox().press('ArrowDown');
    const target = await page().evaluate(() => {
      const link = document.activeElement as HTMLAnchorElement;
      return { href: link.href, title: link.querySelector('.result-title')!.textContent! };
    });
    await Promise.all([page().waitForURL(target.href), page().keyboard.press('Enter')]);
    expect(page().url()).toBe(target.href);
    expect(await page().locator('h1').textContent()).toContain(target.title);
  });

  it('focuses the search box with "/" and with Ctrl+K, but lets "/" be typed inside the box', async () => {
    await page().locator('h1').click();
    expect(await searchBox().evaluate((el) => el === document.activeElement)).toBe(false);
    await page().keyboard.press('/');
    expect(await searchBox().evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await searchBox().inputValue()).not.toContain('/');

    await page().locator('h1').click();
    await page().keyboard.press('Control+k');
    expect(await searchBox().evaluate((el) => el === document.activeElement)).toBe(true);

    await searchBox().fill('');
    await page().keyboard.type('a/b');
    expect(await searchBox().inputValue()).toBe('a/b');
  });

  itStayedClean(() => session.watch);
});
