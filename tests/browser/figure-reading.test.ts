/**
 * Reading a live figure at a glance (chapter 3's G versus G′): chart text stays at least 11 CSS px on a
 * desktop and a phone, the figure has one legend, one hint and one polite read-out, its panels share one
 * crosshair, a finger scrubs values by tapping or dragging, its controls are big enough to touch, and it
 * says what to look for, marking it on the chart when the run shows it.
 */
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { useChromium } from './support/browser';
import { openPhonePage, touchDrag } from './support/phone';
import { axeViolations, siteUrl } from './support/site';

const CHAPTER = 'chapters/03-ics-gradients/';
const browser = useChromium();

/** The figure hydrated and its panels drawn (each marks its lines once on screen). */
async function openFigure(page: Page): Promise<Locator> {
  await page.goto(siteUrl(CHAPTER));
  const figure = page.locator('[data-widget="gradient-shift"]');
  await figure.scrollIntoViewIfNeeded();
  const charts = figure.locator('figure.chart > svg');
  await expect.poll(() => charts.count()).toBe(3);
  await charts.last().scrollIntoViewIfNeeded();
  await expect.poll(() => figure.locator('svg .series-line').count()).toBe(6);
  return figure;
}

/** The smallest on-screen size, in CSS px, of any text drawn in the figure's charts. */
const smallestChartText = (figure: Locator) =>
  figure.evaluate((f) =>
    Math.min(
      ...[...f.querySelectorAll<SVGTextElement>('figure.chart svg text')].map((t) => {
        const m = t.getScreenCTM()!;
        return parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
      }),
    ),
  );

describe('on a desktop', () => {
  it('draws chart text at 11 px or more, one legend and one hint for the figure, and says what to look for', async () => {
    const page = await (await browser().newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    const figure = await openFigure(page);
    expect(await smallestChartText(figure)).toBeGreaterThanOrEqual(11);
    expect(await figure.locator('.chart-legend').count()).toBe(1);
    expect(await figure.getByText(/to read every panel at one step/).count()).toBe(1);
    expect(await figure.getByText(/^Hover over the chart/).count()).toBe(0);
    expect(await figure.locator('.look-for').textContent()).toMatch(/^Look for: BatchNorm’s line/);
    // The precomputed run shows the point: BatchNorm's cosine median far below Standard's, marked on the cosine panel.
    expect(await figure.locator('svg .annotation text').textContent()).toMatch(/^median −0\.\d+ vs Standard (1|0\.\d+)$/);
    // BatchNorm, the key arm, is drawn last in every panel.
    for (const chart of await figure.locator('figure.chart svg').all()) {
      expect(await chart.locator('.series-line').last().getAttribute('data-arm')).toBe('batchnorm');
    }
    await page.context().close();
  });

  it('shares one crosshair across the panels and reads them all in one polite live region', async () => {
    const page = await (await browser().newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    const figure = await openFigure(page);
    const liveRegions = figure.locator('.figure-readout[aria-live="polite"]');
    expect(await liveRegions.count()).toBe(1);
    // The panels' own read-outs stay for their descriptions, not as three more live regions.
    expect(await figure.locator('figure.chart .readout[aria-live]').count()).toBe(0);
    const first = figure.locator('figure.chart > svg').first();
    const box = (await first.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2);
    await expect.poll(() => figure.locator('svg .hover-rule').count()).toBe(3);
    const readout = await liveRegions.textContent();
    expect(readout).toMatch(/^Step \d+/);
    for (const title of ['Training loss:', '‖G − G′‖ at layer 9:', 'cos(G, G′) at layer 9:']) expect(readout).toContain(title);
    // The keyboard moves the same crosshair: End on any panel reads the last measured step everywhere.
    await figure.locator('figure.chart > svg').nth(2).focus();
    await page.keyboard.press('End');
    await expect.poll(() => liveRegions.textContent()).toMatch(/^Step 19\d0/);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('keeps the bar’s height from Play on: reading values while a run plays moves no chart', async () => {
    const page = await (await browser().newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    const figure = await openFigure(page);
    await figure.getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(() => figure.locator('.progress').textContent()).toMatch(/Step [1-9]/);
    const bar = figure.locator('.run-bar');
    const first = figure.locator('figure.chart > svg').first();
    const before = { bar: (await bar.boundingBox())!.height, chart: (await first.boundingBox())! };
    // The first reading swaps the hint for every panel's values in a box of the same height: had the bar grown,
    // everything under it would have moved (the chart under the pointer too), the whole page laid out again.
    // The pointer moves on each poll, as a reader's does: Play clears the charts until the first live point is
    // drawn, and a pointer that came to rest over an empty chart reads nothing until it moves again (on a fast
    // machine the progress counter runs ahead of that first drawing).
    let nudge = 0;
    await expect
      .poll(async () => {
        await page.mouse.move(before.chart.x + before.chart.width * 0.6 + (nudge++ % 2), before.chart.y + before.chart.height / 2);
        return figure.locator('.figure-readout').textContent();
      })
      .toMatch(/^Step \d+/);
    expect((await bar.boundingBox())!.height).toBe(before.bar);
    expect((await first.boundingBox())!.y).toBe(before.chart.y);
    await page.context().close();
  });

  it('keeps the legend’s entries from Play to the first live point', async () => {
    const page = await (await browser().newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    const figure = await openFigure(page);
    // Every change to the legend, from Play on, recorded as its entry count: Play clears the charts until the
    // run's first point, and a legend that emptied then filled again moved everything below it twice.
    await figure.evaluate((f) => {
      const legend = f.querySelector('.chart-legend')!;
      const counts: number[] = ((window as unknown as { legendCounts: number[] }).legendCounts = []);
      new MutationObserver(() => counts.push(legend.querySelectorAll('li').length)).observe(legend, { childList: true, subtree: true });
    });
    await figure.getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(() => figure.locator('svg .series-line').count()).toBe(6);
    await expect.poll(() => figure.locator('.progress').textContent()).toMatch(/Step [1-9]/);
    const counts = await page.evaluate(() => (window as unknown as { legendCounts: number[] }).legendCounts);
    expect(counts.filter((n) => n !== 2)).toEqual([]);
    expect(await figure.locator('.chart-legend li').count()).toBe(2);
    await page.context().close();
  });

  it('highlights an arm in every panel from its legend entry, and keeps it while pressed', async () => {
    const page = await (await browser().newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    const figure = await openFigure(page);
    const dimmed = (arm: string) => figure.locator(`svg .series-line.dimmed[data-arm="${arm}"]`).count();
    const standard = figure.locator('.chart-legend').getByRole('button', { name: /^Standard/ });
    await standard.hover();
    await expect.poll(() => dimmed('batchnorm')).toBe(3);
    expect(await dimmed('standard')).toBe(0);
    await standard.click();
    expect(await standard.getAttribute('aria-pressed')).toBe('true');
    await page.mouse.move(0, 0);
    await expect.poll(() => dimmed('batchnorm')).toBe(3);
    await standard.click();
    await page.mouse.move(0, 0);
    await expect.poll(() => dimmed('batchnorm')).toBe(0);
    await page.context().close();
  });
});

describe('on a phone', () => {
  it('keeps chart text at 11 px or more, scrubs values with a tap and a drag, and has 44 px controls', async () => {
    const phone = await openPhonePage(browser(), { slowCpu: false });
    const figure = await openFigure(phone.page);
    expect(await smallestChartText(figure)).toBeGreaterThanOrEqual(11);
    const readout = figure.locator('.figure-readout');
    const chart = figure.locator('figure.chart > svg').first();
    // Mid-screen, clear of the figure's sticky bar at the top (at once: the page scrolls smoothly otherwise).
    await chart.evaluate((el) => el.scrollIntoView({ block: 'center', behavior: 'instant' }));
    const box = (await chart.boundingBox())!;
    const y = box.y + box.height / 2;
    await phone.page.touchscreen.tap(box.x + box.width * 0.5, y);
    await expect.poll(() => readout.textContent()).toMatch(/^Step \d+/);
    const tapped = Number(/^Step (\d+)/.exec((await readout.textContent())!)![1]);
    await touchDrag(phone.cdp, { x: box.x + box.width * 0.5, y }, { x: box.x + box.width * 0.95, y });
    await expect.poll(async () => Number(/^Step (\d+)/.exec((await readout.textContent()) ?? '')?.[1] ?? -1)).toBeGreaterThan(tapped);
    for (const name of ['Play', 'Step', 'Reset', 'New seed', 'Run']) {
      const control = (await figure.getByRole('button', { name, exact: true }).boundingBox())!;
      expect(Math.min(control.width, control.height), name).toBeGreaterThanOrEqual(44);
    }
    await phone.close();
  });
});
