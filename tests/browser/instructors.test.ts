/**
 * The instructors' page: every widget of the catalog with its chapter, embed page, run time, classroom
 * use and an iframe snippet (with a title for screen readers) whose address serves the embed page.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, itStayedClean, siteUrl, type PageWatch, useWatchedPage } from './support/site';
import { WIDGETS } from '../../src/widgets/catalog';

let page: Page;
let watch: PageWatch;
useWatchedPage('instructors/', (opened) => ({ page, watch } = opened));

describe('/instructors/', () => {
  it('lists every widget with its chapter, run time, classroom use and embed snippet', async () => {
    expect(await page.locator('[data-widget-entry]').count()).toBe(WIDGETS.length);
    for (const w of WIDGETS) {
      const entry = page.locator(`[data-widget-entry="${w.slug}"]`);
      expect(await entry.getByRole('heading', { level: 3 }).textContent()).toBe(w.title);
      expect(await entry.textContent()).toContain(w.classroom);
      const runTime = (await entry.locator('.run-time').textContent())!;
      expect(runTime).toBe(w.runSeconds === null ? 'No training run: answers each change at once.' : `About ${w.runSeconds} s for the default run.`);
      expect(w.runSeconds === null).toBe(w.experiment === null);
      const chapterLink = entry.getByRole('link', { name: /^Chapter \d/ });
      expect(new URL((await chapterLink.getAttribute('href'))!, page.url()).href).toBe(siteUrl(`chapters/${w.chapter}/`));

      const snippet = await entry.getByRole('textbox', { name: 'Embed code' }).inputValue();
      const iframe = await page.evaluate((html) => {
        const el = new DOMParser().parseFromString(html, 'text/html').querySelector('iframe');
        return el && { src: el.getAttribute('src'), title: el.getAttribute('title') };
      }, snippet);
      expect(iframe?.title).toContain(w.title);
      const src = new URL(iframe!.src!, page.url()).href;
      expect(src).toBe(siteUrl(`embed/${w.slug}/`));
      const response = await fetch(src);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain(`<title>${w.title} · Why BatchNorm Works</title>`);
    }
  });

  it('says where the run times come from', async () => {
    expect(await page.getByRole('heading', { name: 'Where the run times come from' }).count()).toBe(1);
    expect(await page.locator('main').textContent()).toMatch(/headless Chromium/);
  });

  it('is axe-clean', async () => {
    expect(await axeViolations(page)).toEqual([]);
  });

  itStayedClean(() => watch);
});
