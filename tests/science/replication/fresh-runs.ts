/**
 * Re-derives a replication file's runs in the test process: the experiment's own run and summary, cut
 * down by the same pickMetrics as `npm run replicate` (which goes through the reproduce CLI), so the
 * test also checks that the CLI path and the direct path agree.
 */
import { initBackend } from '../../../src/lab/tf';
import { readDigitsFile } from '../../../src/lab/data/digits-file';
import { getExperiment } from '../../../src/lab/experiments/registry';
import { resolveConfig } from '../../../src/lab/schema';
import { toColumns, type Columns } from '../../../src/lab/worker/columns';
import type { Config, DigitData, MetricRecord } from '../../../src/lab/types';
import { BACKEND, type RunPlan } from '../../../src/replication/plan';
import { pickMetrics, type ClaimFile, type StoredRun } from '../../../src/replication/measured';
import type { MeasurementSet } from '../../../src/replication/sets';

/**
 * The seed `npm test` re-derives (the committed files hold 1–5; `npm run replicate` measures all five): seed 1,
 * the seed of every trace, so each trace is re-derived from the very run the test makes. The runs are
 * deterministic, so one seed re-derived exactly shows the engine still makes a file's numbers, and a claim's page
 * checks are evaluated on the fresh numbers of that seed (the page evaluates them on all five committed seeds). Claims
 * were also re-derived on seed 3 until 2026-12-03; no claim's run leaves a code path on seed 3 it does not take
 * on seed 1 (no arm diverges on any seed), and those runs cost 93 s of the suite (docs/protocol.md). Files below
 * that run only code another file re-derives are not re-run at all.
 */
const FRESH_SEEDS = [1] as const;

/**
 * The convnet rows (R1c–R5c, docs/protocol.md) instead: a convnet run costs what about ten MLP runs cost, and
 * re-deriving all five rows would add some 8 minutes. Only the cheapest, R1c, is re-derived, on
 * seed 1: its exact match shows the convnet's engine (convolution, its gradient, channel BatchNorm, pooling)
 * unchanged, and its check is evaluated on the fresh numbers. R2c–R5c run the same network through code the
 * MLP claims re-derive (noise, ℓp, G′, probes); they are held fresh by their config hash and the engine
 * fingerprint (tests/unit/replication/freshness.test.ts), and are not re-run here.
 */
const CONVNET_SEEDS: Readonly<Record<string, readonly number[]>> = { R1c: [1], R2c: [], R3c: [], R4c: [], R5c: [] };

/**
 * The two dearest studies, by the same argument: they run a claim's experiment and network with other
 * settings (a learning rate, a layer, λ or c), through code that claim's own runs re-derive, R6 (wgan) and R3
 * (ics-gradients, the deep linear network). Re-deriving them cost 271 and 104 s of CPU on seed
 * 1 alone, over a third of the project's; they are held fresh by config hash and engine fingerprint instead.
 */
const HELD_BY_FINGERPRINT = new Set(['wgan-settings', 'ics-settings']);

/** The seeds the science tests re-derive a replication file on (none: held fresh by hash and fingerprint). */
export function freshSeedsOf(set: MeasurementSet): readonly number[] {
  if (HELD_BY_FINGERPRINT.has(set.id)) return [];
  return CONVNET_SEEDS[set.id] ?? FRESH_SEEDS;
}

export interface FreshRun {
  plan: RunPlan;
  seed: number;
  config: Config;
  columns: Columns;
}

let digits: Promise<DigitData> | undefined;

export async function runOnce(plan: RunPlan, seed: number): Promise<{ run: FreshRun; picked: ReturnType<typeof pickMetrics> }> {
  const { backend } = await initBackend(BACKEND);
  if (backend !== BACKEND) throw new Error(`the claims are measured on ${BACKEND}, but ${backend} is in use`);
  digits ??= readDigitsFile();
  const exp = getExperiment(plan.experiment);
  const config = resolveConfig(exp.schema, plan.overrides);
  const records: MetricRecord[] = [];
  for await (const r of exp.run(config, { seed, loadDigits: () => digits! })) records.push(r);
  const columns = toColumns(records);
  const picked = pickMetrics(exp.summarize(records, config), columns as unknown as Parameters<typeof pickMetrics>[1], plan.metrics);
  return { run: { plan, seed, config, columns }, picked };
}

/** A set's runs on `seeds`, in the committed file's shape (seeds in the given order), and every run made. */
export async function measureSet(set: MeasurementSet, seeds: readonly number[]): Promise<{ file: ClaimFile; runs: FreshRun[] }> {
  const runs: FreshRun[] = [];
  const stored: Record<string, StoredRun> = {};
  for (const plan of set.runs) {
    const arms: StoredRun['arms'] = {};
    for (const [i, seed] of seeds.entries()) {
      const { run, picked } = await runOnce(plan, seed);
      runs.push(run);
      for (const [arm, metrics] of Object.entries(picked)) {
        for (const [metric, value] of Object.entries(metrics)) {
          ((arms[arm] ??= {})[metric] ??= new Array<number | null>(seeds.length).fill(null))[i] = value;
        }
      }
    }
    stored[plan.key] = { experiment: plan.experiment, label: plan.label, overrides: plan.overrides, config: {}, configHash: '', seconds: [], arms };
  }
  const file = { ...set.header, backend: BACKEND, engine: '', seeds: [...seeds], runs: stored } as ClaimFile;
  return { file, runs };
}

/** The committed file cut to `seeds` (in that order), so checks can be evaluated on the same seeds. */
export function restrictSeeds(file: ClaimFile, seeds: readonly number[]): ClaimFile {
  const index = seeds.map((s) => file.seeds.indexOf(s));
  if (index.some((i) => i < 0)) throw new Error(`${file.claim ?? 'the file'} lacks seeds ${seeds.join(', ')}`);
  const runs = Object.fromEntries(
    Object.entries(file.runs).map(([key, run]) => [
      key,
      {
        ...run,
        arms: Object.fromEntries(
          Object.entries(run.arms).map(([arm, metrics]) => [arm, Object.fromEntries(Object.entries(metrics).map(([m, vs]) => [m, index.map((i) => vs[i] ?? null)]))]),
        ),
      },
    ]),
  );
  return { ...file, seeds: [...seeds], runs };
}
