/**
 * Serves the production build (checked as the browser tests check it) through the engine tests'
 * server (./server.ts) for the whole run, and runs each live figure's short run once in Chromium: the
 * reference the other engines' numbers are compared with (`inject('chromiumRuns')`).
 */
import type { TestProject } from 'vitest/node';
import { builtSite } from '../../browser/support/global-setup';
import { launchChromiumSession } from './chromium';
import { LIVE_SLUGS, referenceRun, type RunResult } from './live-run';
import { serveForEngines } from './server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The site's root through the engine tests' server, ending in the base path. */
    engineSiteUrl: string;
    /** Each live figure's short run in Chromium, by slug. */
    chromiumRuns: Record<string, RunResult>;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { root, base } = builtSite();
  const site = await serveForEngines(root, base);
  const chromium = await launchChromiumSession();
  try {
    const runs: Record<string, RunResult> = {};
    for (const slug of LIVE_SLUGS) runs[slug] = await referenceRun(chromium, site.url, slug);
    project.provide('chromiumRuns', runs);
  } finally {
    await chromium.close();
  }
  project.provide('engineSiteUrl', site.url);
  return site.close;
}
