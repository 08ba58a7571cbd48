/**
 * A figure's arms split across workers give the numbers of one worker, end to end: the same run on a
 * device of one core (one worker) and of four (a worker per arm), exported as JSON, holds the same rows
 * to the last digit. The page is told its core count (as Chromium's DevTools can), so the test does not
 * depend on the machine's.
 */
import { describe, expect, it } from 'vitest';
import { useChromium } from './support/browser';
import { siteUrl } from './support/site';
import { downloadFrom, figureOf, openExports, waitForFigure } from './share-helpers';

const browser = useChromium();

/** The figure's JSON export after a run of `steps` steps on a device with `cores` cores, and its lab workers. */
async function exportedRun(slug: string, steps: number, cores: number): Promise<{ rows: unknown[][]; workers: number }> {
  const context = await browser().newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  await (await context.newCDPSession(page)).send('Emulation.setHardwareConcurrencyOverride', { hardwareConcurrency: cores });
  await page.goto(siteUrl(`embed/${slug}/`));
  const figure = figureOf(page, slug);
  await waitForFigure(figure, slug);
  const cap = figure.getByRole('textbox', { name: 'Step cap, exact value' });
  await cap.fill(String(steps));
  await cap.press('Enter');
  await expect.poll(() => cap.inputValue()).toBe(String(steps));
  await figure.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => figure.getByRole('status').textContent(), { timeout: 180_000 }).toMatch(new RegExp(`^\\s*Finished at step ${steps}\\.`));
  const workers = page.workers().filter((w) => w.url().includes('lab.worker')).length;
  await openExports(figure);
  const data = JSON.parse((await downloadFrom(page, figure.getByRole('button', { name: 'JSON' }))).bytes.toString('utf8'));
  await context.close();
  return { rows: data.rows, workers };
}

describe('a run split across workers', () => {
  it.each([
    ['noise-injection', 12, 4],
    ['wasserstein-critic', 6, 3],
  ] as const)('%s: the same rows from one worker and from several', { timeout: 600_000 }, async (slug, steps, parts) => {
    const one = await exportedRun(slug, steps, 1);
    const split = await exportedRun(slug, steps, 4);
    expect([one.workers, split.workers]).toEqual([1, parts]);
    expect(one.rows.length).toBeGreaterThan(0);
    expect(split.rows).toEqual(one.rows);
  });
});
