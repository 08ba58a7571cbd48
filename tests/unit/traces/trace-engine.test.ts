/**
 * A fast first check that each committed trace is what the engine computes for its config and seed:
 * re-run a short prefix of the experiment on the trace's backend and compare every stored number in
 * those steps (traces keep SIGNIFICANT digits, so the tolerance is half a unit in the last kept digit,
 * plus float slack). The science project re-derives every trace over its whole run
 * (tests/science/replication).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { initBackend, type BackendName } from '../../../src/lab/tf';
import { readDigitsFile } from '../../../src/lab/data/digits-file';
import { getExperiment } from '../../../src/lab/experiments/registry';
import { toColumns } from '../../../src/lab/worker/columns';
import type { MetricRecord } from '../../../src/lab/types';
import { SIGNIFICANT, TRACE_PLANS, type Trace } from '../../../src/traces/trace';

/** Two G vs G′ measurements (steps 0 and 20) and twenty noise draws; a few seconds in all. */
const PREFIX_STEPS = 21;
const RELATIVE = 0.5 * 10 ** (1 - SIGNIFICANT) + 1e-5;
const ABSOLUTE = 1e-6;

describe.each(TRACE_PLANS.map((p) => [p.experiment] as const))('trace %s against the engine', (experiment) => {
  const trace = JSON.parse(readFileSync(`src/traces/${experiment}.json`, 'utf8')) as Trace;
  let live: ReturnType<typeof toColumns>;

  beforeAll(async () => {
    await initBackend(trace.backend as BackendName);
    const exp = getExperiment(experiment);
    const records: MetricRecord[] = [];
    for await (const r of exp.run(exp.defaults, { seed: trace.seed, steps: PREFIX_STEPS, loadDigits: readDigitsFile })) records.push(r);
    live = toColumns(records);
  }, 60_000);

  it(`matches every stored number of the first ${PREFIX_STEPS} steps`, () => {
    let compared = 0;
    for (const [arm, columns] of Object.entries(trace.arms)) {
      columns.step!.forEach((step, row) => {
        if (step === null || step >= PREFIX_STEPS) return;
        const liveRow = live[arm]!.step.indexOf(step);
        expect(liveRow, `${arm} step ${step}`).toBeGreaterThanOrEqual(0);
        for (const [metric, values] of Object.entries(columns)) {
          const stored = values[row];
          if (metric === 'step' || stored === null || stored === undefined) continue;
          const actual = live[arm]![metric]?.[liveRow];
          expect(actual, `${arm} ${metric} at step ${step}`).toBeDefined();
          expect(Math.abs(actual! - stored), `${arm} ${metric} at step ${step}: ${actual} vs ${stored}`).toBeLessThanOrEqual(
            RELATIVE * Math.abs(stored) + ABSOLUTE,
          );
          compared++;
        }
      });
    }
    expect(compared).toBeGreaterThan(10);
  });
});
