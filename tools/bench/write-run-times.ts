/**
 * Measures every live figure's default run in Chromium (default-runs.ts) and writes the result, with
 * the machine it ran on, to src/site/run-times.json, which the instructors page shows. Run by hand on a
 * quiet machine (other jobs slow the runs; the load average is recorded):
 *   SITE_DIR=dist BASE_PATH=/bn-course/ npx tsx tools/bench/write-run-times.ts
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { measureDefaultRuns } from './default-runs';
import { serveProductionBuild } from './site-build';
import type { RunTimes } from '../../src/site/run-times';

const OUT = 'src/site/run-times.json';
const loadBefore = loadavg()[0]!;
const site = await serveProductionBuild();
try {
  const { version, runs } = await measureDefaultRuns('chromium', site.url);
  const file: RunTimes = {
    measured: new Date().toISOString().slice(0, 10),
    command: 'SITE_DIR=dist BASE_PATH=/bn-course/ npx tsx tools/bench/write-run-times.ts',
    browser: version,
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', loadAverage: [loadBefore, loadavg()[0]!].map((l) => Math.round(l * 10) / 10) as [number, number] },
    runs: runs.map((r) => ({ slug: r.slug, seconds: Math.round(r.seconds * 10) / 10, progress: r.progress })),
  };
  writeFileSync(OUT, `${JSON.stringify(file, null, 2)}\n`);
  console.log(`wrote ${OUT}`);
} finally {
  await site.close();
}
