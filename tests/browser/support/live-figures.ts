/**
 * Every live (training) figure of a page, found by what it offers rather than by name, so the
 * site-wide checks (leaks, CSP) cover figures that land later without listing them.
 */
import type { Page } from 'playwright-core';
import { liveFigure, type LiveFigure } from './live-widget';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Call after hydration: the figures (by their captions) that have a Play button. */
export async function liveFigures(page: Page): Promise<{ name: string; widget: LiveFigure }[]> {
  const figures = page.locator('figure[aria-labelledby]').filter({ has: page.getByRole('button', { name: 'Play', exact: true }) });
  const names = await figures.evaluateAll((all) =>
    all.map((figure) => document.getElementById(figure.getAttribute('aria-labelledby')!)?.textContent?.trim() ?? ''),
  );
  // Accessible names collapse whitespace; the caption's first sentence names the figure.
  return names
    .map((caption) => caption.replace(/\s+/g, ' ').split('. ')[0]!)
    .map((name) => ({ name, widget: liveFigure(page, new RegExp(`^${escape(name)}\\.`)) }));
}
