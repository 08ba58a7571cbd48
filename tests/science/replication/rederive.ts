/**
 * One source of truth for each claim: re-derives replication files' runs (claims and studies) on the seeds
 * freshSeedsOf gives (fresh-runs.ts) and asserts (1) the fresh numbers equal the committed ones within
 * TOLERANCE, (2) each of the page's own checks (CLAIMS[].checks, evaluated by report.ts) comes out on the
 * fresh numbers exactly as on the committed ones, seed by seed, so the verdicts the page shows are what the
 * engine computes now, and (3) every committed trace equals the seed-1 run it was made from, on rows sampled
 * across the whole run and the WGAN snapshots. No threshold is repeated here: they live in
 * src/replication/claims.ts.
 *
 * The files are re-derived in two halves (replication-1of2 and -2of2.test.ts): each run keeps one core busy,
 * so two test files side by side use both cores of the 2-core machine the suite is timed on.
 */
import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { configHash } from '../../../src/lab/schema';
import { getExperiment } from '../../../src/lab/experiments/registry';
import { CLAIMS } from '../../../src/replication/claims';
import type { ClaimFile } from '../../../src/replication/measured';
import { evaluateCheck } from '../../../src/replication/report';
import { MEASUREMENT_SETS, remakeCommand, type MeasurementSet } from '../../../src/replication/sets';
import { TRACE_PLANS, type Trace } from '../../../src/traces/trace';
import { freshSeedsOf, measureSet, restrictSeeds, TOLERANCE, type FreshRun } from './fresh-runs';
import { compareTrace } from './trace-check';

const TRACES: readonly Trace[] = TRACE_PLANS.map((p) => JSON.parse(readFileSync(`src/traces/${p.experiment}.json`, 'utf8')) as Trace);

const seedsOf = (set: MeasurementSet): readonly number[] => freshSeedsOf(set, CLAIMS.some((c) => c.id === set.id));

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
 * to the shard with the least work so far, so the halves take about as long (one WGAN file costs what ten MLP
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
  });
}
