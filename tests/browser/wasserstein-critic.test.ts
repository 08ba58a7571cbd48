/**
 * The WassersteinCritic figure: hydrates with the precomputed trace drawn (the gradient-penalty critic's
 * last snapshot as a heat map with contours, samples and modes; each arm's sample quality), trains
 * live in the worker and replaces both with live numbers, rejects a bad setting with a message, is
 * read from the keyboard (arm, surface, the map's cells), and stays clean (console, origin, axe).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { itStayedClean, type PageWatch } from './support/site';
import { beforeAllFinishedRun, beforeAllFresh, itIsAxeCleanWhileRunning, useLiveFigure, type LiveFigure } from './support/live-widget';
import type { Trace } from '../../src/traces/trace';

const trace = JSON.parse(readFileSync('src/traces/wgan.json', 'utf8')) as Trace;
/** Past the snapshot and sample measurement at step 20 (every 20 steps), ending on a snapshot at step 24. */
const STEPS = 25;

let page: Page;
let watch: PageWatch;
let widget: LiveFigure;
useLiveFigure('chapters/08-lipschitzness-elsewhere/', /Three ways to keep a critic Lipschitz/, (opened) => ({ page, watch, widget } = opened));

const field = () => widget.figure.getByRole('figure', { name: /^(Critic value D\(x\)|Gradient norm ‖∇ₓD\(x\)‖)/ });
const fieldMap = () => field().getByRole('img');
const row = (arm: RegExp) => widget.figure.getByRole('row', { name: arm });
/** The heat map's canvas holds opaque pixels at its corners and centre. */
const paintedCells = () =>
  field()
    .locator('canvas')
    .evaluate((canvas: HTMLCanvasElement) => {
      const context = canvas.getContext('2d')!;
      const at = [[1, 1], [canvas.width / 2, canvas.height / 2], [canvas.width - 2, canvas.height - 2]];
      return at.every(([x, y]) => context.getImageData(x!, y!, 1, 1).data[3] === 255);
    });
const cells = (arm: RegExp) => row(arm).locator('th, td').allTextContents();
const lastOf = (arm: string, metric: string) => trace.arms[arm]![metric]!.findLast((v) => v !== null)!;
/**
 * Each changing number's box, its text and its size in px: the map caption's step and each arm's modes and
 * quality (the table's step column is as wide as the run's step cap, so it is left out).
 */
const liveNumbers = () =>
  widget.figure.locator('figcaption .live-number, td[data-metric] .live-number').evaluateAll((boxes) =>
    boxes.map((box) => {
      const { width, height } = box.getBoundingClientRect();
      return { text: box.textContent, size: `${width.toFixed(1)}×${height.toFixed(1)}` };
    }),
  );
/** The boxes as the precomputed run left them (the first test records them; the live run's are compared). */
let precomputedNumbers: { text: string | null; size: string }[] = [];

describe('WassersteinCritic', () => {
  it('hydrates with the precomputed run drawn: the critic’s map, the samples, the modes and each arm’s quality', async () => {
    await widget.figure.scrollIntoViewIfNeeded();
    await widget.play.waitFor();
    await widget.waitForStatus(/^Showing a precomputed run/);
    await expect.poll(() => field().locator('figcaption').textContent()).toBe(`Critic value D(x) at step ${trace.steps - 1}`);
    await expect.poll(paintedCells).toBe(true);
    expect(await fieldMap().locator('.mark circle').count()).toBe(8);
    // The samples are one path, a circle (moveto and two arcs) per dot.
    expect(((await fieldMap().locator('path.samples').getAttribute('d')) ?? '').match(/M/g)?.length).toBeGreaterThan(100);
    expect(await fieldMap().locator('.contours path').count()).toBeGreaterThan(0);
    expect(await field().locator('.summary').textContent()).toMatch(/^Gradient penalty, step 999: critic values from /);
    const gp = lastOf('gp', 'modesCovered');
    const gpQuality = Math.round(100 * lastOf('gp', 'highQualityFraction'));
    expect(await cells(/^Gradient penalty/)).toEqual(['Gradient penalty', `${gp} of 8`, `${gpQuality}%`, '999']);
    expect((await cells(/^Weight clipping/))[1]).toBe(`${lastOf('clip', 'modesCovered')} of 8`);
    precomputedNumbers = await liveNumbers();
  });

  describe(`a live run of ${STEPS} steps`, () => {
    const run = beforeAllFinishedRun(() => ({ page, widget }), STEPS);

    it('replaces the map and the numbers with the run’s', async () => {
      await expect.poll(() => field().locator('figcaption').textContent()).toBe(`Critic value D(x) at step ${STEPS - 1}`);
      expect(await paintedCells()).toBe(true);
      for (const arm of [/^Weight clipping/, /^Gradient penalty/, /^Spectral normalization/]) {
        await expect.poll(async () => (await cells(arm)).slice(1).join(' ')).toMatch(new RegExp(`^\\d of 8 \\d+% ${STEPS - 1}$`));
      }
      expect(await widget.summary(/^Share of high-quality samples$/).textContent()).toMatch(/\(step 24\)/);
    });

    it('writes each changing number into a box of the same size: a new number lays out its box alone', async () => {
      const now = await liveNumbers();
      // The caption's step and two numbers per arm; the step went from 999 to 24, in the same box.
      expect(now).toHaveLength(7);
      expect([precomputedNumbers[0]!.text, now[0]!.text]).toEqual(['999', '24']);
      expect(now.map((n) => n.size)).toEqual(precomputedNumbers.map((n) => n.size));
    });

    it('trained in the worker with no long task on the main thread', () => {
      expect(run().longTasks).toEqual([]);
    });
  });

  describe('settings', () => {
    beforeAllFresh(() => ({ page, widget }));

    it('rejects an out-of-range λ with a message and keeps the setting', async () => {
      const lambda = widget.figure.getByRole('textbox', { name: 'Gradient-penalty weight λ (gp), exact value' });
      await lambda.fill('1000');
      await lambda.press('Enter');
      await expect
        .poll(() => widget.figure.locator('.problem').filter({ hasText: /Gradient-penalty weight/ }).textContent())
        .toBe('Gradient-penalty weight λ (gp) must be between 0.01 and 100 (got 1000).');
      expect(await lambda.inputValue()).toBe('0.1');
      await lambda.fill('10');
      await lambda.press('Enter');
      await widget.waitForStatus(/^Ready\. Press Play/);
    });
  });

  describe('from the keyboard', () => {
    beforeAllFresh(() => ({ page, widget }));

    it('is read from the keyboard: which critic, which surface, and the value under a moved cursor', async () => {
      await widget.setStepCap(STEPS);
      const sn = widget.figure.getByRole('radio', { name: 'Spectral normalization' });
      await sn.focus();
      await page.keyboard.press('Space');
      const gradNorm = widget.figure.getByRole('radio', { name: /Gradient norm/ });
      await gradNorm.focus();
      await page.keyboard.press('Space');
      await widget.play.click();
      await widget.waitForStatus(new RegExp(`^Finished at step ${STEPS}\\.`));
      await expect.poll(() => field().locator('figcaption').textContent()).toBe(`Gradient norm ‖∇ₓD(x)‖ at step ${STEPS - 1}`);
      expect(await field().locator('.summary').textContent()).toMatch(/^Spectral normalization, step 24: /);
      await fieldMap().focus();
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => field().locator('.readout').textContent()).toMatch(/^At \(0\.18\d, 0\.0625\): D\(x\) −?[\d.]+(e−\d+)?, ‖∇ₓD‖ [\d.]+(e−\d+)?\.$/);
      await page.keyboard.press('Home');
      await expect.poll(() => field().locator('.readout').textContent()).toMatch(/^At \(−1\.94, 0\.0625\)/);
      expect(await fieldMap().locator('.cursor-cell').count()).toBe(1);
    });
  });

  itIsAxeCleanWhileRunning(() => ({ page, widget }));

  itStayedClean(() => watch);
});
