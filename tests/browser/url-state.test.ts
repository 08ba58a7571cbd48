/**
 * Widget state in the URL, for every widget on its chapter page: a reader changes controls, copies the
 * link, opens it, and gets the same settings, seed and first numbers (a live figure after one Step);
 * the clipboard's refusal falls back to a selected text field; malformed links fall back to the
 * defaults with a notice naming what was ignored (ten per widget here, applied through
 * popstate without reloads; the 200-per-widget sweep is the unit test's).
 *
 * The widgets' cases run two at a time (the browser project's maxConcurrency), each in its own browser
 * context. The clipboard is the browser's, shared by every context, so here "Copy link" writes to a
 * recording stand-in for it (the figure-network and run-shelf tests read a link back from the real one).
 */
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { useChromium } from './support/browser';
import { foreignRequests, siteUrl, watchPage } from './support/site';
import { exportedJson, figureOf, recordProgress, stepOnce, waitForFigure, WIDGET_CASES } from './share-helpers';
import { malformedParams, rng } from '../unit/widgets/share-fields';

const browser = useChromium();
/** In the page, where each link costs a popstate and a redraw; the 200-per-widget sweep is the unit test's (30 here took a minute of the suite). */
const SWEEP = 10;

/** A context whose pages' clipboard records what is written to it (`copiedLink` reads it back). */
async function recordingClipboardContext(): Promise<BrowserContext> {
  const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: (text: string) => Promise.resolve(void ((window as { copied?: string }).copied = text)) },
    });
  });
  return context;
}

const copiedLink = (page: Page) => page.evaluate(() => (window as { copied?: string }).copied ?? '');

describe.concurrent.each(WIDGET_CASES)('$slug', ({ slug, live, chapterPath, change, linkHas }) => {
  // A concurrent test asserts through its own `expect`, so a failure is reported against its widget.
  it('a copied link reproduces the settings, the seed and the first numbers; using it counts as progress', async ({ expect }) => {
    const context = await recordingClipboardContext();
    const page = await context.newPage();
    const watch = watchPage(page);
    const progress = await recordProgress(page);
    await page.goto(siteUrl(chapterPath));
    const figure = figureOf(page, slug);
    await waitForFigure(figure, slug);
    await change(figure, page);

    await figure.getByRole('button', { name: 'Copy link' }).click();
    await expect.poll(() => figure.getByText(/^Link copied/).count()).toBe(1);
    const link = new URL(await copiedLink(page));
    expect(link.pathname).toBe(new URL(siteUrl(chapterPath)).pathname);
    expect(link.hash).toBe(`#widget-${slug}`);
    for (const [key, value] of Object.entries(linkHas)) expect(link.searchParams.get(`${slug}.${key}`)).toBe(value);

    if (live) await stepOnce(figure);
    const first = await exportedJson(page, figure);
    expect(first.rows.length).toBeGreaterThan(0);
    expect(await progress()).toContainEqual({ kind: 'widget-run', id: slug });

    const reopened = await context.newPage();
    const watchReopened = watchPage(reopened);
    await reopened.goto(link.href);
    const again = figureOf(reopened, slug);
    await waitForFigure(again, slug);
    expect(await again.locator('.notice').count()).toBe(0);
    if (live) await stepOnce(again);
    // The largest ratios the Lipschitz figure found so far are its history, not its state: a link restarts them.
    const reproducible = (data: typeof first) => JSON.stringify({ ...data, rows: data.rows.filter((row) => !String(row[0]).startsWith('largest')) });
    await expect.poll(async () => reproducible(await exportedJson(reopened, again)), { timeout: 20_000 }).toBe(reproducible(first));

    for (const w of [watch, watchReopened]) {
      expect(w.consoleErrors).toEqual([]);
      expect(w.failures).toEqual([]);
      expect(foreignRequests(w)).toEqual([]);
    }
    await context.close();
  });

  it(`${SWEEP} malformed links: the notice names every ignored key, the figure keeps its defaults, nothing throws`, async ({ expect }) => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const watch = watchPage(page);
    await page.goto(siteUrl(chapterPath));
    const figure = figureOf(page, slug);
    await waitForFigure(figure, slug);
    const defaults = await exportedJson(page, figure);
    const r = rng(slug.length * 31);
    for (let i = 0; i < SWEEP; i++) {
      const { params, bad } = malformedParams(slug, r);
      await page.evaluate((query) => {
        history.replaceState(null, '', `?${query}`);
        window.dispatchEvent(new PopStateEvent('popstate'));
      }, params.toString());
      const notice = figure.locator('.notice');
      await expect.poll(() => notice.textContent()).toMatch(/keeps its defaults there/);
      const text = (await notice.textContent())!;
      for (const key of bad) expect(text).toContain(`${key} (`);
    }
    // Every key fell back, so the figure holds its defaults (a live figure shows its precomputed run again).
    const after = await exportedJson(page, figure);
    expect({ seed: after.seed, config: after.config }).toEqual({ seed: defaults.seed, config: defaults.config });
    // A clean link clears the notice.
    await page.evaluate(() => {
      history.replaceState(null, '', '?');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    await expect.poll(() => figure.locator('.notice').count()).toBe(0);
    expect(watch.consoleErrors).toEqual([]);
    await context.close();
  });
});

describe('in-page navigation', () => {
  it('following a link within the page (popstate, same query) leaves a run alone', async () => {
    const page = await (await browser().newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto(siteUrl('chapters/05-the-landscape/?landscape-probe.seed=4'));
    const figure = figureOf(page, 'landscape-probe');
    await waitForFigure(figure, 'landscape-probe');
    await stepOnce(figure);
    await page.evaluate(() => (location.hash = '#main'));
    await page.evaluate(() => history.back());
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('');
    expect(await figure.getByRole('status').first().textContent()).toMatch(/^Paused at step 1\./);
    expect(await figure.getByRole('textbox', { name: 'Seed' }).inputValue()).toBe('4');
    await page.context().close();
  });
});

describe('settings that clash', () => {
  it('a linked layer the linked network does not have becomes its last layer, with a notice', async () => {
    const page = await (await browser().newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    const watch = watchPage(page);
    await page.goto(siteUrl('embed/gradient-shift/?gradient-shift.model=mlp&gradient-shift.hiddenLayers=3&gradient-shift.icsLayer=9'));
    const figure = figureOf(page, 'gradient-shift');
    await waitForFigure(figure, 'gradient-shift');
    expect(await figure.locator('.notice').textContent()).toContain('icsLayer (this network has 4 layers, so layer 4 is measured)');
    expect((await exportedJson(page, figure)).config).toMatchObject({ model: 'mlp', hiddenLayers: 3, icsLayer: 4 });
    expect(watch.consoleErrors).toEqual([]);
    await page.context().close();
  });
});

describe('when the clipboard is refused', () => {
  it('shows the link selected in a labelled text field instead', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(() => {
      Object.defineProperty(navigator, 'clipboard', {
        value: { writeText: () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')) },
      });
    });
    const page = await context.newPage();
    const { slug, chapterPath } = WIDGET_CASES.find((c) => c.slug === 'theorem-check')!;
    await page.goto(siteUrl(chapterPath));
    const figure = figureOf(page, slug);
    await waitForFigure(figure, slug);
    await figure.getByRole('button', { name: 'Copy link' }).click();
    const field = figure.getByRole('textbox', { name: /copy this link yourself/ });
    await field.waitFor();
    const link = new URL(await field.inputValue());
    expect(link.searchParams.get(`${slug}.seed`)).toBe('1');
    expect(await field.evaluate((el) => [el === document.activeElement, (el as HTMLInputElement).selectionEnd])).toEqual([true, link.href.length]);
    await context.close();
  });
});
