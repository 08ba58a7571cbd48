/**
 * One source of truth for each claim: re-derives every replication file's runs (claims and studies) on
 * CLAIM_SEEDS (a claim) or STUDY_SEEDS (a study), the convnet rows as freshSeedsOf says, and asserts (1) the fresh numbers equal the committed ones within TOLERANCE, (2) each of
 * the page's own checks (CLAIMS[].checks, evaluated by report.ts) comes out on the fresh numbers exactly as
 * on the committed ones, seed by seed, so the verdicts the page shows are what the engine computes now,
 * and (3) every committed trace equals the seed-1 run it was made from, on rows sampled across the whole
 * run and the WGAN snapshots. No threshold is repeated here: they live in src/replication/claims.ts.
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

const traces = new Map(TRACE_PLANS.map((p) => [p.experiment, JSON.parse(readFileSync(`src/traces/${p.experiment}.json`, 'utf8')) as Trace]));
/** Traces compared so far, by experiment. */
const traced = new Set<string>();

/** The run the trace was made from: its experiment's defaults (same config hash) on its seed. */
function checkTraces(runs: readonly FreshRun[]): void {
  for (const run of runs) {
    const trace = traces.get(run.plan.experiment);
    if (!trace || traced.has(trace.experiment) || run.seed !== trace.seed || configHash(run.config, getExperiment(run.plan.experiment).schema) !== trace.configHash) continue;
    expect(compareTrace(trace.experiment, trace, run.columns), trace.experiment).toBeGreaterThan(10);
    traced.add(trace.experiment);
  }
}

const seedsOf = (set: MeasurementSet): readonly number[] => freshSeedsOf(set, CLAIMS.some((c) => c.id === set.id));
const rederived = MEASUREMENT_SETS.filter((s) => seedsOf(s).length > 0);

describe.each(rederived.map((s) => [`${s.id} re-derived on ${seedsOf(s).length > 1 ? 'seeds' : 'seed'} ${seedsOf(s).join(' and ')}`, s] as const))('%s', (_, set) => {
  const id = set.id;
  const seeds = seedsOf(set);
  let committed: ClaimFile;
  let fresh: ClaimFile;
  let runs: FreshRun[];

  beforeAll(async () => {
    if (!existsSync(set.path)) throw new Error(`${set.path} is missing; measure it: ${remakeCommand(set)}`);
    committed = restrictSeeds(JSON.parse(readFileSync(set.path, 'utf8')) as ClaimFile, seeds);
    ({ file: fresh, runs } = await measureSet(set, seeds));
  });

  it('gives the committed numbers', () => {
    for (const [key, run] of Object.entries(committed.runs)) {
      for (const [arm, metrics] of Object.entries(run.arms)) {
        for (const [metric, values] of Object.entries(metrics)) {
          values.forEach((stored, i) => {
            const now = fresh.runs[key]?.arms[arm]?.[metric]?.[i];
            const what = `${set.path} ${key}/${arm}/${metric}, seed ${seeds[i]}: now ${now}, committed ${stored}`;
            if (stored === null) expect(now, what).toBeNull();
            else expect(Math.abs(now! - stored), what).toBeLessThanOrEqual(TOLERANCE.relative * Math.abs(stored) + TOLERANCE.absolute);
          });
        }
      }
    }
  });

  const claim = CLAIMS.find((c) => c.id === id);
  if (claim) {
    it('each of the page’s checks holds on the same seeds as in the committed file', () => {
      for (const check of claim.checks) expect(evaluateCheck(fresh, check).holdsOn, check.text).toEqual(evaluateCheck(committed, check).holdsOn);
    });
  }

  it('re-derives the traces made from these runs', () => checkTraces(runs));
});

describe('traces', () => {
  it('every committed trace was re-derived from one of the runs above', () => {
    expect([...traced].sort()).toEqual(TRACE_PLANS.map((p) => p.experiment).sort());
  });
});
