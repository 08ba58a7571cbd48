/**
 * The run shelf on the noise-injection figure: pin the run shown (its label its settings by default,
 * editable), see it faintly under the live run in every panel over steps (lines, and each unit's
 * median in the distribution panels) with what differs from the live run, at most three pins; pins
 * travel in the copied link (a pin of the trace's settings draws at once from it) and in the CSV/JSON
 * exports; a malformed pin in a link is named in the figure's notice and left out; "Compare learning
 * rates" pins claim R1's lower rate, trains it, and sets the higher one live; a pin training on the
 * shelf pauses while the figure is out of view. The landscape figure draws a pin in its range panels
 * and its slice, the ℓp figure in its loss band and its units' distribution panels (as the median),
 * from the pin's numbers; the WGAN figure's map says pins are drawn in its line panels.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { useChromium } from './support/browser';
import { axeViolations, baseUrl, siteUrl, watchPage, type PageWatch } from './support/site';
import { recordLabMessages, type LabMessage } from './support/lab-messages';
import { downloadFrom, figureOf, LIVE_TIMEOUT_MS, openExports, waitForFigure } from './share-helpers';
import { CLAIM_PLANS } from '../../src/replication/plan';
import { describeRanges, rangeSeries } from '../../src/charts/range-chart';
import { LANDSCAPE_ARMS, LANDSCAPE_SCHEMA, probeEtas, type LandscapeConfig } from '../../src/lab/experiments/landscape-schema';
import { perEtaKey } from '../../src/lab/measure/landscape-keys';
import { LP_NORMS_ARMS, LP_NORMS_SCHEMA, lpProbeEtas, type LpNormsConfig } from '../../src/lab/experiments/lp-norms-schema';
import { bandSeries, trackedLayersIn } from '../../src/charts/series';
import { describeLines } from '../../src/charts/describe';
import { defaultsOf } from '../../src/lab/schema';
import { describeSlice, probedSteps, sliceAt } from '../../src/widgets/landscape/landscape-view';
import { traceColumns, type Trace } from '../../src/traces/trace';

const SLUG = 'noise-injection';
const PAGE = 'chapters/02-does-batchnorm-reduce-ics/';
const ARMS = 4;
/** Line panels: loss and accuracy, and the layer's mean and variance changes. */
const LINE_PANELS = 4;
/** Every line panel's lines of a pin, and its median in each arm's distribution panel. */
const PIN_LINES = ARMS * LINE_PANELS + ARMS;
const [slowRate, fastRate] = CLAIM_PLANS.find((c) => c.claim === 'R1')!.runs.map((r) => r.overrides.lr);

const browser = useChromium();

async function open(
  path: string,
  slug = SLUG,
  beforeLoad?: (page: Page) => Promise<unknown>,
): Promise<{ context: BrowserContext; page: Page; watch: PageWatch; figure: Locator }> {
  const context = await browser().newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseUrl()).origin });
  const page = await context.newPage();
  const watch = watchPage(page);
  await beforeLoad?.(page);
  await page.goto(siteUrl(path));
  const figure = figureOf(page, slug);
  await waitForFigure(figure, slug);
  return { context, page, watch, figure };
}

const pinButton = (figure: Locator) => figure.getByRole('button', { name: /^Pin run/ });
const shelfItems = (figure: Locator) => figure.locator('.run-shelf li');
/** One pin's faint lines under `within` (the whole figure by default), once every chart of the figure has drawn. */
async function pinnedLines(page: Page, figure: Locator, letter: string, within: Locator = figure): Promise<number> {
  for (const chart of await figure.locator('svg[role="img"]').all()) await chart.scrollIntoViewIfNeeded();
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  return within.locator(`g.pinned[data-pin="${letter}"] path.pinned-line`).count();
}
const setExact = async (figure: Locator, name: string, value: string) => {
  const box = figure.getByRole('textbox', { name });
  await box.fill(value);
  await box.press('Enter');
  await expect.poll(() => box.inputValue()).toBe(value);
};

describe('run shelf', () => {
  it('pins the run shown, labels it by its settings, draws it under the live run in every panel over steps, and links and exports it', async () => {
    const { context, page, watch, figure } = await open(PAGE);
    expect(await shelfItems(figure).count()).toBe(0);
    await pinButton(figure).click();
    await expect.poll(() => shelfItems(figure).count()).toBe(1);
    const label = figure.getByRole('textbox', { name: 'Label of pinned run A' });
    expect(await label.inputValue()).toBe('default settings');
    await expect.poll(() => pinnedLines(page, figure, 'A')).toBe(PIN_LINES);

    // A changed setting: the pin stays, and says what differs from the live run.
    await setExact(figure, 'Learning rate, exact value', '0.2');
    await label.fill('the default run');
    await label.press('Enter');
    expect(await shelfItems(figure).first().textContent()).toContain(`lr ${fastRate} (live: lr 0.2)`);
    expect(await pinnedLines(page, figure, 'A')).toBe(PIN_LINES);

    // Exports carry the pin: a run column, and its label, seed and settings.
    await openExports(figure);
    const json = JSON.parse((await downloadFrom(page, figure.getByRole('button', { name: 'JSON' }))).bytes.toString('utf8'));
    expect(json.pinned).toEqual([expect.objectContaining({ run: 'A', label: 'the default run', seed: 1 })]);
    expect(json.columns[0]).toBe('run');
    expect(new Set(json.rows.map((row: unknown[]) => row[0]))).toEqual(new Set(['A']));
    const csv = (await downloadFrom(page, figure.getByRole('button', { name: 'CSV' }))).bytes.toString('utf8').split('\n');
    expect(csv[3]).toMatch(/^# pinned A: the default run; seed: 1; config: /);

    // The link holds the pin; opened, it draws the pin at once (its settings are the trace's).
    await figure.getByRole('button', { name: 'Copy link' }).click();
    const link = new URL(await page.evaluate(() => navigator.clipboard.readText()));
    expect(link.searchParams.getAll(`${SLUG}.pin`)).toEqual([`seed:1,label:${encodeURIComponent('the default run')}`]);
    const linked = await open(`${link.pathname.replace(new URL(baseUrl()).pathname, '')}${link.search}`);
    await expect.poll(() => shelfItems(linked.figure).count()).toBe(1);
    expect(await linked.figure.getByRole('textbox', { name: 'Label of pinned run A' }).inputValue()).toBe('the default run');
    await expect.poll(() => pinnedLines(linked.page, linked.figure, 'A')).toBe(PIN_LINES);
    expect(linked.watch.consoleErrors).toEqual([]);
    await linked.context.close();

    expect(await axeViolations(page)).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.failures).toEqual([]);
    await context.close();
  });

  it('keeps at most three pins, and removes one', async () => {
    const { context, figure } = await open(PAGE);
    for (let i = 0; i < 3; i++) await pinButton(figure).click();
    await expect.poll(() => shelfItems(figure).count()).toBe(3);
    expect(await pinButton(figure).isDisabled()).toBe(true);
    await figure.getByRole('button', { name: 'Remove pinned run B' }).click();
    await expect.poll(() => shelfItems(figure).count()).toBe(2);
    expect(await pinButton(figure).isDisabled()).toBe(false);
    await context.close();
  });

  it('names a malformed pin of a link in the figure’s notice and keeps the good one, to train on request', async () => {
    const { context, page, watch, figure } = await open(`${PAGE}?${SLUG}.pin=lr:banana&${SLUG}.pin=lr:${slowRate},steps:3`);
    await expect.poll(() => figure.locator('.notice').textContent()).toContain('pin (pinned run left out: lr:');
    await expect.poll(() => shelfItems(figure).count()).toBe(1);
    expect(await figure.getByRole('textbox', { name: 'Label of pinned run A' }).inputValue()).toBe(`lr ${slowRate}`);
    // Not the trace's settings: nothing to draw until it trains.
    expect(await pinnedLines(page, figure, 'A')).toBe(0);
    await figure.getByRole('button', { name: 'Train A' }).click();
    await expect.poll(() => pinnedLines(page, figure, 'A'), { timeout: LIVE_TIMEOUT_MS }).toBe(PIN_LINES);
    await expect.poll(() => figure.getByRole('button', { name: 'Train A' }).count()).toBe(0);
    expect(watch.consoleErrors).toEqual([]);
    await context.close();
  });

  it('compares learning rates as the paper’s Figure 1: the lower rate pinned and trained, the higher one live', async () => {
    const { context, page, figure } = await open(PAGE);
    await setExact(figure, 'Step cap, exact value', '3');
    await figure.getByRole('button', { name: 'Compare learning rates' }).click();
    await expect.poll(() => shelfItems(figure).count()).toBe(1);
    expect(await figure.getByRole('textbox', { name: 'Label of pinned run A' }).inputValue()).toBe(`lr ${slowRate}`);
    expect(await figure.getByRole('textbox', { name: 'Learning rate, exact value' }).inputValue()).toBe(String(fastRate));
    await expect.poll(() => pinnedLines(page, figure, 'A'), { timeout: LIVE_TIMEOUT_MS }).toBe(PIN_LINES);
    expect(await shelfItems(figure).first().textContent()).toContain(`lr ${slowRate} (live: lr ${fastRate})`);
    await context.close();
  });

  it('pauses a pin training on the shelf while the figure is out of view, with no step taken, and resumes it', async () => {
    let messages!: () => Promise<LabMessage[]>;
    const { context, page, watch, figure } = await open(`${PAGE}?${SLUG}.pin=lr:${slowRate},steps:2000`, SLUG, async (p) => (messages = await recordLabMessages(p)));
    const states = async (kind: string, from = 0) => (await messages()).slice(from).filter((m) => m.type === 'state' && m.state === kind);
    await figure.getByRole('button', { name: 'Train A' }).click();
    const training = figure.locator('.run-shelf [role="status"]');
    const stepShown = async () => Number(/step (\d+) of/.exec((await training.textContent()) ?? '')?.[1] ?? -1);
    await expect.poll(stepShown, { timeout: LIVE_TIMEOUT_MS }).toBeGreaterThanOrEqual(2);
    // The live run shows its trace: every worker that runs is the pin's (one or more, split by arm).
    const workers = [...new Set((await states('running')).map((m) => m.worker))];
    expect(workers.length).toBeGreaterThan(0);

    const scrolledAway = (await messages()).length;
    await page.evaluate(() => scrollTo(0, 0));
    await expect.poll(async () => new Set((await states('paused', scrolledAway)).map((m) => m.worker)).size).toBe(workers.length);
    const pausedAt = Math.max(...(await states('paused', scrolledAway)).map((m) => m.step!));
    const before = (await messages()).length;
    await figure.scrollIntoViewIfNeeded();
    await expect.poll(async () => new Set((await states('running', before)).map((m) => m.worker)).size).toBe(workers.length);
    // Each time a worker resumes it is at the very step it paused at: none trained out of view. (Every pause is
    // checked, not only the scroll's: the figure can leave and re-enter the view as the page lays out around it.)
    expect(resumesAwayFromPause(await messages())).toEqual([]);
    await expect.poll(stepShown).toBeGreaterThan(pausedAt);
    expect(watch.consoleErrors).toEqual([]);
    await context.close();
  });
});

/** Each resume ('running' after a 'paused') whose step is not the step its worker paused at. */
function resumesAwayFromPause(messages: LabMessage[]): string[] {
  const pausedAt = new Map<number, number>();
  const away: string[] = [];
  for (const m of messages.filter((m) => m.type === 'state')) {
    if (m.state === 'paused') pausedAt.set(m.worker, m.step!);
    else if (m.state === 'running' && pausedAt.has(m.worker)) {
      if (m.step !== pausedAt.get(m.worker)) away.push(`worker ${m.worker} paused at step ${pausedAt.get(m.worker)}, resumed at ${m.step}`);
      pausedAt.delete(m.worker);
    }
  }
  return away;
}

describe('pins in panels that are not line charts', () => {
  it('draws a pin in the landscape figure’s range panels (both edges) and its slice, lettered, from the pin’s numbers', async () => {
    const { context, page, watch, figure } = await open('chapters/05-the-landscape/', 'landscape-probe');
    const trace = JSON.parse(readFileSync('src/traces/landscape.json', 'utf8')) as Trace;
    const columns = traceColumns(trace);
    const etas = probeEtas(defaultsOf<LandscapeConfig>(LANDSCAPE_SCHEMA));
    const chart = (name: RegExp) => figure.getByRole('figure', { name });
    const letters = (panel: Locator) => panel.locator(`g.pinned[data-pin="A"] text.pinned-letter`).allTextContents();
    await pinButton(figure).click();

    // The slice at the latest probe: the pin's slice at the same step, one line per arm.
    const step = probedSteps(columns).at(-1)!;
    const slice = chart(new RegExp(`^Loss along the gradient at step ${step}$`));
    await expect.poll(() => pinnedLines(page, figure, 'A', slice)).toBe(LANDSCAPE_ARMS.length);
    expect(await letters(slice)).toEqual(LANDSCAPE_ARMS.map(() => 'A'));
    expect(await slice.locator('.summary').textContent()).toContain(`Faint, ${describeSlice('pinned run A', sliceAt(columns, LANDSCAPE_ARMS, step, etas))}`);

    // A narrower probe range live, one step: the slice at step 0 reaches out to the pin's largest η.
    await setExact(figure, 'Largest probe step, exact value', '1');
    await figure.getByRole('button', { name: 'Step', exact: true }).click();
    const first = chart(/^Loss along the gradient at step 0$/);
    await expect.poll(() => pinnedLines(page, figure, 'A', first)).toBe(LANDSCAPE_ARMS.length);
    const plotRight = Number(await first.locator('clipPath rect').getAttribute('x')) + Number(await first.locator('clipPath rect').getAttribute('width'));
    for (const x of await first.locator('text.pinned-letter').evaluateAll((texts) => texts.map((t) => Number(t.getAttribute('x'))))) {
      expect(x).toBeLessThanOrEqual(plotRight);
    }
    expect(await first.locator('.summary').textContent()).toContain(`Faint, ${describeSlice('pinned run A', sliceAt(columns, LANDSCAPE_ARMS, 0, etas))}`);

    // Another learning rate: the live run starts over, the pin's bands stay, two edges per arm.
    await setExact(figure, 'Learning rate, exact value', '0.2');
    for (const [name, metric] of [
      [/^\(a\) Loss along the gradient/, 'loss'],
      [/^\(b\) Gradient change/, 'gradChange'],
    ] as const) {
      const panel = chart(name);
      await expect.poll(() => pinnedLines(page, figure, 'A', panel)).toBe(2 * LANDSCAPE_ARMS.length);
      expect(await letters(panel)).toEqual(LANDSCAPE_ARMS.map(() => 'A'));
      const bands = rangeSeries(columns, LANDSCAPE_ARMS, etas.map((_, k) => perEtaKey(metric, k)));
      expect(await panel.locator('.summary').textContent()).toContain(`Faint, ${describeRanges('pinned run A', bands)}`);
    }
    expect(await axeViolations(page)).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    await context.close();
  });

  it('draws a pin in the ℓp figure’s loss-band panel and, as its median, in each unit’s distribution panel', async () => {
    const { context, page, watch, figure } = await open('chapters/07-is-batchnorm-the-only-way/', 'normalization-zoo');
    const trace = JSON.parse(readFileSync('src/traces/lp-norms.json', 'utf8')) as Trace;
    const columns = traceColumns(trace);
    const defaults = defaultsOf<LpNormsConfig>(LP_NORMS_SCHEMA);
    await pinButton(figure).click();
    // Another learning rate: the live run starts over, so what is drawn is the pin's.
    await setExact(figure, 'Learning rate, exact value', String(defaults.lr / 2));
    const band = figure.getByRole('figure', { name: /^Loss along the gradient, range over η/ });
    await expect.poll(() => pinnedLines(page, figure, 'A', band)).toBe(2 * LP_NORMS_ARMS.length);
    const ranges = rangeSeries(columns, LP_NORMS_ARMS, lpProbeEtas(defaults).map((_, k) => perEtaKey('loss', k)));
    expect(await band.locator('.summary').textContent()).toContain(`Faint, ${describeRanges('pinned run A', ranges)}`);

    const layer = trackedLayersIn(columns)[0]!;
    const unit = figure.getByRole('figure', { name: `BatchNorm, layer ${layer}` });
    await expect.poll(() => pinnedLines(page, figure, 'A', unit)).toBe(1);
    expect(await unit.locator('text.pinned-letter').allTextContents()).toEqual(['A']);
    const { x, q } = bandSeries(columns, 'batchnorm', layer);
    expect(await unit.locator('.summary').textContent()).toContain(`Faint, ${describeLines('pinned run A, median', [{ id: 'batchnorm', x, y: q.q50 }])}`);
    expect(await axeViolations(page)).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    await context.close();
  });

  it('says on the WGAN critic’s map that pins are drawn in the line panels, and draws none on it', async () => {
    const { context, page, watch, figure } = await open('chapters/08-lipschitzness-elsewhere/', 'wasserstein-critic');
    const note = figure.locator('.critic-field .pin-note');
    expect(await note.count()).toBe(0);
    await pinButton(figure).click();
    await expect.poll(() => note.textContent()).toBe('Pinned runs are drawn in the line panels, not on this map: it shows the live run’s critic only.');
    // Three arms in each of the three line panels; none on the map.
    await expect.poll(() => pinnedLines(page, figure, 'A')).toBe(3 * 3);
    expect(await figure.locator('.critic-field .pinned').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    await context.close();
  });
});
