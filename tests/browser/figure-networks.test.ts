/**
 * The network switch: the noise-injection, G vs G′ and landscape figures offer the convnet, at the experiment's
 * convnet presets, with its own precomputed run. A link naming model=convnet opens it (with its presets), the
 * Network choice swaps between the networks' traces, Play trains it in the worker (STEPS steps, under a step cap)
 * without a main-thread task over budget, and the copied link and the JSON export carry it; the Seeds switch,
 * whose bands are of the default network, is disabled with its reason. The
 * normalization-zoo figure draws the MLP and the deep linear network only: there the link is refused with a notice.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { useChromium } from './support/browser';
import { baseUrl, siteUrl, watchPage } from './support/site';
import { traceMainThread } from './support/long-tasks';
import { exportedJson, figureOf, LIVE_TIMEOUT_MS, waitForFigure } from './share-helpers';
import { fmtValue } from '../../src/charts/describe';
import type { Trace } from '../../src/traces/trace';

const browser = useChromium();
/** Steps a convnet run trains here: enough for the worker to draw a few batches, short enough for CI. */
const STEPS = 3;

/** Each figure, a chart of its and the metric that chart's summary ends on, and its default network. */
const FIGURES = [
  { slug: 'noise-injection', experiment: 'noisy-bn', chart: /^Training loss$/, metric: 'loss', other: 'mlp' },
  { slug: 'gradient-shift', experiment: 'ics-gradients', chart: /^cos\(G, G′\) at layer \d+$/, metric: 'icsCos', other: 'dln' },
  { slug: 'landscape-probe', experiment: 'landscape', chart: /^\(c\) Effective β/, metric: 'betaEff', other: 'mlp' },
] as const;

const traceOf = (name: string) => JSON.parse(readFileSync(`src/traces/${name}.json`, 'utf8')) as Trace;

/** "BatchNorm 0.158 (step 199)": the summary's words for the trace's last measured BatchNorm value. */
function lastBatchNorm(trace: Trace, metric: string): string {
  const { step, [metric]: values } = trace.arms.batchnorm!;
  const row = values!.findLastIndex((v) => v !== null);
  return `BatchNorm ${fmtValue(values![row]!)} (step ${step![row]})`;
}

const status = (figure: Locator) => figure.getByRole('status').first().textContent();

describe.each(FIGURES)('$slug', ({ slug, experiment, chart, metric, other }) => {
  it('opens, shows, trains, links and exports the convnet', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseUrl()).origin });
    const page = await context.newPage();
    const watch = watchPage(page);
    await page.goto(siteUrl(`embed/${slug}/?${slug}.model=convnet&${slug}.steps=${STEPS}`));
    const figure = figureOf(page, slug);
    await waitForFigure(figure, slug);
    const network = figure.getByRole('combobox', { name: 'Network' });
    const summary = figure.getByRole('figure', { name: chart }).locator('.summary');
    const cap = figure.getByRole('textbox', { name: 'Step cap, exact value' });
    // The link's step cap stands; the convnet's other presets (its learning rate, …) fill what it leaves out.
    expect(await cap.inputValue()).toBe(String(STEPS));
    expect(await network.inputValue()).toBe('convnet');
    expect(await figure.locator('.notice').count()).toBe(0);
    await expect.poll(() => summary.textContent()).toContain(lastBatchNorm(traceOf(`${experiment}-convnet`), metric));
    // The seed bands are of the default network: the switch is off for the convnet, and says why.
    expect(await figure.getByRole('button', { name: 'Seeds' }).isDisabled()).toBe(true);
    expect(await figure.locator('.seed-note').textContent()).toContain('default network only');

    // The choice swaps the networks' precomputed runs (the default network's, then the convnet's again).
    await network.selectOption(other);
    await expect.poll(() => summary.textContent()).toContain(lastBatchNorm(traceOf(experiment), metric));
    await network.selectOption('convnet');
    await expect.poll(() => summary.textContent()).toContain(lastBatchNorm(traceOf(`${experiment}-convnet`), metric));
    expect(await status(figure)).toMatch(/^Showing a precomputed run/);

    await cap.fill(String(STEPS));
    await cap.press('Enter');
    const stopTracing = await traceMainThread(page);
    await figure.getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(() => status(figure), { timeout: LIVE_TIMEOUT_MS }).toMatch(new RegExp(`^Finished at step ${STEPS}\\.`));
    expect((await stopTracing()).overBudget, 'main-thread tasks over 50 ms of CPU while the convnet trained').toEqual([]);

    const exported = await exportedJson(page, figure);
    expect(exported.config).toMatchObject({ model: 'convnet', steps: STEPS });
    await figure.getByRole('button', { name: 'Copy link' }).click();
    await expect.poll(() => figure.getByText(/^Link copied/).count()).toBe(1);
    const link = new URL(await page.evaluate(() => navigator.clipboard.readText()));
    expect(link.searchParams.get(`${slug}.model`)).toBe('convnet');

    await page.goto(link.href);
    await waitForFigure(figure, slug);
    expect(await network.inputValue()).toBe('convnet');
    await expect.poll(() => summary.textContent()).toContain(lastBatchNorm(traceOf(`${experiment}-convnet`), metric));
    expect(watch.consoleErrors).toEqual([]);
    await context.close();
  });
});

describe('a figure that does not draw the convnet (normalization-zoo)', () => {
  it('ignores model=convnet in a link with a notice', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const watch = watchPage(page);
    await page.goto(siteUrl('embed/normalization-zoo/?normalization-zoo.model=convnet'));
    const figure = figureOf(page, 'normalization-zoo');
    await waitForFigure(figure, 'normalization-zoo');
    await expect.poll(() => figure.locator('.notice').textContent()).toMatch(/model \(/);
    expect(await figure.locator('option[value="convnet"]').count()).toBe(0);
    expect(watch.consoleErrors).toEqual([]);
    await context.close();
  });
});
