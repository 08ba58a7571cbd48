/**
 * `npm run replicate [-- R3 R6 <study> …]`: runs every claim's experiments (src/replication/plan.ts)
 * through the reproduce CLI, one run at a time, on the plan's seeds, and writes
 * src/replication/<claim>.json with the summary numbers the claim is about (src/replication/measured.ts).
 * With no argument it measures every claim and every study (src/replication/studies.ts →
 * src/replication/studies/<study>.json). The /replication/ page and the chapters' measured numbers are
 * built from those files; tests/unit/replication/freshness.test.ts fails when an experiment's config
 * moved away from what a file records. Slow (tens of minutes): run it under `nice -n 10`.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reproduce } from '../src/lab/cli/main';
import type { Report } from '../src/lab/cli/report';
import { configHash } from '../src/lab/schema';
import { getExperiment } from '../src/lab/experiments/registry';
import { ENGINE_FINGERPRINT } from '../src/lab/engine-fingerprint';
import { BACKEND, type RunPlan } from '../src/replication/plan';
import { MEASUREMENT_SETS as SETS, type MeasurementSet } from '../src/replication/sets';
import { pickMetrics, type StoredRun } from '../src/replication/measured';

const OUT_DIR = 'src/replication';
/** Summaries only: a file this big means curves leaked in. */
const MAX_BYTES = 20_000;

async function runOnce(plan: RunPlan, seed: number, scratch: string): Promise<{ report: Report; seconds: number }> {
  const reportFile = join(scratch, `${plan.experiment}-${plan.key}-${seed}.json`);
  const sets = Object.entries(plan.overrides).flatMap(([key, value]) => ['--set', `${key}=${String(value)}`]);
  const started = performance.now();
  const code = await reproduce([plan.experiment, '--seed', String(seed), '--backend', BACKEND, ...sets, '--out', reportFile], {
    out: () => {},
    err: (text) => process.stderr.write(text),
    interactive: false,
  });
  if (code !== 0) throw new Error(`reproduce ${plan.experiment} (${plan.label}, seed ${seed}) exited with ${code}`);
  const report = JSON.parse(await readFile(reportFile, 'utf8')) as Report;
  await rm(reportFile);
  if (report.backend !== BACKEND) throw new Error(`the claims are measured on ${BACKEND}, but the run used ${report.backend}`);
  return { report, seconds: (performance.now() - started) / 1000 };
}

async function runSet(set: MeasurementSet, scratch: string): Promise<object> {
  const runs: Record<string, StoredRun> = {};
  for (const plan of set.runs) {
    const stored: StoredRun = { experiment: plan.experiment, label: plan.label, overrides: plan.overrides, config: {}, configHash: '', seconds: [], arms: {} };
    for (const [i, seed] of set.seeds.entries()) {
      const { report, seconds } = await runOnce(plan, seed, scratch);
      stored.config = report.config;
      stored.configHash = configHash(report.config, getExperiment(plan.experiment).schema);
      stored.seconds.push(Math.round(seconds));
      const picked = pickMetrics(report.summary, report.arms as unknown as Parameters<typeof pickMetrics>[1], plan.metrics);
      for (const [arm, metrics] of Object.entries(picked)) {
        for (const [metric, value] of Object.entries(metrics)) {
          const series = ((stored.arms[arm] ??= {})[metric] ??= new Array<number | null>(set.seeds.length).fill(null));
          series[i] = value;
        }
      }
      console.log(`${set.id} ${plan.label} seed ${seed}: ${Math.round(seconds)} s`);
    }
    runs[plan.key] = stored;
  }
  return { ...set.header, backend: BACKEND, engine: ENGINE_FINGERPRINT, seeds: [...set.seeds], runs };
}

const only = process.argv.slice(2);
const unknown = only.filter((id) => !SETS.some((s) => s.id === id));
if (unknown.length > 0) {
  console.error(`replicate: unknown claim or study ${unknown.map((id) => `"${id}"`).join(', ')}; valid: ${SETS.map((s) => s.id).join(', ')}`);
  console.error('usage: npm run replicate [-- R1 R2 <study> …]');
  process.exit(2);
}
const chosen = only.length === 0 ? SETS : SETS.filter((s) => only.includes(s.id));
const scratch = await mkdtemp(join(tmpdir(), 'replicate-'));
const started = performance.now();
try {
  await mkdir(join(OUT_DIR, 'studies'), { recursive: true });
  for (const set of chosen) {
    const text = `${JSON.stringify(await runSet(set, scratch), null, 1)}\n`;
    if (text.length > MAX_BYTES) throw new Error(`${set.id}: ${text.length} bytes, over ${MAX_BYTES}`);
    await writeFile(set.path, text);
    console.log(`wrote ${set.path}`);
  }
  console.log(`replicate: ${chosen.length} set(s) in ${((performance.now() - started) / 60000).toFixed(1)} min`);
} finally {
  await rm(scratch, { recursive: true, force: true });
}
