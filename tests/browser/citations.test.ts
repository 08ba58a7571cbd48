/**
 * Citations: numbered markers that link to the chapter's generated reference list (numbers in order
 * of first citation), a card on hover and on keyboard focus that Escape dismisses, plain links without
 * JavaScript, and the bibliography page with its BibTeX.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useChromium } from './support/browser';
import { axeViolations, itStayedClean, siteUrl, type PageWatch, useWatchedPage } from './support/site';
import { chaptersUsing } from './support/study';

const CHAPTER_2 = 'chapters/02-does-batchnorm-reduce-ics/';
const browser = useChromium();

// The first block is one reader's session on chapter 2, in order.
let page: Page;
let watch: PageWatch;
useWatchedPage(CHAPTER_2, (opened) => ({ page, watch } = opened));

const firstCite = () => page.locator('.cite').first();
const card = () => firstCite().locator('.cite-card');

describe('a citation in chapter 2', () => {
  it('is numbered [1] for the first work cited, and names it for screen readers', async () => {
    const marker = firstCite().locator('a.cite-marker');
    expect(await marker.textContent()).toBe('[1]');
    expect(await marker.getAttribute('aria-label')).toBe('Reference 1');
    expect(await marker.getAttribute('aria-describedby')).toBe('ref-ioffe2015');
    expect(await page.locator('#ref-ioffe2015').textContent()).toMatch(/Sergey Ioffe and Christian Szegedy\. “Batch Normalization/);
  });

  it('shows its card on hover, with title, authors, venue, year and link, and hides it when the pointer leaves', async () => {
    expect(await card().isVisible()).toBe(false);
    await firstCite().locator('a.cite-marker').hover();
    await expect.poll(() => card().isVisible()).toBe(true);
    const text = await card().textContent();
    expect(text).toMatch(/Batch Normalization: Accelerating Deep Network Training/);
    expect(text).toMatch(/Sergey Ioffe and Christian Szegedy/);
    expect(text).toMatch(/ICML 2015\), 2015/);
    expect(await card().getByRole('link').getAttribute('href')).toBe('https://arxiv.org/abs/1502.03167');
    await page.mouse.move(0, 0);
    await expect.poll(() => card().isVisible()).toBe(false);
  });

  it('keeps the card inside the viewport', async () => {
    await firstCite().locator('a.cite-marker').hover();
    const box = (await card().boundingBox())!;
    const width = await page.evaluate(() => document.documentElement.clientWidth);
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(width);
    await page.mouse.move(0, 0);
  });

  it('shows the card on keyboard focus, lets Tab reach its link, and hides it on Escape', async () => {
    await page.locator('.cite-marker').first().focus();
    await expect.poll(() => card().isVisible()).toBe(true);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('arXiv:1502.03167');
    expect(await card().isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => card().isVisible()).toBe(false);
    await page.keyboard.press('Shift+Tab');
    await expect.poll(() => card().isVisible()).toBe(true);
  });

  it('links its marker to the entry in the reference list', async () => {
    await page.locator('.cite-marker').first().click();
    await page.waitForURL(/#ref-ioffe2015$/);
    const entry = page.locator('#ref-ioffe2015');
    expect(await entry.evaluate((li) => li.matches('section.references li:target'))).toBe(true);
    expect(await entry.isVisible()).toBe(true);
  });

  itStayedClean(() => watch);
});

describe('reference lists', () => {
  it('number every chapter’s works in order of first citation, and every marker points at its number', async () => {
    const chapters = chaptersUsing('<Cite');
    expect(chapters.length).toBeGreaterThanOrEqual(7);
    const context = await browser().newContext();
    const tab = await context.newPage();
    for (const id of chapters) {
      await tab.goto(siteUrl(`chapters/${id}/`));
      const found = await tab.evaluate(() => {
        const list = [...document.querySelectorAll('section.references ol > li')].map((li) => li.id);
        const markers = [...document.querySelectorAll<HTMLAnchorElement>('a.cite-marker')].map((a) => ({
          n: Number(/^\[(\d+)/.exec(a.textContent ?? '')?.[1]),
          target: a.hash.slice(1),
        }));
        return { list, markers, heading: document.querySelector('section.references h2')?.textContent };
      });
      expect(found.heading, id).toBe('References');
      expect(found.markers.length, id).toBeGreaterThan(0);
      for (const m of found.markers) expect(found.list.indexOf(m.target) + 1, `${id} ${m.target}`).toBe(m.n);
      // First citations come in the order 1, 2, 3, … down the page, and every listed work is cited.
      const firsts = [...new Set(found.markers.map((m) => m.n))];
      expect(firsts, id).toEqual(found.list.map((_, i) => i + 1));
    }
    await context.close();
  });

  it('works without JavaScript: the marker is a plain link to its entry, the list is there', async () => {
    const context = await browser().newContext({ javaScriptEnabled: false });
    const tab = await context.newPage();
    await tab.goto(siteUrl(CHAPTER_2));
    const marker = tab.locator('a.cite-marker').first();
    expect(await marker.getAttribute('href')).toBe('#ref-ioffe2015');
    await marker.click();
    await tab.waitForURL(/#ref-ioffe2015$/);
    expect(await tab.locator('#ref-ioffe2015').isVisible()).toBe(true);
    await context.close();
  });
});

describe('the bibliography page', () => {
  it('lists every work with a BibTeX record, links back to the citing chapters, and offers "Cite this module"', async () => {
    const context = await browser().newContext();
    const tab = await context.newPage();
    await tab.goto(siteUrl('bibliography/'));
    expect(await tab.getByRole('heading', { level: 1 }).textContent()).toBe('Bibliography');
    const module = tab.locator('section', { has: tab.getByRole('heading', { name: 'Cite this module' }) });
    expect(await module.locator('pre').textContent()).toMatch(/^@misc\{whybatchnormworks,\n {2}author/);
    for (const key of ['santurkar2018', 'ioffe2015', 'arjovsky2017', 'gulrajani2017', 'miyato2018']) {
      expect(await tab.locator(`#${key} pre`).textContent(), key).toMatch(new RegExp(`^@inproceedings\\{${key},`));
    }
    const back = tab.locator('#santurkar2018 .cited-in a').first();
    expect(await back.getAttribute('href')).toBe(`${new URL(siteUrl('chapters/01-batch-normalization/')).pathname}#ref-santurkar2018`);
    expect(await tab.locator('main[data-pagefind-body]').count()).toBe(1);
    await context.close();
  });
});
