/**
 * The production build the audit and the bench measure: SITE_DIR when given (a build already made
 * under BASE_PATH), otherwise a fresh `astro build` + search index into a temporary directory, so
 * neither touches dist/. Served by scripts/serve.mjs under the base path, as the browser tests do.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { normalizeBase, startServer } from '../../scripts/serve.mjs';

export const AUDIT_BASE_PATH = '/bn-course/';

export interface ServedSite {
  dir: string;
  url: string;
  close: () => Promise<unknown>;
}

function run(command: string, args: string[], env: Record<string, string> = {}): void {
  const result = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
}

/** Builds (unless SITE_DIR names a build) and serves the site under BASE_PATH (default /bn-course/). */
export async function serveProductionBuild(): Promise<ServedSite> {
  const base = normalizeBase(process.env.BASE_PATH ?? AUDIT_BASE_PATH);
  let dir = process.env.SITE_DIR;
  if (dir) {
    const index = join(dir, 'index.html');
    if (!existsSync(index) || !readFileSync(index, 'utf8').includes(`href="${base}favicon.svg"`)) {
      throw new Error(`SITE_DIR=${dir} holds no build for BASE_PATH=${base}`);
    }
  } else {
    dir = mkdtempSync(join(tmpdir(), 'bn-course-build-'));
    console.error(`building the site under ${base} into ${dir} …`);
    run('astro', ['build', '--outDir', dir], { BASE_PATH: base });
    run('pagefind', ['--site', dir]);
  }
  const server = await startServer({ root: dir, base, port: 0 });
  return { dir, url: server.url, close: server.close };
}

/** The chapter pages of a built site, in order, as paths under the base: `chapters/<id>/`. */
export function chapterPaths(dir: string): string[] {
  return readdirSync(join(dir, 'chapters')).sort().map((id) => `chapters/${id}/`);
}
