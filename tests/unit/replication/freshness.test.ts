/**
 * The committed replication files (src/replication/<claim>.json and studies/<study>.json) must be runs
 * of the experiments' current configs on the current engine: a changed default, a changed engine
 * constant or ENGINE_VERSION makes a file stale, and the message names the command that re-measures it.
 * Also: every number the page shows or checks is in its file, for every seed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getExperiment } from '../../../src/lab/experiments/registry';
import { configHash, resolveConfig } from '../../../src/lab/schema';
import { ENGINE_FINGERPRINT, staleEngine } from '../../../src/lab/engine-fingerprint';
import { BACKEND, CLAIM_PLANS, SEEDS } from '../../../src/replication/plan';
import { MEASUREMENT_SETS, remakeCommand } from '../../../src/replication/sets';
import { CLAIMS } from '../../../src/replication/claims';
import type { ClaimFile } from '../../../src/replication/measured';

/** Summaries only: curves would be far bigger. */
const MAX_BYTES = 20_000;

describe.each(MEASUREMENT_SETS.map((s) => [s.id, s] as const))('replication file of %s', (_, set) => {
  // A plan without its file (a new claim or study) fails below, saying how to measure it.
  const text = existsSync(set.path) ? readFileSync(set.path, 'utf8') : '{"runs":{}}';
  const file = JSON.parse(text) as ClaimFile & { study?: string };
  const remake = `re-measure it: ${remakeCommand(set)}`;

  it('was measured with the experiments’ current configs (configHash) and engine (fingerprint)', () => {
    expect(existsSync(set.path), `${set.path} is missing; measure it: ${remakeCommand(set)}`).toBe(true);
    expect({ claim: file.claim, study: file.study }).toEqual({ claim: undefined, study: undefined, ...set.header });
    expect(file.engine, staleEngine(set.path, remakeCommand(set))).toBe(ENGINE_FINGERPRINT);
    expect(Object.keys(file.runs).sort(), `the plan's runs changed; ${remake}`).toEqual(set.runs.map((r) => r.key).sort());
    for (const run of set.runs) {
      const stored = file.runs[run.key]!;
      const { schema } = getExperiment(run.experiment);
      const current = resolveConfig(schema, run.overrides);
      expect(stored.experiment).toBe(run.experiment);
      expect(stored.configHash, `${set.path} (${run.label}) is stale: ${run.experiment}'s config changed; ${remake}`).toBe(configHash(current, schema));
      expect(stored.configHash).toBe(configHash(stored.config, schema));
    }
  });

  it(`holds every planned metric for every seed, measured on ${BACKEND}`, () => {
    expect(file.backend).toBe(BACKEND);
    expect(file.seeds, `the plan's seeds changed; ${remake}`).toEqual([...set.seeds]);
    for (const run of set.runs) {
      const arms = Object.values(file.runs[run.key]!.arms);
      for (const metric of run.metrics) expect(arms.some((a) => a[metric]?.length === set.seeds.length), `${run.key} has no ${metric}; ${remake}`).toBe(true);
    }
  });

  it(`stays under ${MAX_BYTES / 1000} kB`, () => {
    expect(text.length).toBeLessThan(MAX_BYTES);
  });
});

describe('the claims the page shows', () => {
  it('cover R1–R7 and the convnet rows R1c–R5c, one each, with one file per plan, on seeds 1–5', () => {
    expect(CLAIMS.map((c) => c.id)).toEqual(CLAIM_PLANS.map((p) => p.claim));
    expect([...SEEDS]).toEqual([1, 2, 3, 4, 5]);
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
