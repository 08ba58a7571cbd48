/**
 * Without JavaScript every widget still shows something to read: its caption and a static
 * SVG still of its precomputed run, never an empty box or only the "appears when JavaScript runs"
 * sentence. One test per chapter; a failure lists the widgets of that chapter that have no still yet.
 */
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { useChromium } from './support/browser';
import { crawlSite } from './support/site';

const browser = useChromium();

interface FigureReport {
  /** data-widget slug, or the caption's first words when the figure carries no slug. */
  name: string;
  caption: string;
  /** Drawn marks (path, line, circle, rect, polyline, polygon) inside the figure's still SVGs. */
  marks: number;
  /** Text of the still's summary (the numbers in words). */
  summary: string;
}

async function figuresWithoutJs(b: Browser, url: string): Promise<FigureReport[]> {
  const context = await b.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(url);
  const reports = await page.locator('figure.widget-figure').evaluateAll((figures) =>
    figures.map((figure) => {
      const caption = figure.querySelector(':scope > figcaption')?.textContent?.trim() ?? '';
      const stills = [...figure.querySelectorAll('[data-still]')];
      return {
        name: figure.getAttribute('data-widget') ?? caption.split(/\s+/).slice(0, 5).join(' '),
        caption,
        marks: stills.reduce((n, s) => n + s.querySelectorAll('svg path[d], svg line, svg circle, svg rect, svg polyline, svg polygon').length, 0),
        summary: stills.map((s) => s.querySelector('.summary')?.textContent?.trim() ?? '').join(' '),
      };
    }),
  );
  await context.close();
  return reports;
}

const pages = await crawlSite().then((r) => r.pages.filter((u) => /\/chapters\/[^/]+\/$/.test(u)));

describe('without JavaScript', () => {
  it('finds the chapters', () => {
    expect(pages.length).toBeGreaterThanOrEqual(7);
  });

  it.each(pages.map((u) => [new URL(u).pathname, u]))('%s: every widget shows its caption and a drawn still with its numbers', async (_, url) => {
    const figures = await figuresWithoutJs(browser(), url);
    for (const f of figures) expect(f.caption.length, `${f.name}: caption`).toBeGreaterThan(40);
    const missing = figures.filter((f) => f.marks < 3 || f.summary.length < 20).map((f) => f.name);
    expect(missing, `widgets on ${url} with no still (or an empty one) without JavaScript`).toEqual([]);
  });
});
