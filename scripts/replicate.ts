/**
 * `npm run replicate [-- R3 R6]`: runs every claim's experiments (src/replication/plan.ts) through the
 * reproduce CLI, one run at a time, on seeds 1–3, and writes src/replication/<claim>.json with the
 * summary numbers the claim is about (src/replication/measured.ts). The /replication/ page is built
 * from those files; tests/unit/replication/freshness.test.ts fails when an experiment's config moved
 * away from what a file records. Slow (tens of minutes): run it under `nice -n 10`.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reproduce } from '../src/lab/cli/main';
import type { Report } from '../src/lab/cli/report';
import { configHash } from '../src/lab/schema';
import { BACKEND, CLAIM_PLANS, SEEDS, claimPlan, type ClaimPlan, type RunPlan } from '../src/replication/plan';
import { pickMetrics, type ClaimFile, type StoredRun } from '../src/replication/measured';

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

async function runClaim(claim: ClaimPlan, scratch: string): Promise<ClaimFile> {
  const runs: Record<string, StoredRun> = {};
  for (const plan of claim.runs) {
    const stored: StoredRun = { experiment: plan.experiment, label: plan.label, overrides: plan.overrides, config: {}, configHash: '', seconds: [], arms: {} };
    for (const [i, seed] of SEEDS.entries()) {
      const { report, seconds } = await runOnce(plan, seed, scratch);
      stored.config = report.config;
      stored.configHash = configHash(report.config);
      stored.seconds.push(Math.round(seconds));
      const picked = pickMetrics(report.summary, report.arms as unknown as Parameters<typeof pickMetrics>[1], plan.metrics);
      for (const [arm, metrics] of Object.entries(picked)) {
        for (const [metric, value] of Object.entries(metrics)) {
          const series = ((stored.arms[arm] ??= {})[metric] ??= new Array<number | null>(SEEDS.length).fill(null));
          series[i] = value;
        }
      }
      console.log(`${claim.claim} ${plan.label} seed ${seed}: ${Math.round(seconds)} s`);
    }
    runs[plan.key] = stored;
  }
  return { claim: claim.claim, backend: BACKEND, seeds: [...SEEDS], runs };
}

const only = process.argv.slice(2);
let claims: readonly ClaimPlan[];
try {
  claims = only.length === 0 ? CLAIM_PLANS : only.map(claimPlan);
} catch (err) {
  console.error(`replicate: ${(err as Error).message}\nusage: npm run replicate [-- R1 R2 …]`);
  process.exit(2);
}
const scratch = await mkdtemp(join(tmpdir(), 'replicate-'));
const started = performance.now();
try {
  for (const claim of claims) {
    const text = `${JSON.stringify(await runClaim(claim, scratch), null, 1)}\n`;
    if (text.length > MAX_BYTES) throw new Error(`${claim.claim}: ${text.length} bytes, over ${MAX_BYTES}`);
    await writeFile(join(OUT_DIR, `${claim.claim.toLowerCase()}.json`), text);
    console.log(`wrote ${OUT_DIR}/${claim.claim.toLowerCase()}.json`);
  }
  console.log(`replicate: ${claims.length} claim(s) in ${((performance.now() - started) / 60000).toFixed(1)} min`);
} finally {
  await rm(scratch, { recursive: true, force: true });
}
