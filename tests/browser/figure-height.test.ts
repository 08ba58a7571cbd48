/**
 * A live figure makes its point at a glance: on a desktop (1280×800) its embed is at most
 * one and a half screens tall, or the height its code comment gives a reason for, and its chart text
 * is never under 11 CSS px. Measured with every chart drawn (a chart draws once it nears the screen).
 */
import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { useChromium } from './support/browser';
import { visitEveryChart } from './support/page-checks';
import { siteUrl } from './support/site';
import { figureOf, waitForFigure } from './share-helpers';
import { WIDGETS } from '../../src/widgets/catalog';

const browser = useChromium();
const SCREEN = { width: 1280, height: 800 };
/** One and a half screens. */
const MAX_HEIGHT = 1.5 * SCREEN.height;
const MIN_TEXT_PX = 11;

/**
 * Figures that cannot fit, with the height each may take: the reason is in the widget's comment
 * (the number of panels the chapter's point needs, each at a legible size).
 */
const TALLER: Record<string, number> = {
  'noise-injection': 1600,
  'normalization-zoo': 1560,
  'wasserstein-critic': 1500,
  'landscape-probe': 1400,
};

const LIVE = WIDGETS.filter((w) => w.experiment !== null).map((w) => w.slug);

/** The smallest on-screen size, in CSS px, of any text drawn in the figure's SVGs. */
const smallestText = (figure: Locator) =>
  figure.evaluate((f) =>
    Math.min(
      ...[...f.querySelectorAll<SVGTextElement>('svg text')]
        .filter((t) => t.textContent?.trim() && t.getClientRects().length > 0)
        .map((t) => {
          const m = t.getScreenCTM()!;
          return parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
        }),
    ),
  );

describe.each(LIVE)('embed/%s/ at 1280×800', (slug) => {
  it(`is at most ${MAX_HEIGHT} px tall (or its documented height), with chart text of ${MIN_TEXT_PX} px or more`, async () => {
    const page = await (await browser().newContext({ viewport: SCREEN })).newPage();
    await page.goto(siteUrl(`embed/${slug}/`));
    const figure = figureOf(page, slug);
    await waitForFigure(figure, slug);
    // Measured with every chart drawn at its size (a chart draws once it nears the screen).
    expect(await visitEveryChart(page), 'charts that drew nothing').toEqual([]);
    const { height } = (await figure.boundingBox())!;
    expect(height, `${slug}: figure height`).toBeLessThanOrEqual(TALLER[slug] ?? MAX_HEIGHT);
    expect(await smallestText(figure)).toBeGreaterThanOrEqual(MIN_TEXT_PX);
    await page.context().close();
  });
});
