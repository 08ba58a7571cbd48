/**
 * Each live figure's default run, Play to "Finished", on its embed page, in one engine: Chromium for
 * `npm run bench`, or Firefox and WebKit run alone (the engine tests' sessions, tests/engines/):
 *   tsx tools/bench/default-runs.ts firefox
 * Cold: each figure's first Play loads the worker, tfjs, the .wasm and the data. Builds into a
 * temporary directory unless SITE_DIR names a build (site-build.ts).
 */
import { fileURLToPath } from 'node:url';
import { WIDGETS } from '../../src/widgets/catalog';
import { launchChromiumSession } from '../../tests/engines/support/chromium';
import type { EngineName, EngineSession } from '../../tests/engines/support/engine';
import { control, progressOf, waitForFigure, waitForStatus } from '../../tests/engines/support/figure';
import { launchFirefoxSession } from '../../tests/engines/support/firefox';
import { launchWebKitSession } from '../../tests/engines/support/webkit';
import { serveProductionBuild } from './site-build';

const LAUNCH: Record<EngineName, () => Promise<EngineSession>> = { chromium: launchChromiumSession, firefox: launchFirefoxSession, webkit: launchWebKitSession };
/** The slowest default run, in WebKit on a busy machine, stays well under this. */
const RUN_TIMEOUT_MS = 15 * 60_000;

export interface DefaultRun {
  slug: string;
  seconds: number;
  /** The progress line at the end ("Step 300 of 300 · wasm backend"). */
  progress: string;
}

/** Every live figure's default run in `engine`, on the site served at `siteUrl`. */
export async function measureDefaultRuns(engine: EngineName, siteUrl: string): Promise<{ version: string; runs: DefaultRun[] }> {
  const session = await LAUNCH[engine]();
  try {
    const runs: DefaultRun[] = [];
    for (const { slug } of WIDGETS.filter((w) => w.experiment !== null)) {
      await session.goto(new URL(`embed/${slug}/`, siteUrl).href);
      await waitForFigure(session, slug);
      const play = await control(session, slug, 'button', 'Play');
      const started = performance.now();
      await session.click(play);
      await waitForStatus(session, slug, /^Finished at step \d+\./, RUN_TIMEOUT_MS);
      runs.push({ slug, seconds: (performance.now() - started) / 1000, progress: await progressOf(session, slug) });
      process.stderr.write(`  ${engine} ${slug}: ${runs.at(-1)!.seconds.toFixed(1)} s\n`);
    }
    return { version: session.version, runs };
  } finally {
    await session.close();
  }
}

export function defaultRunTable(version: string, runs: DefaultRun[]): string {
  const width = Math.max(...runs.map((r) => r.slug.length));
  return [`default runs, Play → "Finished" (${version}, embed pages, cold, 1280×800; polled every 100 ms)`, ...runs.map((r) => `${r.slug.padEnd(width)}  ${r.seconds.toFixed(1).padStart(6)} s  ${r.progress}`)].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const engine = (process.argv[2] ?? 'chromium') as EngineName;
  if (!(engine in LAUNCH)) throw new Error(`unknown engine "${engine}": chromium, firefox or webkit`);
  const site = await serveProductionBuild();
  try {
    const { version, runs } = await measureDefaultRuns(engine, site.url);
    console.log(defaultRunTable(version, runs));
  } finally {
    await site.close();
  }
}
