/**
 * /replication/ under the base path: a captioned table with one row per claim (R1–R7), each with its
 * verdict as the report module decides it and a working link to its chapter; readable at 360 px with
 * the table scrolling inside a labelled region; axe clean; nothing fetched from elsewhere.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useChromium } from './support/browser';
import { axeViolations, baseUrl, itStayedClean, siteUrl, useWatchedPage, type PageWatch } from './support/site';
import { CLAIMS } from '../../src/replication/claims';
import { evaluateCheck, verdictOf } from '../../src/replication/report';

const VERDICT_TEXT = { reproduced: 'Reproduced', partly: 'Partly reproduced', 'not reproduced': 'Not reproduced' } as const;
const PHONE_WIDTH = 360;
/** A current phone's width, where the verdict cards must be read whole. */
const CARD_PHONE_WIDTH = 390;

let page: Page;
let watch: PageWatch;
useWatchedPage('replication/', (opened) => ({ page, watch } = opened));
const browser = useChromium();

describe('the replication report', () => {
  it('is served under the base path with its title and a captioned claims table', async () => {
    expect(new URL(page.url()).pathname).toBe(`${new URL(baseUrl()).pathname}replication/`);
    await expect.poll(() => page.title()).toMatch(/^Replication report/);
    const table = page.getByRole('table', { name: /claims R1–R7 at browser scale/ });
    await expect.poll(() => table.count()).toBe(1);
    expect(await table.locator('thead th[scope="col"]').allTextContents()).toEqual([
      'Claim',
      'Browser-scale set-up',
      'Measured: mean (range over seeds)',
      'Checks (seeds they hold on)',
      'Verdict',
    ]);
  });

  it.each(CLAIMS.map((c) => [c.id, c] as const))('has a row for %s with its verdict and a link to its chapter', async (id, claim) => {
    const row = page.locator(`tbody tr#${id.toLowerCase()}`);
    expect(await row.locator('th[scope="row"] .claim-id').textContent()).toBe(id);
    const verdict = verdictOf(claim.checks.map((c) => evaluateCheck(claim.file, c)));
    expect((await row.locator('td.verdict').textContent())?.trim()).toBe(VERDICT_TEXT[verdict]);
    expect(await row.locator('.checks li').count()).toBe(claim.checks.length);
    const link = row.locator('th a');
    if ((await link.count()) === 0) {
      // Only a chapter not yet in the build may go unlinked.
      expect(await row.locator('th').textContent()).toContain('not published yet');
      return;
    }
    const href = (await link.getAttribute('href'))!;
    expect(href).toBe(`${new URL(baseUrl()).pathname}chapters/${claim.chapterId}/`);
    expect((await fetch(new URL(href, page.url()))).status).toBe(200);
  });

  it('leads with one card per claim, in order, verdict first, before the full table, in plain words', async () => {
    const cards = page.locator('[data-claim-card]');
    expect(await cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-claim-card')))).toEqual(CLAIMS.map((c) => c.id));
    for (const claim of CLAIMS) {
      const card = page.locator(`[data-claim-card="${claim.id}"]`);
      const verdict = verdictOf(claim.checks.map((c) => evaluateCheck(claim.file, c)));
      // The verdict is the card's first text.
      expect((await card.textContent())!.trim().startsWith(VERDICT_TEXT[verdict])).toBe(true);
      expect(await card.getByRole('heading', { level: 2 }).textContent()).toBe(claim.statement);
      expect(await card.getByRole('img').count()).toBe(1);
    }
    const cardsFirst = await page.evaluate(() => {
      const cards = document.querySelector('.cards')!;
      const table = document.querySelector('table.claims')!;
      return (cards.compareDocumentPosition(table) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
    });
    expect(cardsFirst).toBe(true);
    const lead = `${await page.locator('main > header').textContent()} ${await page.locator('.cards').textContent()}`;
    expect(lead).not.toMatch(/config hash|configHash|fingerprint|backend/i);
  });

  it(`shows every card whole on a ${CARD_PHONE_WIDTH} px phone, with nothing scrolling sideways`, async () => {
    const context = await browser().newContext({ viewport: { width: CARD_PHONE_WIDTH, height: 844 }, isMobile: true });
    const phone = await context.newPage();
    await phone.goto(siteUrl('replication/'));
    expect(await phone.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(CARD_PHONE_WIDTH);
    const overflow = await phone.locator('[data-claim-card]').evaluateAll((cards) =>
      cards.map((c) => {
        const box = c.getBoundingClientRect();
        const verdict = c.querySelector('.card-verdict')!.getBoundingClientRect();
        return box.left < 0 || box.right > window.innerWidth || verdict.right > box.right || c.scrollWidth > c.clientWidth;
      }),
    );
    expect(overflow.every((o) => !o)).toBe(true);
    await context.close();
  });

  it('has no WCAG 2.2 AA violation', async () => {
    expect(await axeViolations(page)).toEqual([]);
  });

  it('fits a 360 px phone: the page does not widen, the table scrolls inside a labelled, focusable region', async () => {
    const context = await browser().newContext({ viewport: { width: PHONE_WIDTH, height: 740 }, isMobile: true });
    const phone = await context.newPage();
    await phone.goto(siteUrl('replication/'));
    expect(await phone.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(PHONE_WIDTH);
    const region = phone.getByRole('region', { name: /claims R1–R7/ });
    expect(await region.getAttribute('tabindex')).toBe('0');
    expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    expect(await axeViolations(phone)).toEqual([]);
    await context.close();
  });

  itStayedClean(() => watch);
});
