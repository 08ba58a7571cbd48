/**
 * The glossary: every term link in the chapters resolves to an anchor on /glossary/ under the base
 * path, the definitions' math is rendered, and following a term link lands on its entry.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { baseUrl, hydrateIslands, itStayedClean, siteUrl, type PageWatch, useWatchedPage } from './support/site';
import { chaptersUsing } from './support/study';

let page: Page;
let watch: PageWatch;
useWatchedPage('glossary/', (opened) => ({ page, watch } = opened));

describe('the glossary page', () => {
  it('defines each term at its own anchor, with rendered math and no KaTeX error', async () => {
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Glossary');
    const ids = await page.locator('dl.entries dt[id]').evaluateAll((dts) => dts.map((dt) => dt.id));
    for (const id of ['ics', 'lipschitz-constant', 'beta-smoothness', 'effective-beta', 'g-and-g-prime', 'batchnorm',
      'running-statistics', 'lp-normalization', 'spectral-norm', 'power-iteration', 'wasserstein-distance', 'critic', 'gradient-penalty']) {
      expect(ids).toContain(id);
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect(await page.locator('dl.entries .katex').count()).toBeGreaterThan(40);
    expect(await page.locator('.katex-error').count()).toBe(0);
    expect(await page.locator('main[data-pagefind-body]').count()).toBe(1);
  });

  it('links the index and every "see also" to an entry on the page', async () => {
    const targets = await page.locator('nav.index a, .meta a[href^="#"]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).hash.slice(1)));
    expect(targets.length).toBeGreaterThan(20);
    for (const id of targets) expect(await page.locator(`dt[id="${id}"]`).count(), id).toBe(1);
  });

  it('links every chapter’s terms to an anchor that exists, under the base path', async () => {
    const ids = new Set(await page.locator('dt[id]').evaluateAll((dts) => dts.map((dt) => dt.id)));
    const chapters = chaptersUsing('<Term');
    expect(chapters.length).toBeGreaterThanOrEqual(7);
    // A tab of its own: moving on before a chapter's islands load would abort their requests.
    const tab = await page.context().newPage();
    for (const id of chapters) {
      await tab.goto(siteUrl(`chapters/${id}/`));
      const hrefs = await tab.locator('article a.term').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
      expect(hrefs.length, id).toBeGreaterThan(0);
      for (const href of hrefs) {
        const url = new URL(href);
        expect(`${url.origin}${url.pathname}`, `${id}: ${href}`).toBe(siteUrl('glossary/'));
        expect(url.href.startsWith(baseUrl())).toBe(true);
        expect(ids.has(url.hash.slice(1)), `${id}: ${href}`).toBe(true);
      }
    }
    await tab.close();
  });

  it('takes a reader from a term in chapter 3 to its entry', async () => {
    await page.goto(siteUrl('chapters/03-ics-gradients/'), { waitUntil: 'networkidle' });
    const term = page.locator('a.term', { hasText: 'deep linear network' });
    // Scrolling to the term brings the chapter's figure near, which starts loading its island: let it
    // finish, or following the link cancels those requests and the page watch counts them as failures.
    await term.scrollIntoViewIfNeeded();
    await hydrateIslands(page);
    await term.click();
    await page.waitForURL(siteUrl('glossary/#dln'));
    const entry = page.locator('dt#dln');
    expect(await entry.evaluate((dt) => dt.matches(':target'))).toBe(true);
    expect(await entry.textContent()).toBe('Deep linear network (DLN)');
    expect(await entry.isVisible()).toBe(true);
  });

  itStayedClean(() => watch);
});
