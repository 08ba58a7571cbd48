/**
 * What a chapter costs to open: the JavaScript and CSS a reader's browser receives before any widget
 * comes near the viewport, gzipped here with zlib (level 6, what static hosts such as GitHub Pages
 * send) so the numbers do not depend on whether the test server compresses. Used by the budgets
 * browser test and by `npm run bench`; plain playwright-core, no test runner.
 */
import { gzipSync } from 'node:zlib';
import type { Page, Response } from 'playwright-core';

/** The page-weight budgets (README, Quality budgets), in bytes after gzip. */
export const JS_BUDGET_GZIP = 60 * 1024;
export const CSS_BUDGET_GZIP = 30 * 1024;

export interface Transfer {
  url: string;
  kind: 'script' | 'stylesheet' | 'inline-script' | 'inline-style';
  raw: number;
  gzip: number;
}

export interface PageWeight {
  transfers: Transfer[];
  jsGzip: number;
  cssGzip: number;
}

const gzipSize = (body: Buffer | string) => gzipSync(body).length;

/** The training engine: the lab worker, tfjs's .wasm files, or any script carrying tfjs-core. */
export function isEngineUrl(url: string): boolean {
  return /\/lab\.worker[-.][^/]*\.js$/.test(url) || /\.wasm$/.test(url);
}

/** tfjs-core reads its debug flags from the `tfjsflags` URL parameter: the name is in every build of it. */
export const TFJS_MARKER = 'tfjsflags';

const INLINE = /<(script|style)\b([^>]*)>([\s\S]*?)<\/\1>/g;

/** Inline <script> (without src) and <style> blocks of an HTML document, as transfers. */
function inlineBlocks(html: string, url: string): Transfer[] {
  const blocks: Transfer[] = [];
  for (const [, tag, attributes, body] of html.matchAll(INLINE)) {
    if (tag === 'script' && /\bsrc=/.test(attributes!)) continue;
    if (tag === 'script' && /type="application\/(ld\+)?json"/.test(attributes!)) continue;
    blocks.push({ url, kind: tag === 'script' ? 'inline-script' : 'inline-style', raw: Buffer.byteLength(body!), gzip: gzipSize(body!) });
  }
  return blocks;
}

export interface TransferLog {
  /** Every URL requested so far (workers' requests included), in order. */
  requests: string[];
  /** Script URLs whose body carries tfjs (complete once `weigh` has resolved). */
  tfjsScripts: string[];
  /** Waits for the bodies seen so far and sums them. */
  weigh: () => Promise<PageWeight>;
}

/** Starts recording a page's requests and the bodies of its document, scripts and stylesheets. */
export function recordTransfers(page: Page): TransferLog {
  const requests: string[] = [];
  const tfjsScripts: string[] = [];
  const pending: Promise<Transfer[]>[] = [];
  page.on('request', (request) => requests.push(request.url()));
  const read = async (response: Response): Promise<Transfer[]> => {
    const type = response.request().resourceType();
    if (response.status() !== 200 || !['document', 'script', 'stylesheet'].includes(type)) return [];
    const body = await response.body().catch(() => null);
    if (!body) return [];
    if (type === 'document') return inlineBlocks(body.toString('utf8'), response.url());
    if (type === 'script' && body.includes(TFJS_MARKER)) tfjsScripts.push(response.url());
    return [{ url: response.url(), kind: type === 'script' ? 'script' : 'stylesheet', raw: body.length, gzip: gzipSize(body) }];
  };
  page.on('response', (response) => pending.push(read(response)));
  return {
    requests,
    tfjsScripts,
    weigh: async () => {
      const transfers = (await Promise.all(pending)).flat();
      const sum = (kinds: Transfer['kind'][]) => transfers.filter((t) => kinds.includes(t.kind)).reduce((total, t) => total + t.gzip, 0);
      return { transfers, jsGzip: sum(['script', 'inline-script']), cssGzip: sum(['stylesheet', 'inline-style']) };
    },
  };
}

/**
 * Opens `url` at the top of a desktop-sized viewport, lets it settle without scrolling, and weighs
 * what came. `hydrated` counts the islands that hydrated anyway (a widget within reach of the first
 * screen), which would make the weight include that widget.
 */
export async function weighFirstScreen(page: Page, url: string): Promise<{ weight: PageWeight; log: TransferLog; hydrated: number }> {
  const log = recordTransfers(page);
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForLoadState('networkidle');
  const hydrated = await page.locator('astro-island:not([ssr])').count();
  return { weight: await log.weigh(), log, hydrated };
}

export const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;
