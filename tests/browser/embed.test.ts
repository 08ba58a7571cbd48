/**
 * The embed pages: every widget alone (no site header or sidebar, a small heading, a link back to its
 * chapter), axe-clean, taking the same URL state as its chapter page and hiding the controls `?hide=`
 * names (only on embed pages), with a notice for a name it does not know.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useChromium } from './support/browser';
import { axeViolations, siteUrl, watchPage } from './support/site';
import { figureOf, waitForFigure } from './share-helpers';
import { WIDGETS } from '../../src/widgets/catalog';

const browser = useChromium();

async function open(path: string): Promise<{ page: Page; errors: () => string[] }> {
  const page = await (await browser().newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  const watch = watchPage(page);
  await page.goto(siteUrl(path));
  return { page, errors: () => [...watch.consoleErrors, ...watch.failures] };
}

// Two embeds at a time (the browser project's maxConcurrency), each asserting through its own `expect`.
describe.concurrent.each(WIDGETS)('embed/$slug/', ({ slug, title, chapter }) => {
  it('renders the widget alone with a heading and a link back to its chapter, axe-clean', async ({ expect }) => {
    const { page, errors } = await open(`embed/${slug}/`);
    expect(await page.locator('.site-header, .sidebar, nav').count()).toBe(0);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(title);
    expect(await page.locator('[data-widget]').count()).toBe(1);
    await waitForFigure(figureOf(page, slug), slug);
    const back = page.getByRole('link', { name: /^chapter \d/ });
    expect(new URL((await back.getAttribute('href'))!, page.url()).href).toBe(siteUrl(`chapters/${chapter}/`));
    expect(await back.getAttribute('target')).toBe('_top');
    expect(await axeViolations(page)).toEqual([]);
    expect(errors()).toEqual([]);
    await page.context().close();
  });
});

describe('URL state and hidden controls on an embed page', () => {
  it('a live figure takes its settings and seed from the URL and hides the controls named', async () => {
    const { page, errors } = await open('embed/noise-injection/?noise-injection.lr=0.2&noise-injection.seed=9&hide=lr,seed');
    const figure = figureOf(page, 'noise-injection');
    await waitForFigure(figure, 'noise-injection');
    expect(await figure.getByRole('slider', { name: 'Learning rate' }).count()).toBe(0);
    expect(await figure.getByRole('textbox', { name: 'Seed' }).count()).toBe(0);
    expect(await figure.getByRole('button', { name: 'New seed' }).count()).toBe(0);
    // The other controls stay, and the hidden ones still hold the link's values (the export says so).
    expect(await figure.getByRole('slider', { name: 'Hidden layers' }).count()).toBe(1);
    expect(await figure.getByRole('button', { name: 'Play' }).count()).toBe(1);
    expect(await figure.locator('.notice').count()).toBe(0);
    await figure.getByText('Export data and charts').click();
    const [download] = await Promise.all([page.waitForEvent('download'), figure.getByRole('button', { name: 'JSON' }).click()]);
    expect(download.suggestedFilename()).toBe('noise-injection-seed9.json');
    expect(errors()).toEqual([]);
    await page.context().close();
  });

  it('a figure that computes on the page hides its own controls and the share bar; an unknown name gets a notice', async () => {
    const { page, errors } = await open('embed/batchnorm-explorer/?hide=mode,shift,share,volume');
    const figure = figureOf(page, 'batchnorm-explorer');
    await figure.getByRole('slider', { name: 'Scale γ' }).waitFor();
    expect(await figure.getByRole('radio').count()).toBe(0);
    expect(await figure.getByRole('slider', { name: 'Input shift (population mean)' }).count()).toBe(0);
    expect(await figure.getByRole('button', { name: 'Copy link' }).count()).toBe(0);
    expect(await figure.locator('.notice').textContent()).toContain('hide=volume (no control “volume” to hide');
    expect(await axeViolations(page)).toEqual([]);
    expect(errors()).toEqual([]);
    await page.context().close();
  });

  it('a chapter page does not honour ?hide= (it is for embeds)', async () => {
    const { page } = await open('chapters/01-batch-normalization/?hide=mode');
    const figure = figureOf(page, 'batchnorm-explorer');
    await waitForFigure(figure, 'batchnorm-explorer');
    expect(await figure.getByRole('radio').count()).toBe(2);
    await page.context().close();
  });
});
