/**
 * A figure offers only the networks it draws (the convnet runs from the CLI): a link that names another
 * falls back to the figure's default with the notice that names the key, and the figure stays whole.
 */
import { describe, expect, it } from 'vitest';
import { useChromium } from './support/browser';
import { siteUrl, watchPage } from './support/site';
import { figureOf, waitForFigure } from './share-helpers';

const browser = useChromium();

describe('a link naming a network the figure does not draw', () => {
  it.each(['noise-injection', 'gradient-shift', 'landscape-probe', 'normalization-zoo'])('%s: model=convnet is ignored with a notice', async (slug) => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const watch = watchPage(page);
    await page.goto(siteUrl(`embed/${slug}/?${slug}.model=convnet`));
    const figure = figureOf(page, slug);
    await waitForFigure(figure, slug);
    await expect.poll(() => figure.locator('.notice').textContent()).toMatch(/model \(/);
    expect(await figure.getByRole('radio', { name: /convnet/i }).count()).toBe(0);
    expect(watch.consoleErrors).toEqual([]);
    await context.close();
  });
});
