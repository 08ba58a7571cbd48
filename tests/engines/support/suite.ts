/**
 * One careful pass over the site in an engine other than Chromium (the Chromium browser tests go
 * much further): every page loads and hydrates cleanly, the math renders, search answers from the
 * keyboard, and each live figure is driven by the keyboard, round-trips its state through a copied
 * link, trains its seeded, capped run to the end and gives the numbers Chromium's run gave.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { crawlSite } from '../../browser/support/site';
import type { ElementRef, EngineSession } from './engine';
import { control, focus, noticesOf, probeOf, statusOf, typeInto, until, valueOf, waitForFigure, waitForStatus } from './figure';
import { embedUrl, finishRun, LIVE_SLUGS, RUN_SEED, RUN_STEPS, runQuery } from './live-run';
import { failedRequests, logMark } from './server';

const FALLBACK_NOTICE = /^The fast WebAssembly backend was not available \(.+\); training runs on the slower JavaScript backend\.$/;

export function engineSuite(launch: () => Promise<EngineSession>): void {
  const site = inject('engineSiteUrl');
  const chromiumRuns = inject('chromiumRuns');
  let session: EngineSession;
  let pages: string[] = [];
  /** A mark in the server's log and the driver's record, to ask what went wrong since. */
  const mark = async () => ({ request: await logMark(site), driver: session.driverErrors().length });
  /** What went wrong since `from`: the page's own record (./probe.js), the driver's, the server's. */
  const problemsSince = async (from: { request: number; driver: number }) => [
    ...(await probeOf(session)).errors,
    ...session.driverErrors().slice(from.driver),
    ...(await failedRequests(site, from.request)),
  ];

  beforeAll(async () => {
    session = await launch();
    pages = (await crawlSite(site)).pages;
    console.log(`engine: ${session.version}`);
  });
  afterAll(() => session?.close());

  describe('every page', () => {
    it('loads and hydrates every island with no console error, no failed request and no blocked one', async () => {
      expect(pages.length).toBeGreaterThan(15);
      for (const url of pages) {
        const from = await mark();
        await session.goto(url);
        const islands = await session.evaluate(() => document.querySelectorAll('astro-island').length);
        for (let i = 0; i < islands; i++) {
          // Astro hydrates an island when it nears the viewport and then drops its `ssr` attribute.
          await session.evaluate((i: number) => {
            const island = document.querySelectorAll('astro-island')[i]!;
            (island.firstElementChild ?? island).scrollIntoView({ block: 'center', behavior: 'instant' });
          }, i);
          await until(`${url} island ${i} hydrated`, () => session.evaluate((i: number) => document.querySelectorAll('astro-island')[i]!.hasAttribute('ssr'), i), (ssr) => !ssr);
        }
        expect.soft(await problemsSince(from), url).toEqual([]);
      }
    });

    it('renders the math at build time, in KaTeX’s own fonts, with scripts set small', async () => {
      await session.goto(new URL('chapters/01-batch-normalization/', site).href);
      const math = await session.evaluate(async () => {
        await document.fonts.ready;
        const script = document.querySelector('.katex .msupsub .mtight')!;
        return {
          inline: document.querySelectorAll('.katex').length,
          display: document.querySelectorAll('.katex-display').length,
          scriptRatio: parseFloat(getComputedStyle(script).fontSize) / parseFloat(getComputedStyle(script.closest('.katex')!).fontSize),
          katexFont: [...document.fonts].some((f) => f.family.includes('KaTeX_Main') && f.status === 'loaded'),
        };
      });
      expect(math.inline).toBeGreaterThan(20);
      expect(math.display).toBeGreaterThan(3);
      expect(math.scriptRatio).toBeLessThan(0.8);
      expect(math.katexFont).toBe(true);
    });
  });

  describe('search', () => {
    it('answers a typed term with its chapter, and the keyboard opens the result', async () => {
      const from = await mark();
      await session.goto(site);
      const box = await session.element(() => document.querySelector('#site-search-input'));
      await focus(session, box!);
      await session.type('predictiveness');
      const status = () => session.evaluate(() => document.querySelector('.search-status')?.textContent ?? '');
      expect(await until('search results', status, (text) => /“predictiveness”/.test(text))).toMatch(/^\d+ pages? match/);
      const hrefs = await session.evaluate(() => [...document.querySelectorAll('#site-search-results a')].map((a) => a.getAttribute('href')));
      const chapter = new URL('chapters/05-the-landscape/', site).pathname;
      expect(hrefs).toContain(chapter);
      // ↓ walks into the results; Enter follows the focused one.
      await session.press('ArrowDown');
      const target = await session.evaluate(() => (document.activeElement as HTMLAnchorElement | null)?.getAttribute('href') ?? '');
      expect(hrefs).toContain(target);
      await session.press('Enter');
      await until('the result to open', () => session.url(), (url) => new URL(url).pathname === target);
      expect(await problemsSince(from)).toEqual([]);
    });
  });

  describe.each(LIVE_SLUGS)('%s', (slug) => {
    it(`draws in place, answers the keyboard, round-trips its state through a copied link, and trains ${RUN_STEPS} seeded steps to Chromium’s numbers`, async () => {
      const from = await mark();
      await session.goto(embedUrl(site, slug));
      await waitForFigure(session, slug);
      await waitForStatus(session, slug, /^Showing a precomputed run/);

      // Its charts draw as each nears the viewport, in its place: nothing below them moves.
      const pageHeight = () => session.evaluate(() => document.documentElement.scrollHeight);
      const height = await pageHeight();
      const charts = await session.evaluate((slug: string) => document.querySelectorAll(`[data-widget="${slug}"] .step-chart svg`).length, slug);
      for (let i = 0; i < charts; i++) {
        const drawn = () =>
          session.evaluate(
            (slug: string, i: number) => {
              const svg = document.querySelectorAll(`[data-widget="${slug}"] .step-chart svg`)[i]!;
              svg.scrollIntoView({ block: 'center', behavior: 'instant' });
              return svg.childElementCount > 0;
            },
            slug,
            i,
          );
        await until(`${slug} chart ${i} drawn`, drawn, (done) => done);
      }
      expect(await pageHeight()).toBe(height);

      // The keyboard: the first setting's slider moves one notch each way, and the figure follows.
      const slider = await session.element((slug: string) => document.querySelector(`[data-widget="${slug}"] .settings input[type="range"]`), slug);
      const exact = await session.element((slug: string) => document.querySelector(`[data-widget="${slug}"] .settings input[type="range"] ~ .exact input`), slug);
      const original = await valueOf(session, exact!);
      await focus(session, slider!);
      await session.press('ArrowLeft');
      await until(`${slug} setting moved`, () => valueOf(session, exact!), (value) => value !== original);
      await waitForStatus(session, slug, /^Ready\. Press Play/);
      await session.press('ArrowRight');
      await until(`${slug} setting back`, () => valueOf(session, exact!), (value) => value === original);
      await waitForStatus(session, slug, /^Showing a precomputed run/);

      // A seed and a step cap typed in, then the link copied.
      await typeInto(session, await control(session, slug, 'textbox', 'Seed'), String(RUN_SEED));
      await typeInto(session, await control(session, slug, 'textbox', 'Step cap, exact value'), String(RUN_STEPS));
      await session.click(await control(session, slug, 'button', 'Copy link'));
      const link = await until(
        `${slug} copied link`,
        async () => (await probeOf(session)).clipboard.at(-1) ?? '',
        (text) => text !== '',
      );
      const copied = new URL(link);
      expect(copied.pathname).toBe(new URL(embedUrl(site, slug)).pathname);
      expect(copied.hash).toBe(`#widget-${slug}`);
      // The link names every setting; those typed in hold what was typed.
      for (const [key, value] of Object.entries(runQuery(slug))) expect(copied.searchParams.get(key)).toBe(value);

      // The link opens the figure with that state.
      await session.goto(link);
      await waitForFigure(session, slug);
      expect(await valueOf(session, await control(session, slug, 'textbox', 'Seed'))).toBe(String(RUN_SEED));
      expect(await valueOf(session, await control(session, slug, 'textbox', 'Step cap, exact value'))).toBe(String(RUN_STEPS));
      expect(await statusOf(session, slug)).toMatch(/^Ready\. Press Play/);

      // Play, to the end of the capped run. (A click: Firefox under WebDriver turns no synthesized Enter
      // or Space on a focused button into a click, a limitation of its automation, not of the page.)
      const run = await finishRun(session, slug, async () => session.click(await control(session, slug, 'button', 'Play')));
      const fallback = (await noticesOf(session, slug)).filter((n) => FALLBACK_NOTICE.test(n));
      expect(fallback).toHaveLength(run.backend === 'cpu' ? 1 : 0);

      // The keyboard reads the run's values off its charts: End on each in turn until one has points
      // past step 0 (some measure only every so many steps), then Home and → walk it from the start.
      const chartAt = (i: number) => session.element((slug: string, i: number) => document.querySelectorAll(`[data-widget="${slug}"] .step-chart svg`)[i], slug, i);
      const stepRead = async (chart: ElementRef) => {
        const text = await session.evaluate((el: Element) => el.parentElement?.querySelector('.readout')?.textContent ?? '', chart as unknown as Element);
        return Number(/\bstep (\d+)/.exec(text)?.[1] ?? -1);
      };
      let walked: ElementRef | null = null;
      for (let i = 0; i < charts && !walked; i++) {
        const chart = (await chartAt(i))!;
        await focus(session, chart);
        await session.press('End');
        // The read-out follows a key in the same task (Svelte flushes in a microtask): read it once.
        if ((await stepRead(chart)) > 0) walked = chart;
      }
      expect(walked, `${slug}: no chart with a point past step 0`).not.toBeNull();
      await session.press('Home');
      await until(`${slug} chart read at its first point`, () => stepRead(walked!), (step) => step === 0);
      await session.press('ArrowRight');
      await until(`${slug} chart read one point on`, () => stepRead(walked!), (step) => step > 0);

      const reference = chromiumRuns[slug]!;
      expect({ seed: run.data.seed, config: run.data.config }).toEqual({ seed: reference.data.seed, config: reference.data.config });
      expect(run.data.rows.length).toBe(reference.data.rows.length);
      // Same backend, same seed: the same numbers, to the last bit (the JSON holds each float exactly).
      if (run.backend === reference.backend) expect(run.data).toEqual(reference.data);
      console.log(`${session.name} ${slug}: ${run.backend} backend (Chromium: ${reference.backend}), ${run.data.rows.length} rows ${run.backend === reference.backend ? 'equal to' : 'not compared with'} Chromium's`);

      expect(await problemsSince(from)).toEqual([]);
    });
  });
}
