/**
 * The committed replication files (src/replication/<claim>.json) must be runs of the experiments'
 * current configs: a changed default or engine setting makes the report stale, and CI says how to
 * re-measure it. Also: every number the page shows or checks is in its file.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getExperiment } from '../../../src/lab/experiments/registry';
import { configHash, resolveConfig } from '../../../src/lab/schema';
import { BACKEND, CLAIM_PLANS, SEEDS } from '../../../src/replication/plan';
import { CLAIMS } from '../../../src/replication/claims';
import type { ClaimFile } from '../../../src/replication/measured';

/** Summaries only: curves would be far bigger. */
const MAX_BYTES = 20_000;

const fileName = (claim: string) => `src/replication/${claim.toLowerCase()}.json`;

describe.each(CLAIM_PLANS.map((p) => [p.claim, p] as const))('replication file of %s', (claim, plan) => {
  const text = readFileSync(fileName(claim), 'utf8');
  const file = JSON.parse(text) as ClaimFile;
  const remake = `re-measure it: npm run replicate -- ${claim}`;

  it('was measured with the experiments’ current configs (configHash)', () => {
    expect(file.claim).toBe(claim);
    expect(Object.keys(file.runs).sort(), `the plan's runs changed; ${remake}`).toEqual(plan.runs.map((r) => r.key).sort());
    for (const run of plan.runs) {
      const stored = file.runs[run.key]!;
      const current = resolveConfig(getExperiment(run.experiment).schema, run.overrides);
      expect(stored.experiment).toBe(run.experiment);
      expect(stored.configHash, `${fileName(claim)} (${run.label}) is stale: ${run.experiment}'s config changed; ${remake}`).toBe(configHash(current));
      expect(stored.configHash).toBe(configHash(stored.config));
    }
  });

  it(`holds every planned metric for every seed, measured on ${BACKEND}`, () => {
    expect(file.backend).toBe(BACKEND);
    expect(file.seeds).toEqual([...SEEDS]);
    for (const run of plan.runs) {
      const arms = Object.values(file.runs[run.key]!.arms);
      for (const metric of run.metrics) expect(arms.some((a) => a[metric]?.length === SEEDS.length), `${run.key} has no ${metric}; ${remake}`).toBe(true);
    }
  });

  it(`stays under ${MAX_BYTES / 1000} kB`, () => {
    expect(text.length).toBeLessThan(MAX_BYTES);
  });
});

describe('the claims the page shows', () => {
  it('cover R1–R7, one each, with one file per plan', () => {
    expect(CLAIMS.map((c) => c.id)).toEqual(CLAIM_PLANS.map((p) => p.claim));
  });

  it.each(CLAIMS.map((c) => [c.id, c] as const))('%s shows and checks only numbers its file holds', (_, claim) => {
    const has = (run: string, arm: string, metric: string) => claim.file.runs[run]?.arms[arm]?.[metric]?.length === SEEDS.length;
    for (const { run, metric, arms } of claim.shown) for (const arm of arms) expect(has(run, arm, metric), `${run}/${arm}/${metric}`).toBe(true);
    for (const check of claim.checks) {
      const read: string[] = [];
      check.holds((run, arm, metric) => {
        if (!has(run, arm, metric)) read.push(`${run}/${arm}/${metric}`);
        return 0;
      });
      expect(read, check.text).toEqual([]);
    }
  });
});
