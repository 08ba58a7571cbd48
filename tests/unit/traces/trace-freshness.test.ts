/**
 * A committed trace is the figure a reader sees first: it must be the run of its experiment's
 * current defaults, or the page would show a stale figure. Re-make traces with `npm run traces`.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { getExperiment } from '../../../src/lab/experiments/registry';
import { configHash } from '../../../src/lab/schema';
import { TRACE_PLANS, type Trace } from '../../../src/traces/trace';

/** The committed traces stay light enough to ship inside a widget's script. */
const MAX_BYTES = 150_000;

const read = (experiment: string) => readFileSync(`src/traces/${experiment}.json`, 'utf8');

describe.each(TRACE_PLANS.map((p) => [p.experiment, p] as const))('trace %s', (experiment, plan) => {
  const trace = JSON.parse(read(experiment)) as Trace;
  const current = getExperiment(experiment);

  it('was made from the experiment’s current defaults (npm run traces re-makes it)', () => {
    expect(trace.experiment).toBe(experiment);
    expect(trace.configHash).toBe(configHash(current.defaults));
    expect(trace.steps).toBe(current.defaults.steps);
  });

  it('uses the plan’s seed and stride and covers every arm to the last step', () => {
    expect(trace.seed).toBe(plan.seed);
    expect(trace.stride).toBe(plan.stride);
    expect(Object.keys(trace.arms).sort()).toEqual([...current.arms].sort());
    for (const columns of Object.values(trace.arms)) expect(columns.step!.at(-1)).toBe(trace.steps - 1);
  });

  it(`stays under ${MAX_BYTES / 1000} kB`, () => {
    expect(read(experiment).length).toBeLessThan(MAX_BYTES);
  });
});
