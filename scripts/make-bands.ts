/**
 * `npm run bands`: the seed bands of the live figures (src/traces/band.ts). For each plan, runs seeds
 * 2–5 of the figure's default config through the reproduce CLI, takes seed 1 from the committed trace
 * (the same run; refused unless the trace is fresh), and writes src/traces/bands/<experiment>.json.
 * `npm run bands -- landscape` re-makes only the bands named. Run it after `npm run traces`, under
 * `nice -n 10`: four seeds of every figure take about half an hour on a shared 2-core machine.
 */
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reproduce } from '../src/lab/cli/main';
import { writeDataFile } from './write-data-file';
import type { Report } from '../src/lab/cli/report';
import { configHash } from '../src/lab/schema';
import { getExperiment } from '../src/lab/experiments/registry';
import { ENGINE_FINGERPRINT } from '../src/lab/engine-fingerprint';
import { SEEDS } from '../src/replication/plan';
import { shapeTrace, TRACE_PLANS, type StoredColumns, type Trace } from '../src/traces/trace';
import { BAND_PLANS, bandRows, type BandFile } from '../src/traces/band';

const OUT_DIR = 'src/traces/bands';
/** A band ships with its figure's script when the reader asks for it: keep it small. */
const MAX_BYTES = 40_000;

await mkdir(OUT_DIR, { recursive: true });
const scratch = await mkdtemp(join(tmpdir(), 'bands-'));
try {
  const only = process.argv.slice(2);
  for (const plan of BAND_PLANS.filter((p) => only.length === 0 || only.includes(p.experiment))) {
    // The bands are of the default network: its trace's plan, not a convnet one.
    const tracePlan = TRACE_PLANS.find((p) => p.experiment === plan.experiment && !p.model)!;
    const trace = JSON.parse(await readFile(`src/traces/${plan.experiment}.json`, 'utf8')) as Trace;
    const experiment = getExperiment(plan.experiment);
    const hash = configHash(experiment.defaults, experiment.schema);
    if (trace.configHash !== hash || trace.engine !== ENGINE_FINGERPRINT || trace.seed !== SEEDS[0]) {
      throw new Error(`src/traces/${plan.experiment}.json is stale or not seed ${SEEDS[0]}: run npm run traces -- ${plan.experiment} first`);
    }
    const seedArms: StoredColumns[] = [trace.arms];
    for (const seed of SEEDS.slice(1)) {
      const reportFile = join(scratch, `${plan.experiment}-${seed}.json`);
      const code = await reproduce([plan.experiment, '--seed', String(seed), '--out', reportFile], {
        out: (text) => process.stdout.write(text),
        err: (text) => process.stderr.write(text),
        interactive: false,
      });
      if (code !== 0) throw new Error(`reproduce ${plan.experiment} --seed ${seed} exited with ${code}`);
      const report = JSON.parse(await readFile(reportFile, 'utf8')) as Report;
      if (report.backend !== trace.backend) throw new Error(`seed ${seed} ran on ${report.backend}, the trace on ${trace.backend}`);
      seedArms.push(shapeTrace(report.arms as unknown as StoredColumns, tracePlan));
    }
    const band: BandFile = {
      experiment: plan.experiment,
      metric: plan.metric,
      backend: trace.backend,
      configHash: hash,
      engine: ENGINE_FINGERPRINT,
      seeds: [...SEEDS],
      ...bandRows(seedArms, plan, tracePlan.stride, trace.steps - 1),
    };
    await writeDataFile(OUT_DIR, plan.experiment, band, MAX_BYTES, 'band');
  }
} finally {
  await rm(scratch, { recursive: true, force: true });
}
