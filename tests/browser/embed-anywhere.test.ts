/**
 * The embed snippets work on another site: the instructors page hands out absolute addresses even in
 * a build without SITE_URL, and each snippet pasted into a page on another origin shows its figure in a
 * frame that fits it (the embed page reports its height; the snippet's script sizes the frame), the
 * figure trains, and nothing logs an error.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { useChromium } from './support/browser';
import { siteUrl, watchPage } from './support/site';
import { LIVE_TIMEOUT_MS, waitForFigure } from './share-helpers';
import { WIDGETS } from '../../src/widgets/catalog';

const browser = useChromium();
/**
 * A teacher's page on another origin: a second server (localhost, its own port; the site is served on
 * 127.0.0.1) whose one page is a lesson with the pasted snippet. Both are local addresses, so Chromium's
 * private-network rules, which stop a public page from framing a local one, stay out of the way.
 */
let host: Server;
let hostUrl: string;
let hostBody = '';
beforeAll(async () => {
  host = createServer((_, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(hostBody));
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  hostUrl = `http://localhost:${(host.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise((resolve) => host.close(resolve)));

async function snippets(): Promise<Map<string, string>> {
  const page = await (await browser().newContext()).newPage();
  await page.goto(siteUrl('instructors/'));
  const out = new Map<string, string>();
  for (const w of WIDGETS) {
    const box = page.locator(`#snippet-${w.slug}`);
    // The page's script rewrites a relative address; wait for it rather than for time.
    await expect.poll(() => box.inputValue()).toContain(`src="${siteUrl(`embed/${w.slug}/`)}"`);
    out.set(w.slug, await box.inputValue());
  }
  await page.context().close();
  return out;
}

/** The frame's box height and its document's content height, in CSS pixels. */
async function heights(page: Page, frame: Frame): Promise<{ box: number; content: number; scrolls: boolean }> {
  const box = await page.locator('iframe').evaluate((f) => Math.round(f.getBoundingClientRect().height));
  const inner = await frame.evaluate(() => ({
    content: Math.ceil(document.documentElement.getBoundingClientRect().height),
    scrolls: document.documentElement.scrollHeight > window.innerHeight,
  }));
  return { box, ...inner };
}

describe('embed snippets on another site', () => {
  let all: Map<string, string>;

  it('the instructors page gives absolute addresses in a build without SITE_URL', async () => {
    all = await snippets();
    for (const [slug, snippet] of all) {
      expect(snippet).toContain(`src="${siteUrl(`embed/${slug}/`)}"`);
      expect(snippet).toContain(`e.origin !== '${new URL(siteUrl()).origin}'`);
      expect(snippet).toMatch(/height="\d+"/);
    }
  });

  it.each(WIDGETS)('$slug: the frame fits the figure, the figure works, nothing logs an error', async ({ slug, experiment }) => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    hostBody = `<!doctype html><html lang="en"><head><title>A lesson</title></head><body><h1>A lesson</h1>${all.get(slug)}<p>After the figure.</p></body></html>`;
    const page = await context.newPage();
    const watch = watchPage(page);
    await page.goto(hostUrl);
    expect(new URL(hostUrl).origin).not.toBe(new URL(siteUrl()).origin);
    // The frame starts as about:blank and loads the embed page once the lazy iframe is reached.
    const embedUrl = siteUrl(`embed/${slug}/`);
    await expect.poll(() => page.frames().some((f) => f.url() === embedUrl)).toBe(true);
    const frame = page.frames().find((f) => f.url() === embedUrl);
    const figure = frame!.locator(`[data-widget="${slug}"]`);
    await waitForFigure(figure, slug);

    const fits = async () => {
      await expect.poll(async () => {
        const h = await heights(page, frame!);
        return Math.abs(h.box - h.content) <= 1 && !h.scrolls;
      }).toBe(true);
    };
    await fits();
    // Where a host strips the snippet's script, the iframe's own height still holds the whole figure.
    const fallback = Number(/height="(\d+)"/.exec(all.get(slug)!)![1]);
    expect((await heights(page, frame!)).content).toBeLessThanOrEqual(fallback);

    if (experiment !== null) {
      await figure.getByRole('button', { name: 'Play' }).click();
      await expect
        .poll(async () => Number(/Step (\d+) of/.exec((await figure.locator('.progress').textContent()) ?? '')?.[1] ?? 0), { timeout: LIVE_TIMEOUT_MS })
        .toBeGreaterThan(0);
      await figure.getByRole('button', { name: 'Pause' }).click();
      await fits();
    }
    expect([...watch.consoleErrors, ...watch.failures]).toEqual([]);
    await context.close();
  });
});
