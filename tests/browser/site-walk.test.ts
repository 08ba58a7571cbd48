/**
 * Every page of the built site, as a reader meets it, with every per-page check run on one load: twice
 * per page, once on a desktop and once on a phone. Each pass goes from page to page in reused tabs, as a
 * reader does, cleared between pages so that none sees what another left (support/reused-tabs.ts).
 *
 * Desktop (1280×800): the page loads under the base path and hydrates with no console error, no failed
 * request, nothing from another origin and no Content-Security-Policy violation; its head names it (lang,
 * title, description, one h1, a favicon that exists); its policy is strict; Lighthouse's best practices
 * hold without Lighthouse (`npm run audit` runs it): a doctype and an early charset, none of the browser
 * issues it scores, images at their own aspect ratio, every form field named; axe-core finds no WCAG 2.2 AA
 * violation in the light theme, and no text below AA contrast in the dark one (switched live, as the theme
 * toggle or the system does); and every live figure, played, gets the wasm backend under the policy (so the policy does not push
 * the lab onto cpu). On the home page the search answers too.
 *
 * Phone (390×844, touch): no page scrolls sideways once its islands have hydrated, at 390 px and at 360 px,
 * and axe finds nothing at 360 px. At 1280, 390 and 360 px every figure's chart text renders at 11 CSS px or
 * more (issue 17), and on the phone every control of a figure is a 44 × 44 px touch target.
 */
import { afterAll, describe, expect, it, type ExpectStatic } from 'vitest';
import type { Page } from 'playwright-core';
import { useChromium } from './support/browser';
import { recordLabMessages, type LabMessage } from './support/lab-messages';
import { cspProblems, distortedImages, headOf, horizontalOverflow, recordBrowserIssues, recordCspViolations, settled, smallChartText, smallTouchTargets, unnamedFields, visitEveryChart } from './support/page-checks';
import { openPhonePage, PHONE_VIEWPORT } from './support/phone';
import { tabPool, type Tab } from './support/reused-tabs';
import { axeViolations, baseUrl, crawlSite, foreignRequests, hydrateIslands, restartWatch, siteUrl, watchPage, type PageWatch } from './support/site';
import { LESSONS } from '../../content/lessons';

const MISSING = siteUrl('no-such-page/');
const NARROWEST = { width: 360, height: 740 };

// Crawled while the file is collected, so each page is a test of its own and a failure names it.
const { pages } = await crawlSite();
const walked = [...pages, MISSING];
const nameOf = (url: string) => new URL(url).pathname.slice(new URL(baseUrl()).pathname.length - 1);

const browser = useChromium();
const LIGHT = 'light';

/** A desktop tab with its recorders, installed once (the CSP and lab-message recorders start again with each document). */
interface DesktopTab extends Tab {
  watch: PageWatch;
  violations: () => Promise<string[]>;
  labMessages: () => Promise<LabMessage[]>;
  issues: string[];
}

const desktopTabs = tabPool<DesktopTab>(
  async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 800 }, colorScheme: LIGHT });
    const page = await context.newPage();
    return { context, page, watch: watchPage(page), violations: await recordCspViolations(page), labMessages: await recordLabMessages(page), issues: await recordBrowserIssues(context, page) };
  },
  // The last page's contrast check ended in the dark theme.
  (tab) => tab.page.emulateMedia({ colorScheme: LIGHT }),
);
// Layout does not depend on the CPU's speed: these pages load at full speed. The last page ended at the narrowest width.
const phoneTabs = tabPool(
  () => openPhonePage(browser(), { slowCpu: false }),
  (tab) => tab.page.setViewportSize(PHONE_VIEWPORT),
);

/** Plays every live figure, then waits for each of its workers (a figure's arms may train in several) to report its backend. */
async function playEveryFigure(page: Page, backends: () => Promise<string[]>, expect: ExpectStatic): Promise<{ figures: number; backends: string[] }> {
  const plays = page.getByRole('button', { name: 'Play', exact: true });
  const figures = await plays.count();
  for (let i = 0; i < figures; i++) {
    await plays.nth(i).scrollIntoViewIfNeeded();
    await plays.nth(i).click();
  }
  const workers = () => page.workers().filter((w) => w.url().includes('lab.worker')).length;
  await expect.poll(async () => (await backends()).length >= Math.max(figures, workers()), { timeout: 30_000 }).toBe(true);
  return { figures, backends: await backends() };
}

describe('every page on a desktop', () => {
  it('the crawl finds the home page, chapter 1 and every lesson page, all under the base path', () => {
    expect(pages).toContain(baseUrl());
    expect(pages).toContain(siteUrl('chapters/01-batch-normalization/'));
    // teach.test.ts leaves axe on the lesson plans, answer keys and handouts to this walk.
    const lessonPages = LESSONS.flatMap(({ chapter }) => ['', 'answers/', 'handout/'].map((page) => siteUrl(`teach/${chapter}/${page}`)));
    expect(lessonPages.filter((page) => !pages.includes(page))).toEqual([]);
    expect(pages.filter((page) => !page.startsWith(baseUrl()))).toEqual([]);
  });

  // Two pages at a time (the browser project's maxConcurrency): one page rarely keeps both cores busy. A
  // concurrent test's assertions go through its own `expect`, so a failure is reported against its page.
  it.concurrent.for(walked.map((url) => ({ page: nameOf(url), url })))('$page', { timeout: 120_000 }, async ({ url }, { expect }) => {
    const missing = url === MISSING;
    const html = await (await fetch(url)).text();
    expect.soft(html.slice(0, 15).toLowerCase(), 'doctype').toBe('<!doctype html>');
    expect.soft(html.slice(0, 1024), 'charset in the first 1024 bytes').toMatch(/<meta charset="utf-8"/i);

    await desktopTabs.use(async ({ page, watch, violations, labMessages, issues }) => {
      restartWatch(watch, missing ? { url, status: 404 } : null);
      issues.length = 0;
      const response = await page.goto(url);
      expect(response?.status()).toBe(missing ? 404 : 200);
      const islands = await hydrateIslands(page);
      if (url.includes('/embed/')) expect(islands, 'an embed is its figure').toBeGreaterThan(0);

      const head = await headOf(page);
      expect.soft(head.lang).toBe('en');
      expect.soft(head.title).toMatch(/Why BatchNorm Works/);
      expect.soft(head.description).toMatch(/\w{3,}/);
      expect.soft(head.h1s, 'h1 elements').toBe(1);
      expect.soft((await fetch(new URL(head.icon ?? 'no-icon', url))).status, 'favicon').toBe(200);
      expect.soft(await cspProblems(page), 'Content-Security-Policy').toEqual([]);
      expect.soft(await distortedImages(page), 'distorted images').toEqual([]);
      // Every island is hydrated and in view by now, so the widgets' own controls are counted too.
      expect.soft(await unnamedFields(page), 'form fields').toEqual({ unnamed: [], duplicateIds: [] });
      expect.soft(await visitEveryChart(page), 'charts that drew nothing at 1280 px').toEqual([]);
      expect.soft(await smallChartText(page), 'chart text under 11 px at 1280 px').toEqual([]);

      expect.soft(await axeViolations(page), 'axe, light theme').toEqual([]);
      await page.emulateMedia({ colorScheme: 'dark' });
      await settled(page);
      // The theme changes colours only (the same markup, the same layout): the contrast rule is the dark theme's
      // check, and about 70% of a whole axe run's time.
      expect.soft(await axeViolations(page, { contrastOnly: true }), 'axe, dark theme (contrast)').toEqual([]);

      const { figures, backends } = await playEveryFigure(page, async () => (await labMessages()).filter((m) => m.type === 'ready').map((m) => m.backend!), expect);
      expect.soft(backends, `backends of ${figures} live figures' workers`).toEqual(backends.map(() => 'wasm'));
      if (url === baseUrl()) {
        await page.getByRole('searchbox', { name: 'Search the course' }).fill('Lipschitz');
        await expect.poll(() => page.getByRole('list', { name: 'Search results' }).getByRole('link').count(), { timeout: 15_000 }).toBeGreaterThan(0);
      }

      expect.soft(await violations(), 'CSP violations').toEqual([]);
      expect.soft(issues, 'browser issues Lighthouse scores').toEqual([]);
      expect.soft(watch.consoleErrors, 'console errors').toEqual([]);
      expect.soft(watch.failures, 'failed requests').toEqual([]);
      expect.soft(foreignRequests(watch), 'requests to other origins').toEqual([]);
      expect.soft(watch.requests.length, 'requests').toBeGreaterThan(1);
    });
  });
  afterAll(() => desktopTabs.close());
});

describe('every page on a phone', () => {
  it.concurrent.for(walked.map((url) => ({ page: nameOf(url), url })))('$page', { timeout: 120_000 }, async ({ url }, { expect }) => {
    await phoneTabs.use(async (phone) => {
      await phone.page.goto(url);
      await hydrateIslands(phone.page);
      expect(await phone.page.evaluate(() => innerWidth)).toBe(PHONE_VIEWPORT.width);
      expect.soft(await horizontalOverflow(phone.page), `at ${PHONE_VIEWPORT.width} px`).toBeNull();
      expect.soft(await visitEveryChart(phone.page), `charts that drew nothing at ${PHONE_VIEWPORT.width} px`).toEqual([]);
      expect.soft(await smallChartText(phone.page), `chart text under 11 px at ${PHONE_VIEWPORT.width} px`).toEqual([]);
      expect.soft(await smallTouchTargets(phone.page), 'figure controls under 44 × 44 px on a touch screen').toEqual([]);
      await phone.page.setViewportSize(NARROWEST);
      await settled(phone.page);
      expect.soft(await horizontalOverflow(phone.page), `at ${NARROWEST.width} px`).toBeNull();
      // Live charts redraw at the new width as the reader reaches them; until then they show the 390 px drawing.
      expect.soft(await visitEveryChart(phone.page), `charts that drew nothing at ${NARROWEST.width} px`).toEqual([]);
      await expect.poll(() => smallChartText(phone.page), { message: `chart text under 11 px at ${NARROWEST.width} px` }).toEqual([]);
      expect.soft(await axeViolations(phone.page), `axe at ${NARROWEST.width} px`).toEqual([]);
    });
  });
  afterAll(() => phoneTabs.close());
});
