/**
 * The "Seeds" switch of a live figure (noise injection): off at first; on, the headline chart draws each
 * shown arm's range over the committed seeds behind the run, its median equal to the committed band file's,
 * readable without hovering (focus and End); the note counts the seeds the chapter's claim holds on, as the
 * replication page's check counts them; a changed setting takes the band away with a note saying why; the
 * live run draws on top; and the figure stays axe-clean with the band shown.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { axeViolations, itStayedClean, type PageWatch } from './support/site';
import { useLiveFigure, type LiveFigure } from './support/live-widget';
import { fmtValue } from '../../src/charts/describe';
import { armStyle } from '../../src/charts/arm-styles';
import { bandPlanOf, seedBands, type BandFile } from '../../src/traces/band';
import { CLAIMS } from '../../src/replication/claims';
import { evaluateCheck } from '../../src/replication/report';

const band = JSON.parse(readFileSync('src/traces/bands/noisy-bn.json', 'utf8')) as BandFile;
const plan = bandPlanOf('noisy-bn')!;
const ARMS = ['standard', 'batchnorm', 'noisy-batchnorm', 'standard-noisy'];
/** The figure's smoothing of the loss (NoiseInjection's ACCURACY_WINDOW): the band is smoothed the same way. */
const SMOOTH = 10;
const LIVE_STEPS = 12;

let page: Page;
let watch: PageWatch;
let widget: LiveFigure;
useLiveFigure('chapters/02-does-batchnorm-reduce-ics/', /Noisy BatchNorm, live/, (opened) => ({ page, watch, widget } = opened));

const seedsButton = () => widget.figure.getByRole('button', { name: 'Seeds' });
const lossChart = (): Locator => widget.figure.getByRole('figure', { name: /^Training loss, with seeds 1–5$/ });

describe('seed band', () => {
  it('is off until asked, then shades every shown arm behind the run', async () => {
    await widget.figure.scrollIntoViewIfNeeded();
    await widget.play.waitFor();
    expect(await seedsButton().getAttribute('aria-pressed')).toBe('false');
    expect(await widget.figure.locator('path.seed-band').count()).toBe(0);
    await seedsButton().click();
    expect(await seedsButton().getAttribute('aria-pressed')).toBe('true');
    await lossChart().scrollIntoViewIfNeeded();
    await expect.poll(() => lossChart().locator('path.seed-band').count()).toBe(ARMS.length);
    expect(await lossChart().locator('path.seed-median').count()).toBe(ARMS.length);
    for (const arm of ARMS) expect(await lossChart().locator(`path.seed-band[data-arm="${arm}"]`).getAttribute('d')).toMatch(/^M[\d.]/);
    // Behind the run: every band comes before the first line in the drawing.
    const order = await lossChart().locator('path.seed-band, path.series-line').evaluateAll((paths) => paths.map((p) => p.getAttribute('class')));
    expect(order.lastIndexOf('seed-band')).toBeLessThan(order.findIndex((c) => c?.startsWith('series-line')));
  });

  it('reads each arm’s median and range at a step from the keyboard, equal to the committed seeds', async () => {
    const svg = lossChart().locator('svg');
    await svg.focus();
    await svg.press('End');
    const expected = seedBands(band, ARMS, SMOOTH);
    const last = band.step.length - 1;
    const key = expected.find((b) => b.id === 'noisy-batchnorm')!;
    const text = `${armStyle('noisy-batchnorm').label} median ${fmtValue(key.median[last]!)} (${fmtValue(key.min[last]!)} to ${fmtValue(key.max[last]!)}, step ${band.step[last]})`;
    await expect.poll(() => lossChart().locator('.readout').textContent()).toContain(text);
    expect(await widget.figure.locator('.figure-readout').textContent()).toContain(text);
    // Independently of seedBands: each seed's mean over the last SMOOTH steps, the middle one of five.
    const window = band.step.map((step, row) => [step, row] as const).filter(([step]) => step > band.step[last]! - SMOOTH);
    const smoothed = band.arms['noisy-batchnorm']!.map((curve) => window.reduce((sum, [, row]) => sum + curve[row]!, 0) / window.length);
    expect(key.median[last]).toBeCloseTo([...smoothed].sort((a, b) => a - b)[2]!, 12);
  });

  it('says on how many committed seeds the chapter’s claim holds, as the replication page counts them', async () => {
    const claim = CLAIMS.find((c) => c.id === plan.claim)!;
    const result = evaluateCheck(claim.file, claim.checks.find((c) => c.text.startsWith(plan.check))!);
    const note = widget.figure.locator('.seed-note');
    await expect.poll(() => note.textContent()).toContain(`holds on ${result.holdsOn.length} of ${result.seeds.length} seeds`);
    expect(await note.textContent()).toContain(result.text);
  });

  it('goes away with a changed setting, saying why, and comes back with the default', async () => {
    const lr = widget.figure.getByRole('textbox', { name: /^Learning rate/ });
    const before = await lr.inputValue();
    await lr.fill('0.2');
    await lr.press('Enter');
    await expect.poll(() => widget.figure.locator('path.seed-band').count()).toBe(0);
    expect(await widget.figure.locator('.seed-note').textContent()).toContain('put the settings back');
    await lr.fill(before);
    await lr.press('Enter');
    await expect.poll(() => lossChart().locator('path.seed-band').count()).toBe(ARMS.length);
  });

  it('keeps the band behind a live run of the default settings', async () => {
    await widget.setStepCap(LIVE_STEPS);
    await widget.play.click();
    await widget.waitForStatus(new RegExp(`^Finished at step ${LIVE_STEPS}\\.`));
    expect(await lossChart().locator('path.seed-band').count()).toBe(ARMS.length);
    expect(await lossChart().locator('path.series-line').count()).toBe(ARMS.length);
  });

  it('is axe-clean with the band shown', async () => {
    expect(await axeViolations(page)).toEqual([]);
  });

  it('turns off again', async () => {
    await seedsButton().click();
    await expect.poll(() => widget.figure.locator('path.seed-band').count()).toBe(0);
    expect(await widget.figure.getByRole('figure', { name: /^Training loss$/ }).count()).toBe(1);
  });

  itStayedClean(() => watch);
});
