/**
 * A tiny, dependency-free static server for the built site (dist/), mounted under the same base
 * path the site was built with (BASE_PATH, as on GitHub Pages), so what you see locally is what
 * Pages serves. Used by `npm start` and by the browser tests (`startServer`).
 *
 *   node scripts/serve.mjs            → http://localhost:4321/ + BASE_PATH
 *   PORT=8080 BASE_PATH=/bn-course/ node scripts/serve.mjs
 */
import { createServer } from 'node:http';
import { createReadStream, existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.bin': 'application/octet-stream',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
};

/** "/bn-course" or "bn-course/" → "/bn-course/"; "" → "/". */
export function normalizeBase(base = '/') {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/** The file for a URL path under `root`, or null (also null for anything escaping `root`). */
async function resolveFile(root, relativePath) {
  const candidate = normalize(join(root, relativePath));
  if (candidate !== root && !candidate.startsWith(root + sep)) return null;
  const info = await stat(candidate).catch(() => null);
  if (info?.isFile()) return candidate;
  if (info?.isDirectory()) {
    const index = join(candidate, 'index.html');
    return existsSync(index) ? index : null;
  }
  return null;
}

/** Text (and wasm) as GitHub Pages sends it, gzipped when the client accepts it, so audits measure what readers get. */
const COMPRESSIBLE = /^(text\/|application\/(json|xml|wasm)|image\/svg)/;

/**
 * Each compressible file gzipped once per version of it (its size and modification time): the browser tests
 * fetch the same scripts, pages and .wasm hundreds of times, and compressing them again for every request
 * took CPU from the tests on a 2-core machine.
 */
const gzipped = new Map();
async function gzippedBody(file) {
  const { size, mtimeMs } = await stat(file);
  const kept = gzipped.get(file);
  if (kept?.size === size && kept.mtimeMs === mtimeMs) return kept.body;
  const body = readFile(file).then(promisify(gzip));
  gzipped.set(file, { size, mtimeMs, body });
  body.catch(() => gzipped.delete(file));
  return body;
}

async function send(req, res, status, file) {
  const type = MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  const compress = COMPRESSIBLE.test(type) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
  let body = null;
  try {
    if (compress && req.method !== 'HEAD') body = await gzippedBody(file);
  } catch (error) {
    res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`Could not read ${file}: ${error.message}`);
    return;
  }
  res.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': 'no-cache',
    ...(compress && { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' }),
  });
  if (req.method === 'HEAD') res.end();
  else if (body) res.end(body);
  else createReadStream(file).pipe(res);
}

/**
 * Serves `root` under `base` on 127.0.0.1:`port` (0 picks a free port).
 * Resolves to { server, url, close() } once listening; `url` (on `host`) ends with the base path.
 */
export async function startServer({ root = 'dist', base = '/', port = 4321, host = '127.0.0.1' } = {}) {
  const rootDir = resolve(root);
  const basePath = normalizeBase(base);
  if (!existsSync(join(rootDir, 'index.html'))) {
    throw new Error(`No built site in ${rootDir}: run \`npm run build\` first.`);
  }
  const notFound = join(rootDir, '404.html');

  const server = createServer(async (req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    // The site root without its trailing slash: redirect, as GitHub Pages does for directories.
    if (`${pathname}/` === basePath) {
      res.writeHead(301, { Location: basePath }).end();
      return;
    }
    let file = null;
    if (pathname.startsWith(basePath)) {
      let relative;
      try {
        relative = decodeURIComponent(pathname.slice(basePath.length));
      } catch {
        res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Malformed URL');
        return;
      }
      file = await resolveFile(rootDir, relative);
      // A directory requested without its trailing slash: redirect so relative URLs resolve.
      if (file?.endsWith(`${sep}index.html`) && !pathname.endsWith('/') && !relative.endsWith('index.html')) {
        res.writeHead(301, { Location: `${pathname}/` }).end();
        return;
      }
    }
    if (file) await send(req, res, 200, file);
    else if (existsSync(notFound)) await send(req, res, 404, notFound);
    else res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
  });

  await new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolveListen);
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    server,
    url: `http://${host}:${actualPort}${basePath}`,
    close: () => new Promise((done) => server.close(() => done(undefined))),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT ?? 4321);
  startServer({ root: 'dist', base: process.env.BASE_PATH ?? '/', port })
    .then(({ url }) => console.log(`Serving dist/ at ${url.replace('127.0.0.1', 'localhost')}  (Ctrl+C to stop)`))
    .catch((err) => {
      console.error(err.message);
      process.exit(1);
    });
}
