/**
 * One source of truth for each claim: re-derives replication files' runs (claims and studies) on the seeds
 * freshSeedsOf gives (fresh-runs.ts) and asserts (1) the fresh numbers equal the committed ones within
 * TOLERANCE, (2) each of the page's own checks (CLAIMS[].checks, evaluated by report.ts) comes out on the
 * fresh numbers exactly as on the committed ones, seed by seed, so the verdicts the page shows are what the
 * engine computes now, and (3) every committed trace equals the seed-1 run it was made from, on rows sampled
 * across the whole run and the WGAN snapshots. No threshold is repeated here: they live in
 * src/replication/claims.ts.
 *
 * The files are re-derived in quarters (replication-1of4 … 4of4.test.ts): each run keeps one core busy and the
 * science project runs two test files side by side, one per core of the 2-core machine the suite is timed on.
 * Quarters rather than halves because the costs shardOf deals by are the seconds `npm run replicate` recorded,
 * which drift as the lab gets faster (the WGAN and convnet files most): in halves the split had drifted to 139
 * against 81 s; four smaller files let the two workers even out what the recorded costs get wrong.
 */
import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { configHash } from '../../../src/lab/schema';
import { getExperiment } from '../../../src/lab/experiments/registry';
import { CLAIMS } from '../../../src/replication/claims';
import type { ClaimFile } from '../../../src/replication/measured';
import { evaluateCheck } from '../../../src/replication/report';
import { MEASUREMENT_SETS, remakeCommand, type MeasurementSet } from '../../../src/replication/sets';
import { SIGNIFICANT, traceName, TRACE_PLANS, type Trace } from '../../../src/traces/trace';
import { freshSeedsOf, measureSet, restrictSeeds, type FreshRun } from './fresh-runs';
import { TOLERANCE } from '../../../src/replication/plan';
import { close, compareTrace } from './trace-check';

/**
 * The traces of the default networks. The convnet traces are the seed-1 runs of R2c–R4c, which these tests do not
 * re-derive (fresh-runs.ts): they are held to those rows' committed numbers (tests/unit/traces/convnet-traces.test.ts).
 */
const readTrace = (name: string) => JSON.parse(readFileSync(`src/traces/${name}.json`, 'utf8')) as Trace;
const TRACES: readonly Trace[] = TRACE_PLANS.filter((p) => !p.model).map((p) => readTrace(traceName(p)));
const CONVNET_TRACES = TRACE_PLANS.filter((p) => p.model).map((p) => ({ name: traceName(p), trace: readTrace(traceName(p)) }));

/**
 * The plain convnet training run (R1c's bn-vs-standard): R2c–R4c train their standard and BatchNorm arms on the same
 * network, batches and seed, step for step (noise, G′ and probes add arms or only measure), so R1c's re-derived seed-1
 * run re-derives those arms' loss curves in the convnet traces over the whole run, at no extra training.
 */
const isConvnetTraining = (set: MeasurementSet) => set.runs.some((r) => r.experiment === 'bn-vs-standard' && r.overrides.model === 'convnet');

const seedsOf = freshSeedsOf;

/** The files the science tests re-derive (the others are held fresh by config hash and engine fingerprint). */
export const REDERIVED = MEASUREMENT_SETS.filter((s) => seedsOf(s).length > 0);

/** Seconds the file's runs took on the seeds the tests re-derive, as `npm run replicate` recorded them. */
function costOf(set: MeasurementSet): number {
  const file = JSON.parse(readFileSync(set.path, 'utf8')) as ClaimFile;
  const seeds = seedsOf(set);
  return Object.values(file.runs).reduce((sum, run) => sum + seeds.reduce((s, seed) => s + (run.seconds[file.seeds.indexOf(seed)] ?? 0), 0), 0);
}

/**
 * The part of REDERIVED that shard `k` (0-based) of `of` re-derives: the files dealt out costliest first, each
 * to the shard with the least work so far, so the shards take about as long (one WGAN file costs what ten MLP
 * files do).
 */
export function shardOf(k: number, of: number): readonly MeasurementSet[] {
  const load = Array<number>(of).fill(0);
  const shard = new Map<MeasurementSet, number>();
  for (const { set, cost } of REDERIVED.map((set) => ({ set, cost: costOf(set) })).sort((a, b) => b.cost - a.cost)) {
    const lightest = load.indexOf(Math.min(...load));
    shard.set(set, lightest);
    load[lightest]! += cost;
  }
  return REDERIVED.filter((set) => shard.get(set) === k);
}

/** Whether a trace was made from `set`'s committed run `key` (same experiment and config hash) on a seed the tests re-derive. */
function madeFrom(trace: Trace, set: MeasurementSet, file: ClaimFile, key: string): boolean {
  const run = file.runs[key];
  return run !== undefined && run.experiment === trace.experiment && run.configHash === trace.configHash && seedsOf(set).includes(trace.seed);
}

/** Every trace is made from a run some shard re-derives: a file's own test cannot see the others'. */
export function itTracesAreRederived(): void {
  it('every committed trace is the seed-1 run of a replication file the tests re-derive', () => {
    const files = REDERIVED.map((set) => ({ set, file: JSON.parse(readFileSync(set.path, 'utf8')) as ClaimFile }));
    const orphans = TRACES.filter((trace) => !files.some(({ set, file }) => Object.keys(file.runs).some((key) => madeFrom(trace, set, file, key))));
    expect(orphans.map((t) => t.experiment)).toEqual([]);
  });
}

/** The tests of each file in `sets`, one describe block per file. */
export function rederive(sets: readonly MeasurementSet[]): void {
  describe.each(sets.map((s) => [`${s.id} re-derived on ${seedsOf(s).length > 1 ? 'seeds' : 'seed'} ${seedsOf(s).join(' and ')}`, s] as const))('%s', (_, set) => {
    const seeds = seedsOf(set);
    let stored: ClaimFile;
    let committed: ClaimFile;
    let fresh: ClaimFile;
    let runs: FreshRun[];

    beforeAll(async () => {
      if (!existsSync(set.path)) throw new Error(`${set.path} is missing; measure it: ${remakeCommand(set)}`);
      stored = JSON.parse(readFileSync(set.path, 'utf8')) as ClaimFile;
      committed = restrictSeeds(stored, seeds);
      ({ file: fresh, runs } = await measureSet(set, seeds));
    });

    it('gives the committed numbers', () => {
      for (const [key, run] of Object.entries(committed.runs)) {
        for (const [arm, metrics] of Object.entries(run.arms)) {
          for (const [metric, values] of Object.entries(metrics)) {
            values.forEach((value, i) => {
              const now = fresh.runs[key]?.arms[arm]?.[metric]?.[i];
              const what = `${set.path} ${key}/${arm}/${metric}, seed ${seeds[i]}: now ${now}, committed ${value}`;
              if (value === null) expect(now, what).toBeNull();
              else expect(Math.abs(now! - value), what).toBeLessThanOrEqual(TOLERANCE.relative * Math.abs(value) + TOLERANCE.absolute);
            });
          }
        }
      }
    });

    const claim = CLAIMS.find((c) => c.id === set.id);
    if (claim) {
      it('each of the page’s checks holds on the same seeds as in the committed file', () => {
        for (const check of claim.checks) expect(evaluateCheck(fresh, check).holdsOn, check.text).toEqual(evaluateCheck(committed, check).holdsOn);
      });
    }

    it('re-derives the traces made from these runs', () => {
      for (const trace of TRACES) {
        for (const key of Object.keys(stored.runs).filter((k) => madeFrom(trace, set, stored, k))) {
          const run = runs.find((r) => r.plan.key === key && r.seed === trace.seed)!;
          // The stored hash says which run; the fresh config must still hash to it.
          expect(configHash(run.config, getExperiment(run.plan.experiment).schema), `${trace.experiment} config`).toBe(trace.configHash);
          expect(compareTrace(trace.experiment, trace, run.columns), trace.experiment).toBeGreaterThan(10);
        }
      }
    });

    if (isConvnetTraining(set)) {
      it('re-derives the convnet traces’ standard and BatchNorm loss at every step', () => {
        for (const { name, trace } of CONVNET_TRACES) {
          const run = runs.find((r) => r.seed === trace.seed)!;
          for (const arm of Object.keys(run.columns)) {
            const stored = trace.arms[arm]!;
            const fresh = run.columns[arm]!;
            expect(stored.step, `${name} ${arm} steps`).toEqual(fresh.step);
            stored.loss!.forEach((value, i) => close(fresh.loss![i], value!, SIGNIFICANT, `${name} ${arm} loss at step ${stored.step![i]} (${set.id} re-derived)`));
          }
        }
      });
    }
  });
}
