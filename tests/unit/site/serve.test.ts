/** scripts/serve.mjs: serves a build under its base path the way GitHub Pages does. */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeBase, startServer } from '../../../scripts/serve.mjs';

let root: string;
let site: Awaited<ReturnType<typeof startServer>>;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'serve-test-'));
  mkdirSync(join(root, 'chapters', 'one'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<h1>home</h1>');
  writeFileSync(join(root, '404.html'), '<h1>not found</h1>');
  writeFileSync(join(root, 'chapters', 'one', 'index.html'), '<h1>one</h1>');
  writeFileSync(join(root, 'backend.wasm'), new Uint8Array([0, 97, 115, 109]));
  writeFileSync(join(root, 'font.woff2'), 'x');
  writeFileSync(join(tmpdir(), 'outside-the-root.txt'), 'secret');
  site = await startServer({ root, base: '/bn-course/', port: 0 });
});
afterAll(() => site?.close());

const get = (path: string) => fetch(new URL(path, site.url), { redirect: 'manual' });

describe('static server', () => {
  it('listens on 127.0.0.1 with a free port and reports the URL with the base path', () => {
    expect(site.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/bn-course\/$/);
  });

  it('serves pages as directories under the base path', async () => {
    expect(await (await get('./')).text()).toBe('<h1>home</h1>');
    const chapter = await get('./chapters/one/');
    expect(chapter.status).toBe(200);
    expect(chapter.headers.get('content-type')).toBe('text/html; charset=utf-8');
  });

  it('redirects a directory without its trailing slash', async () => {
    const response = await get('./chapters/one');
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/bn-course/chapters/one/');
    expect((await get('/bn-course')).headers.get('location')).toBe('/bn-course/');
  });

  it('sends the MIME types browsers insist on (wasm for streaming compilation, fonts)', async () => {
    expect((await get('./backend.wasm')).headers.get('content-type')).toBe('application/wasm');
    expect((await get('./font.woff2')).headers.get('content-type')).toBe('font/woff2');
  });

  it('gzips text for clients that accept it, as GitHub Pages does, and sends it plain to those that do not', async () => {
    const zipped = await get('./chapters/one/');
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(await zipped.text()).toBe('<h1>one</h1>'); // fetch decodes it
    const plain = await fetch(new URL('./chapters/one/', site.url), { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe('<h1>one</h1>');
    expect((await get('./font.woff2')).headers.get('content-encoding')).toBeNull(); // already compressed
  });

  it('compresses a file once, and again when it changes (a rebuild while serving)', async () => {
    writeFileSync(join(root, 'changing.js'), 'let a = 1;');
    expect(await (await get('./changing.js')).text()).toBe('let a = 1;');
    expect(await (await get('./changing.js')).text()).toBe('let a = 1;');
    writeFileSync(join(root, 'changing.js'), 'let a = 22;');
    const changed = await get('./changing.js');
    expect(changed.headers.get('content-encoding')).toBe('gzip');
    expect(await changed.text()).toBe('let a = 22;');
  });

  it('answers unknown paths, paths outside the base and escapes from the root with 404.html and status 404', async () => {
    // An encoded "/" survives URL parsing, so "..%2f" reaches the file lookup: the root guard must stop it.
    for (const path of ['./missing/', '/other/index.html', '/bn-course/..%2foutside-the-root.txt']) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).toBe('<h1>not found</h1>');
    }
  });

  it('answers a malformed escape with 400 and keeps serving', async () => {
    expect((await get('./%E0%A4%A')).status).toBe(400);
    expect((await get('./')).status).toBe(200);
  });

  it('normalizes the base path however it is written', () => {
    expect(normalizeBase('/')).toBe('/');
    expect(normalizeBase('')).toBe('/');
    expect(normalizeBase('bn-course')).toBe('/bn-course/');
    expect(normalizeBase('/bn-course')).toBe('/bn-course/');
    expect(normalizeBase('/bn-course/')).toBe('/bn-course/');
  });

  it('refuses to start without a build, saying what to run', async () => {
    await expect(startServer({ root: join(root, 'chapters'), port: 0 })).rejects.toThrow(/npm run build/);
  });
});
