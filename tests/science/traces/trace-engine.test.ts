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
import { resolveConfig } from '../../../src/lab/schema';
import { planOverrides, SIGNIFICANT, traceName, TRACE_PLANS, type Trace } from '../../../src/traces/trace';

/** Two G vs G′ measurements (steps 0 and 20) and twenty noise draws; a few seconds in all. */
const PREFIX_STEPS = 21;
/**
 * A convnet step costs what some ten MLP steps do: four steps (step 0's G′ and probes, four noise draws; enough
 * numbers for the count below) show the engine still makes the trace's start, in a few seconds. The whole run is held by its replication row
 * (tests/unit/traces/convnet-traces.test.ts).
 */
const CONVNET_PREFIX_STEPS = 4;
const RELATIVE = 0.5 * 10 ** (1 - SIGNIFICANT) + 1e-5;
const ABSOLUTE = 1e-6;

describe.each(TRACE_PLANS.map((p) => [traceName(p), p] as const))('trace %s against the engine', (name, plan) => {
  const trace = JSON.parse(readFileSync(`src/traces/${name}.json`, 'utf8')) as Trace;
  const prefix = plan.model ? CONVNET_PREFIX_STEPS : PREFIX_STEPS;
  let live: ReturnType<typeof toColumns>;

  beforeAll(async () => {
    await initBackend(trace.backend as BackendName);
    const exp = getExperiment(plan.experiment);
    const records: MetricRecord[] = [];
    const config = resolveConfig(exp.schema, planOverrides(plan));
    for await (const r of exp.run(config, { seed: trace.seed, steps: prefix, loadDigits: readDigitsFile })) records.push(r);
    live = toColumns(records);
  }, 60_000);

  it('matches every stored number of its first steps', () => {
    let compared = 0;
    for (const [arm, columns] of Object.entries(trace.arms)) {
      columns.step!.forEach((step, row) => {
        if (step === null || step >= prefix) return;
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
