/**
 * A convnet trace (TracePlan.model) is the seed-1 run of its convnet row (R2c–R4c, docs/protocol.md), which the
 * science tests do not re-train (a seed costs 53–158 s: tests/science/replication/fresh-runs.ts). It is held fresh
 * as that row is, without training: the trace's config hash is the row's, both were made by the current engine,
 * and the row's committed seed-1 numbers come out of the trace again (its summary inputs are stored unrounded,
 * TracePlan.full) within the replication tests' TOLERANCE. The science project re-runs the trace's first steps
 * (tests/science/traces/trace-engine.test.ts), and R1c's re-derivation the convnet's engine.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getExperiment } from '../../../src/lab/experiments/registry';
import type { MetricRecord } from '../../../src/lab/types';
import { ENGINE_FINGERPRINT } from '../../../src/lab/engine-fingerprint';
import { pickMetrics, type ClaimFile } from '../../../src/replication/measured';
import { TOLERANCE } from '../../../src/replication/plan';
import { MEASUREMENT_SETS } from '../../../src/replication/sets';
import { traceName, TRACE_PLANS, type StoredColumns, type Trace } from '../../../src/traces/trace';

/** The run's records again, from the trace's rows (every step: a convnet plan's stride is 1). */
function recordsOf(arms: StoredColumns): MetricRecord[] {
  return Object.entries(arms).flatMap(([arm, columns]) =>
    columns.step!.map((step, row) => ({
      arm,
      step: step!,
      metrics: Object.fromEntries(Object.entries(columns).flatMap(([k, vs]) => (k === 'step' || vs[row] == null ? [] : [[k, vs[row]!]]))),
    })),
  );
}

describe.each(TRACE_PLANS.filter((p) => p.model).map((p) => [traceName(p), p] as const))('convnet trace %s', (name, plan) => {
  const trace = JSON.parse(readFileSync(`src/traces/${name}.json`, 'utf8')) as Trace;
  const set = MEASUREMENT_SETS.find((s) => s.runs.some((r) => r.experiment === plan.experiment && r.overrides.model === plan.model))!;
  const run = set.runs.find((r) => r.experiment === plan.experiment && r.overrides.model === plan.model)!;
  const file = JSON.parse(readFileSync(set.path, 'utf8')) as ClaimFile;
  const stored = file.runs[run.key]!;
  const remake = `npm run traces -- ${name} (after ${set.id} is re-measured)`;

  it(`is ${set.id}'s seed-${plan.seed} run: same config, same engine`, () => {
    expect(trace.seed).toBe(plan.seed);
    expect(trace.stride, 'finalLoss needs every step').toBe(1);
    expect(trace.configHash, `${name} is not ${set.id}'s run; re-make it: ${remake}`).toBe(stored.configHash);
    expect(file.engine, `${set.path} was measured by another engine`).toBe(ENGINE_FINGERPRINT);
    expect(trace.engine).toBe(file.engine);
  });

  it(`gives ${set.id}'s committed seed-${plan.seed} numbers`, () => {
    const records = recordsOf(trace.arms);
    const picked = pickMetrics(getExperiment(plan.experiment).summarize(records, stored.config), trace.arms, run.metrics);
    const seed = file.seeds.indexOf(plan.seed);
    let compared = 0;
    for (const [arm, metrics] of Object.entries(stored.arms)) {
      for (const [metric, values] of Object.entries(metrics)) {
        const committed = values[seed]!;
        const now = picked[arm]?.[metric];
        expect(Math.abs(now! - committed), `${name} ${arm} ${metric}: from the trace ${now}, committed ${committed}; ${remake}`).toBeLessThanOrEqual(
          TOLERANCE.relative * Math.abs(committed) + TOLERANCE.absolute,
        );
        compared++;
      }
    }
    expect(compared).toBe(Object.keys(trace.arms).length * run.metrics.length);
  });
});
