/**
 * Without JavaScript every widget still shows something to read: its caption and a static
 * SVG still of its precomputed run, never an empty box or only the "appears when JavaScript runs"
 * sentence. One test per chapter; a failure lists the widgets of that chapter that have no still yet.
 * On a 360 px phone no two labels of a still overlap: a still shrinks with its viewBox while its text
 * keeps 11.5 px, so its text takes more of the drawing there than anywhere else.
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

/** Pairs of a still's labels whose boxes overlap (by more than 1 × 2 px: glyph boxes touch). */
async function overlappingLabels(b: Browser, url: string): Promise<string[]> {
  const context = await b.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.goto(url);
  const overlaps = await page.evaluate(() => {
    const out: string[] = [];
    for (const svg of document.querySelectorAll('[data-still] svg')) {
      const labels = [...svg.querySelectorAll('text')]
        .filter((t) => t.textContent?.trim())
        .map((t) => ({ text: t.textContent!.trim().slice(0, 24), box: t.getBoundingClientRect() }));
      labels.forEach((a, i) =>
        labels.slice(i + 1).forEach((b) => {
          const x = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
          const y = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
          if (x > 1 && y > 2) out.push(`"${a.text}" over "${b.text}"`);
        }),
      );
    }
    return out;
  });
  await context.close();
  return overlaps;
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

  it.each(pages.map((u) => [new URL(u).pathname, u]))('%s: no two labels of a still overlap on a 360 px phone', async (_, url) => {
    expect(await overlappingLabels(browser(), url)).toEqual([]);
  });
});
