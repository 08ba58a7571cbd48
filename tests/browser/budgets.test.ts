/**
 * The weight budgets (README, Quality budgets) on the production build under its sub-path, per chapter: the JavaScript
 * a reader receives before any widget comes near the viewport (≤ 60 KiB gzip, inline scripts
 * included), the CSS of the page (≤ 30 KiB gzip), and the engine (tfjs, the lab worker, its .wasm)
 * fetched only once a widget is reached — for a live figure, once it is played. Prints the sizes.
 */
import { describe, expect, it } from 'vitest';
import { useChromium } from './support/browser';
import { hydrateIslands, useCrawledPages } from './support/site';
import { CSS_BUDGET_GZIP, isEngineUrl, JS_BUDGET_GZIP, kib, weighFirstScreen } from '../../tools/bench/page-weight';

const browser = useChromium();
const pages = useCrawledPages();
const chapters = () => pages().filter((url) => /\/chapters\/[^/]+\/$/.test(url));

describe('budgets', () => {
  it('finds every chapter', () => {
    expect(chapters().length).toBeGreaterThanOrEqual(7);
  });

  it('each chapter sends ≤ 60 KiB gzip of JavaScript and ≤ 30 KiB gzip of CSS before a widget is near, and no engine', async () => {
    const rows: string[] = [];
    for (const url of chapters()) {
      const context = await browser().newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      const { weight, log, hydrated } = await weighFirstScreen(page, url);
      const name = new URL(url).pathname;
      rows.push(`${name.padEnd(48)} JS ${kib(weight.jsGzip).padStart(10)}   CSS ${kib(weight.cssGzip).padStart(10)}`);
      expect.soft(hydrated, `${name}: an island hydrated without scrolling`).toBe(0);
      expect.soft(weight.jsGzip, `${name} JavaScript (gzip)`).toBeLessThanOrEqual(JS_BUDGET_GZIP);
      expect.soft(weight.cssGzip, `${name} CSS (gzip)`).toBeLessThanOrEqual(CSS_BUDGET_GZIP);
      expect.soft(log.requests.filter(isEngineUrl), `${name}: engine before scrolling`).toEqual([]);
      expect.soft(log.tfjsScripts, `${name}: tfjs before scrolling`).toEqual([]);
      await context.close();
    }
    console.log(`First-screen weight per chapter (gzip; budgets JS ${kib(JS_BUDGET_GZIP)}, CSS ${kib(CSS_BUDGET_GZIP)}):\n${rows.join('\n')}`);
  });

  it('the engine comes when a widget is reached: tfjs with the explorer, the worker and its .wasm on Play', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const explorer = await weighFirstScreen(page, chapters().find((url) => url.includes('/01-'))!);
    await hydrateIslands(page);
    // The explorer imports the lab's tfjs (cpu backend) once hydrated.
    await expect.poll(async () => (await explorer.log.weigh(), explorer.log.tfjsScripts.length), { timeout: 10_000 }).toBeGreaterThan(0);

    const live = await weighFirstScreen(page, chapters().find((url) => url.includes('/02-'))!);
    await hydrateIslands(page);
    expect(live.log.requests.filter(isEngineUrl)).toEqual([]);
    await page.getByRole('button', { name: 'Play' }).first().click();
    await expect.poll(() => live.log.requests.filter(isEngineUrl).map((u) => u.replace(/.*\//, '').replace(/-[\w-]+\.js$/, '.js')), { timeout: 30_000 }).toEqual(
      expect.arrayContaining(['lab.worker.js', expect.stringMatching(/\.wasm$/)]),
    );
    await context.close();
  });
});
