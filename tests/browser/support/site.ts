/**
 * What the browser tests share: the served site's URL, a watcher that records every request and
 * every console error of a page, a crawler for the site's internal pages, islands hydration and axe.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';
import { beforeAll, expect, inject, it } from 'vitest';
import { useChromium } from './browser';

export const baseUrl = (): string => inject('baseUrl');
export const siteUrl = (path = ''): string => new URL(path, baseUrl()).href;

export interface PageWatch {
  /** Every URL the page requested, in order. */
  requests: string[];
  consoleErrors: string[];
  /** Requests that failed outright or got an HTTP error status. */
  failures: string[];
  /** The page under test when it is a deliberate error status (the 404 page): its status and console line are not failures. */
  expected: { url: string; status: number } | null;
}

/** Starts recording; `expected` lets the page under test be a deliberate error status (the 404 page). */
export function watchPage(page: Page, expected: PageWatch['expected'] = null): PageWatch {
  const watch: PageWatch = { requests: [], consoleErrors: [], failures: [], expected };
  page.on('request', (r) => watch.requests.push(r.url()));
  page.on('console', (m) => {
    // Chromium also logs the deliberate 404 document as a console error; that one is expected.
    const deliberate = watch.expected && m.location().url === watch.expected.url && m.text().includes(`${watch.expected.status}`);
    if (m.type() === 'error' && !deliberate) watch.consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => watch.consoleErrors.push(`uncaught: ${e.message}`));
  page.on('requestfailed', (r) => watch.failures.push(`${r.url()}: ${r.failure()?.errorText ?? 'failed'}`));
  page.on('response', (r) => {
    const deliberate = watch.expected && r.url() === watch.expected.url && r.status() === watch.expected.status;
    if (r.status() >= 400 && !deliberate) watch.failures.push(`${r.url()}: HTTP ${r.status()}`);
  });
  return watch;
}

/** Forgets what a reused page recorded so far, before it loads the next page under test. */
export function restartWatch(watch: PageWatch, expected: PageWatch['expected'] = null): void {
  watch.requests.length = 0;
  watch.consoleErrors.length = 0;
  watch.failures.length = 0;
  watch.expected = expected;
}

export interface WatchedPage {
  page: Page;
  watch: PageWatch;
}

/**
 * One reader's session for a test file: the file's browser, and before its tests a desktop-sized page
 * on `path`, watched from the first request, handed to the file by `onOpen`.
 */
/** `onOpen` runs before the page loads; a promise it returns (e.g. page.addInitScript) is awaited first. */
export function useWatchedPage(path: string, onOpen: (opened: WatchedPage) => unknown): void {
  const browser = useChromium();
  beforeAll(async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const watch = watchPage(page);
    await onOpen({ page, watch });
    await page.goto(siteUrl(path));
  });
}

/** The last test of a session: whatever the reader did, the page logged and fetched nothing it should not. */
export function itStayedClean(watch: () => PageWatch): void {
  it('did all this with no console error, no failed request and nothing from another origin', () => {
    expect(watch().consoleErrors).toEqual([]);
    expect(watch().failures).toEqual([]);
    expect(foreignRequests(watch())).toEqual([]);
  });
}

/** Requests that left the site's origin (data: and blob: URLs stay in the page). */
export function foreignRequests(watch: PageWatch): string[] {
  const origin = new URL(baseUrl()).origin;
  return watch.requests.filter((u) => !/^(data|blob):/.test(u) && new URL(u).origin !== origin);
}

/** Scrolls every island into view and waits until Astro has hydrated it (it drops the `ssr` attribute). */
export async function hydrateIslands(page: Page): Promise<number> {
  const islands = page.locator('astro-island');
  const count = await islands.count();
  for (let i = 0; i < count; i++) {
    const island = islands.nth(i);
    // An island is `display: contents` (no box of its own), so scroll its content into view. Sections laid
    // out on the way (content-visibility: auto) can take more room than their estimate and push it out of
    // view again, as a reader scrolling on would find it: scroll to it again until it has hydrated.
    // A live figure's island (charts, controls, its trace) can take over a second on a busy 2-core machine.
    await expect
      .poll(async () => {
        await island.evaluate((el) => (el.firstElementChild ?? el).scrollIntoView({ block: 'center' }));
        return island.getAttribute('ssr');
      }, { timeout: 10_000 })
      .toBeNull();
  }
  // Every island's code has loaded by now (Astro drops `ssr` once it ran); what the page itself still loads
  // (its images, stylesheets, fonts in use) has loaded once `load` fired and the fonts are ready. Playwright's
  // 'networkidle' waited 500 ms of quiet on top of that on every page, for requests nothing here starts.
  await page.waitForLoadState('load');
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return count;
}

export interface CrawlResult {
  /** Every same-origin URL linked or referenced from the site's pages, with its HTTP status. */
  statuses: Map<string, number>;
  /** The HTML pages among them. */
  pages: string[];
}

/** The site's HTML pages, crawled once before a file's tests. Call at the top of a file. */
export function useCrawledPages(): () => string[] {
  let pages: string[] | undefined;
  beforeAll(async () => {
    pages = (await crawlSite()).pages;
  });
  return () => {
    if (!pages) throw new Error('The site has not been crawled yet: call the getter inside a test.');
    return pages;
  };
}

const LINK_ATTRIBUTE = /\s(?:href|src)="([^"]+)"/g;

/**
 * Follows every internal href/src from the home page (without a browser: the links are in the HTML).
 * `statuses` holds every address linked; `pages` the HTML documents, each once (no query strings).
 */
export async function crawlSite(root = baseUrl()): Promise<CrawlResult> {
  const origin = new URL(root).origin;
  const statuses = new Map<string, number>();
  const pages: string[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const url = queue.shift()!;
    if (statuses.has(url)) continue;
    const response = await fetch(url, { redirect: 'manual' });
    statuses.set(url, response.status);
    if (response.status !== 200 || !response.headers.get('content-type')?.startsWith('text/html')) continue;
    // A link with settings (a lesson plan's "open with these settings") is the same document as its
    // page without them: its status is checked, but it is not a page of its own to walk.
    if (new URL(url).search !== '') continue;
    pages.push(url);
    for (const [, raw] of (await response.text()).matchAll(LINK_ATTRIBUTE)) {
      const target = new URL(raw!.replaceAll('&amp;', '&'), url);
      target.hash = '';
      if (target.origin === origin && !statuses.has(target.href)) queue.push(target.href);
    }
  }
  return { statuses, pages };
}

/** Evaluated, not added as a <script>: the site's Content-Security-Policy blocks inline scripts. */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
export const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * axe-core's WCAG 2.2 AA violations on the page, one readable line per failing node. A chapter section the
 * reader has not scrolled near is not laid out (content-visibility: auto), so its elements have empty or
 * estimated boxes, and axe sees targets crowding each other and text on the wrong background. By default
 * axe looks at every section laid out, as a reader finds each one on reaching it; `asLoaded` looks at the
 * page as loaded, as Lighthouse's accessibility audit does. `contrastOnly` runs only the text-contrast rule:
 * for a page already checked whole in another colour scheme, the only thing a scheme changes.
 */
export async function axeViolations(page: Page, { asLoaded = false, contrastOnly = false } = {}): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(
    async ({ tags, asLoaded, contrastOnly }) => {
      const allRendered = document.createElement('style');
      allRendered.textContent = '.chapter-section { content-visibility: visible !important; }';
      if (!asLoaded) {
        document.head.append(allRendered);
        // A section laid out now resizes its contents: give the page's resize observers (a wide equation
        // takes a tab stop) the frame they would get as the reader scrolls to it.
        await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
      }
      try {
        return await (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<AxeResults> } }).axe.run(document, {
          runOnly: contrastOnly ? { type: 'rule', values: ['color-contrast'] } : { type: 'tag', values: tags },
        });
      } finally {
        allRendered.remove();
      }
    },
    { tags: WCAG_22_AA, asLoaded, contrastOnly },
  );
  return results.violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary ?? v.help}`));
}
