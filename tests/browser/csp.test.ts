/**
 * The Content-Security-Policy (astro.config.mjs, emitted by Astro as a <meta> tag with the hashes of
 * its inline scripts) on every page: strict for scripts, nothing from other origins, and no violation
 * while the page does everything it can — islands hydrated, every live figure training in its worker
 * (on the wasm backend: the policy must not push the lab onto cpu), the search box queried.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useChromium } from './support/browser';
import { CRAWL_TIMEOUT_MS, foreignRequests, hydrateIslands, useCrawledPages, watchPage } from './support/site';
import { recordLabMessages } from './support/lab-messages';

const browser = useChromium();
const pages = useCrawledPages();

/** Collects `securitypolicyviolation` events from the first script on. */
async function recordViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const w = window as unknown as { cspViolations: string[] };
    w.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`),
    );
  });
  return () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}

const policyOf = (page: Page) => page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');

describe('Content-Security-Policy', () => {
  it('every page carries the policy: own origin only, no inline script without its hash, no eval', { timeout: CRAWL_TIMEOUT_MS }, async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    for (const url of pages()) {
      await page.goto(url);
      const policy = (await policyOf(page)) ?? '';
      const directives = Object.fromEntries(policy.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name!, values]));
      expect.soft(directives['default-src'], url).toEqual(["'self'"]);
      expect.soft(directives['object-src'], url).toEqual(["'none'"]);
      expect.soft(directives['base-uri'], url).toEqual(["'self'"]);
      expect.soft(directives['worker-src'], url).toEqual(["'self'"]);
      expect.soft(directives['connect-src'], url).toEqual(["'self'"]);
      const scripts = directives['script-src'] ?? [];
      expect.soft(scripts.filter((s) => !s.startsWith("'sha256-")), url).toEqual(["'self'", "'wasm-unsafe-eval'"]);
      // Astro's island loader and the no-flash theme script are inline, so each page lists their hashes.
      expect.soft(scripts.length, url).toBeGreaterThan(2);
      for (const values of Object.values(directives)) expect.soft(values.filter((v) => /^(https?:|\*|'unsafe-eval')/.test(v)), url).toEqual([]);
    }
    await context.close();
  });

  it('nothing is blocked and nothing leaves the origin while every widget runs and the search is used', { timeout: CRAWL_TIMEOUT_MS }, async () => {
    for (const url of pages()) {
      const context = await browser().newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      const watch = watchPage(page);
      const violations = await recordViolations(page);
      const labMessages = await recordLabMessages(page);
      await page.goto(url);
      await hydrateIslands(page);
      const plays = page.getByRole('button', { name: 'Play' });
      const live = await plays.count();
      for (let i = 0; i < live; i++) {
        await plays.nth(i).scrollIntoViewIfNeeded();
        await plays.nth(i).click();
      }
      // Every worker (a figure's arms may train in several) answers its start with the backend it got: wasm, under this policy.
      await expect
        .poll(async () => (await labMessages()).filter((m) => m.type === 'ready').map((m) => m.backend), { timeout: 30_000 })
        .toEqual(Array(Math.max(live, page.workers().filter((w) => w.url().includes('lab.worker')).length)).fill('wasm'));
      if (url === pages()[0]) {
        const search = page.getByRole('searchbox', { name: 'Search the course' });
        await search.fill('Lipschitz');
        await expect.poll(() => page.getByRole('list', { name: 'Search results' }).getByRole('link').count(), { timeout: 15_000 }).toBeGreaterThan(0);
      }
      expect.soft(await violations(), url).toEqual([]);
      expect.soft(watch.consoleErrors, url).toEqual([]);
      expect.soft(watch.failures, url).toEqual([]);
      expect.soft(foreignRequests(watch), url).toEqual([]);
      await context.close();
    }
  });
});
