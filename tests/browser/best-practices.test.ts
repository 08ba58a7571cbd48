/**
 * Lighthouse's "best practices", checked without Lighthouse on every page with its islands hydrated
 * (the audit itself is `npm run audit`; running it here would add minutes to every CI run): a doctype
 * and an early charset, no issue of the kinds Lighthouse scores in Chromium's own issue reporter
 * (deprecated APIs, CSP, mixed content, cookies, … — its `deprecations` and `inspector-issues`), images shown
 * at their own aspect ratio. Console errors, CSP violations, foreign requests and axe have their own
 * tests (pages, csp, accessibility).
 */
import { describe, expect, it } from 'vitest';
import { useChromium } from './support/browser';
import { hydrateIslands, useCrawledPages } from './support/site';

/**
 * The issue kinds Lighthouse 12.2.3 scores (inspector-issues: mixed content, cookies, blocked by
 * response, heavy ads, CSP; deprecations). Chromium also reports advice that costs no points, e.g.
 * form fields without id or name (autofill), which is left out here.
 */
const LIGHTHOUSE_ISSUES = ['MixedContentIssue', 'CookieIssue', 'BlockedByResponseIssue', 'HeavyAdIssue', 'ContentSecurityPolicyIssue', 'DeprecationIssue'];

const browser = useChromium();
const pages = useCrawledPages();

describe('best practices', () => {
  it('every page: doctype, charset in its first 1024 bytes, no browser issue, images at their aspect ratio', async () => {
    for (const url of pages()) {
      const html = await (await fetch(url)).text();
      expect.soft(html.slice(0, 15).toLowerCase(), url).toBe('<!doctype html>');
      expect.soft(html.slice(0, 1024), url).toMatch(/<meta charset="utf-8"/i);

      const context = await browser().newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      const issues: string[] = [];
      cdp.on('Audits.issueAdded', ({ issue }) => {
        if (LIGHTHOUSE_ISSUES.includes(issue.code)) issues.push(`${issue.code}: ${JSON.stringify(issue.details).slice(0, 300)}`);
      });
      await cdp.send('Audits.enable');
      await page.goto(url);
      await hydrateIslands(page);
      const distorted = await page.locator('img').evaluateAll((images) =>
        (images as HTMLImageElement[])
          .filter((img) => img.naturalWidth > 0 && img.width > 0)
          .filter((img) => Math.abs(img.width / img.height - img.naturalWidth / img.naturalHeight) > 0.05 * (img.naturalWidth / img.naturalHeight))
          .map((img) => img.src),
      );
      expect.soft(issues, url).toEqual([]);
      expect.soft(distorted, url).toEqual([]);
      await context.close();
    }
  });
});
