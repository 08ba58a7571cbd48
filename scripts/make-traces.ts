/**
 * `npm run traces`: runs the reproduce CLI for every widget's experiment with its default config and
 * the trace plan's seed, then writes src/traces/<experiment>.json (src/traces/trace.ts says what is
 * kept). Re-run it whenever an experiment's defaults or engine change; the trace tests say when.
 * `npm run traces -- landscape landscape-convnet` re-makes only the traces named (traceName).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reproduce } from '../src/lab/cli/main';
import { writeDataFile } from './write-data-file';
import type { Report } from '../src/lab/cli/report';
import { configHash } from '../src/lab/schema';
import { getExperiment } from '../src/lab/experiments/registry';
import { ENGINE_FINGERPRINT } from '../src/lab/engine-fingerprint';
import { lastSnapshots, shapeTrace, traceName, TRACE_PLANS, type StoredColumns, type Trace } from '../src/traces/trace';

const OUT_DIR = 'src/traces';
/** Keeps committed figures light. */
const MAX_BYTES = 150_000;

const scratch = await mkdtemp(join(tmpdir(), 'traces-'));
try {
  const only = process.argv.slice(2);
  for (const plan of TRACE_PLANS.filter((p) => only.length === 0 || only.includes(traceName(p)))) {
    const reportFile = join(scratch, `${traceName(plan)}.json`);
    const args = [plan.experiment, '--seed', String(plan.seed), '--out', reportFile, ...(plan.lastSnapshot ? ['--snapshots'] : []), ...(plan.model ? ['--set', `model=${plan.model}`] : [])];
    const code = await reproduce(args, {
      out: (text) => process.stdout.write(text),
      err: (text) => process.stderr.write(text),
      interactive: false,
    });
    if (code !== 0) throw new Error(`reproduce ${plan.experiment} exited with ${code}`);
    const report = JSON.parse(await readFile(reportFile, 'utf8')) as Report;
    const trace: Trace = {
      experiment: report.experiment,
      seed: report.seed,
      steps: report.steps,
      backend: report.backend,
      configHash: configHash(report.config, getExperiment(plan.experiment).schema),
      engine: ENGINE_FINGERPRINT,
      stride: plan.stride,
      arms: shapeTrace(report.arms as unknown as StoredColumns, plan),
      ...(plan.lastSnapshot && report.snapshots && { snapshots: lastSnapshots(report.snapshots) }),
    };
    await writeDataFile(OUT_DIR, traceName(plan), trace, MAX_BYTES, 'trace');
  }
} finally {
  await rm(scratch, { recursive: true, force: true });
}
