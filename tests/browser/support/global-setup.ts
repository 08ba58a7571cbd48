/**
 * Serves the build (dist/, or SITE_DIR when set, so several builds can be tested side by side) under BASE_PATH on 127.0.0.1 (a free port) for the whole browser run and hands the
 * site's URL to the tests (`inject('baseUrl')`).
 */
import { existsSync, readFileSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { normalizeBase, startServer } from '../../../scripts/serve.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The served site's root, ending in the base path, e.g. http://127.0.0.1:39211/bn-course/. */
    baseUrl: string;
  }
}

/** Where the production build is; `SITE_DIR` lets a build in another directory be tested. */
const ROOT = process.env.SITE_DIR ?? 'dist';

/** The build's directory and base path (BASE_PATH), once checked that a build for that base is there. */
export function builtSite(): { root: string; base: string } {
  const base = normalizeBase(process.env.BASE_PATH ?? '/');
  const buildHint = `run \`BASE_PATH=${base} npm run build\` (npm run build with BASE_PATH) first`;
  if (!existsSync(`${ROOT}/index.html`)) throw new Error(`No built site in ${ROOT}/: ${buildHint}.`);
  if (!readFileSync(`${ROOT}/index.html`, 'utf8').includes(`href="${base}favicon.svg"`)) {
    throw new Error(`${ROOT}/ was built for a different base path than BASE_PATH=${base}: ${buildHint}.`);
  }
  return { root: ROOT, base };
}

export default async function setup(project: TestProject): Promise<() => Promise<unknown>> {
  const { root, base } = builtSite();
  const server = await startServer({ root, base, port: 0 });
  project.provide('baseUrl', server.url);
  return server.close;
}
