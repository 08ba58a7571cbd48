/**
 * Lighthouse's "best practices", checked without Lighthouse on every page with its islands hydrated
 * (the audit itself is `npm run audit`; running it here would add minutes to every CI run): a doctype
 * and an early charset, no issue of the kinds Lighthouse scores in Chromium's own issue reporter
 * (deprecated APIs, CSP, mixed content, cookies, … — its `deprecations` and `inspector-issues`), images shown
 * at their own aspect ratio; and every form field named (an id or a name, ids unique), which Chromium's
 * issue reporter asks for though Lighthouse scores no points on it. Console errors, CSP violations,
 * foreign requests and axe have their own tests (pages, csp, accessibility).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useChromium } from './support/browser';
import { CRAWL_TIMEOUT_MS, hydrateIslands, useCrawledPages } from './support/site';

/**
 * The issue kinds Lighthouse 12.2.3 scores (inspector-issues: mixed content, cookies, blocked by
 * response, heavy ads, CSP; deprecations). Chromium also reports advice that costs no points; of it,
 * the two form-field issues (a field without id or name, which autofill needs; a duplicate id) are
 * checked too.
 */
const LIGHTHOUSE_ISSUES = ['MixedContentIssue', 'CookieIssue', 'BlockedByResponseIssue', 'HeavyAdIssue', 'ContentSecurityPolicyIssue', 'DeprecationIssue'];
const FORM_ISSUES = ['FormEmptyIdAndNameAttributesForInputError', 'FormDuplicateIdForInputError'];

/** The page's form fields that have neither id nor name, and the ids of fields that are not unique on the page. */
const unnamedFields = (page: Page) =>
  page.locator('input, select, textarea').evaluateAll((fields) => ({
    unnamed: fields.filter((f) => !f.id && !f.getAttribute('name')).map((f) => f.outerHTML.slice(0, 120)),
    duplicateIds: fields.filter((f) => f.id && document.querySelectorAll(`#${CSS.escape(f.id)}`).length > 1).map((f) => f.id),
  }));

const browser = useChromium();
const pages = useCrawledPages();

describe('best practices', () => {
  it('every page: doctype, charset in its first 1024 bytes, no browser issue, images at their aspect ratio, form fields named', async () => {
    for (const url of pages()) {
      const html = await (await fetch(url)).text();
      expect.soft(html.slice(0, 15).toLowerCase(), url).toBe('<!doctype html>');
      expect.soft(html.slice(0, 1024), url).toMatch(/<meta charset="utf-8"/i);

      const context = await browser().newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      const issues: string[] = [];
      cdp.on('Audits.issueAdded', ({ issue }) => {
        const formIssue = issue.details.genericIssueDetails?.errorType;
        if (LIGHTHOUSE_ISSUES.includes(issue.code) || (formIssue && FORM_ISSUES.includes(formIssue))) {
          issues.push(`${issue.code}: ${JSON.stringify(issue.details).slice(0, 300)}`);
        }
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
      // Every island is hydrated and in view by now, so the widgets' own controls are counted too.
      expect.soft(await unnamedFields(page), url).toEqual({ unnamed: [], duplicateIds: [] });
      await context.close();
    }
  }, CRAWL_TIMEOUT_MS);
});
