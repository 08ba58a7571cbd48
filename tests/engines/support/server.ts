/**
 * The site as the engine tests see it: scripts/serve.mjs serving the production build under its base
 * path, behind a thin front server that
 *   - puts ./probe.js first in every HTML page's <head> (see there why), served from the site's origin
 *     so the page's Content-Security-Policy ('self') lets it run, and
 *   - logs every request with its status, so a test can ask which requests failed while it ran (a
 *     WebDriver classic session hears nothing of the page's network): GET <base>__engine-log?since=N
 *     answers the log from request N on, as JSON (the tests run in other processes than the server).
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { normalizeBase, startServer } from '../../../scripts/serve.mjs';

const PROBE = readFileSync(new URL('./probe.js', import.meta.url), 'utf8');
const PROBE_FILE = '__engine-probe.js';
const LOG_PATH = '__engine-log';

export interface LoggedRequest {
  /** Order of arrival, to ask for the requests since a mark. */
  index: number;
  path: string;
  status: number;
}

export interface EngineSite {
  /** The site's root URL, ending in the base path. */
  url: string;
  close: () => Promise<void>;
}

/** The server's log from request `since` on (from any process: it asks the server). */
export async function requestLog(siteUrl: string, since = 0): Promise<LoggedRequest[]> {
  return (await (await fetch(new URL(`${LOG_PATH}?since=${since}`, siteUrl))).json()) as LoggedRequest[];
}

/** Requests from `since` on that got an HTTP error status. */
export const failedRequests = async (siteUrl: string, since: number): Promise<string[]> =>
  (await requestLog(siteUrl, since)).filter((r) => r.status >= 400).map((r) => `${r.path}: HTTP ${r.status}`);

/** The index the next request will get: a mark to ask for the failures since. */
export const logMark = async (siteUrl: string): Promise<number> => {
  const log = await requestLog(siteUrl);
  return log.length === 0 ? 0 : log[log.length - 1]!.index + 1;
};

/** Serves `root` (a build for `base`) on 127.0.0.1, a free port. */
export async function serveForEngines(root: string, base: string): Promise<EngineSite> {
  const basePath = normalizeBase(base);
  const upstream = await startServer({ root, base: basePath, port: 0 });
  const log: LoggedRequest[] = [];

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = req.url ?? '/';
    const record = (status: number) => void log.push({ index: log.length, path, status });
    if (path.startsWith(`${basePath}${LOG_PATH}?`)) {
      const since = Number(new URL(path, 'http://log').searchParams.get('since') ?? 0);
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(log.filter((r) => r.index >= since)));
      return;
    }
    if (path === `${basePath}${PROBE_FILE}`) {
      res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-cache' }).end(PROBE);
      return record(200);
    }
    // Uncompressed from upstream, so a page's HTML can be edited on the way.
    const answer = await fetch(new URL(path, upstream.url), { method: req.method, redirect: 'manual', headers: { 'Accept-Encoding': 'identity' } });
    record(answer.status);
    const headers = Object.fromEntries([...answer.headers].filter(([name]) => !['content-length', 'content-encoding', 'transfer-encoding', 'connection'].includes(name)));
    const body = Buffer.from(await answer.arrayBuffer());
    if (answer.headers.get('content-type')?.startsWith('text/html')) {
      const html = body.toString('utf8').replace(/<head(\s[^>]*)?>/, (head) => `${head}<script src="${basePath}${PROBE_FILE}"></script>`);
      res.writeHead(answer.status, headers).end(req.method === 'HEAD' ? undefined : html);
    } else {
      res.writeHead(answer.status, headers).end(req.method === 'HEAD' ? undefined : body);
    }
  }

  const front = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log.push({ index: log.length, path: req.url ?? '/', status: 502 });
      res.writeHead(502).end(String(error));
    });
  });
  await new Promise<void>((listening) => front.listen(0, '127.0.0.1', listening));
  const address = front.address();
  if (!address || typeof address === 'string') throw new Error('the engine tests’ server has no port');
  return {
    url: `http://127.0.0.1:${address.port}${basePath}`,
    close: async () => {
      const closed = new Promise<void>((done) => front.close(() => done()));
      front.closeAllConnections();
      await closed;
      await upstream.close();
    },
  };
}
