/**
 * A committed trace against the run that made it, re-derived: rows sampled evenly across the whole run
 * (first, last and SAMPLED_ROWS between, so a late drift is caught, not only the start) and each arm's
 * last snapshot. Traces keep SIGNIFICANT digits (snapshots SNAPSHOT_SIGNIFICANT), so a stored number may
 * differ from the live one by half a unit in its last digit, plus float slack.
 */
import { expect } from 'vitest';
import { snapshotsOf, type Columns } from '../../../src/lab/worker/columns';
import { SIGNIFICANT, SNAPSHOT_SIGNIFICANT, type Trace } from '../../../src/traces/trace';

const SAMPLED_ROWS = 40;
const slack = (digits: number) => 0.5 * 10 ** (1 - digits) + 1e-5;
const ABSOLUTE = 1e-6;

/** A stored trace number against the live one: within half a unit of its last kept digit, plus float slack. */
export function close(actual: number | undefined, stored: number, digits: number, what: string): void {
  expect(actual, what).toBeDefined();
  expect(Math.abs(actual! - stored), `${what}: live ${actual} vs stored ${stored}`).toBeLessThanOrEqual(slack(digits) * Math.abs(stored) + ABSOLUTE);
}

/** Evenly spaced row indices of `count` rows, first and last included. */
function sampleRows(count: number): number[] {
  if (count <= SAMPLED_ROWS) return Array.from({ length: count }, (_, i) => i);
  return [...new Set(Array.from({ length: SAMPLED_ROWS }, (_, k) => Math.round((k * (count - 1)) / (SAMPLED_ROWS - 1))))];
}

/** Compares the trace with the live columns; returns how many numbers were compared. */
export function compareTrace(name: string, trace: Trace, live: Columns): number {
  let compared = 0;
  for (const [arm, columns] of Object.entries(trace.arms)) {
    const steps = columns.step!;
    expect(steps.at(-1), `${name} ${arm}: the trace ends at the run's last step`).toBe(live[arm]!.step.at(-1));
    for (const row of sampleRows(steps.length)) {
      const step = steps[row]!;
      const liveRow = live[arm]!.step.indexOf(step);
      expect(liveRow, `${name} ${arm} step ${step}`).toBeGreaterThanOrEqual(0);
      for (const [metric, values] of Object.entries(columns)) {
        const stored = values[row];
        if (metric === 'step' || stored === null || stored === undefined) continue;
        close(live[arm]![metric]?.[liveRow], stored, SIGNIFICANT, `${name} ${arm} ${metric} at step ${step}`);
        compared++;
      }
    }
  }
  for (const [arm, stored] of Object.entries(trace.snapshots ?? {})) {
    const last = snapshotsOf(live, arm).at(-1);
    expect(last?.step, `${name} ${arm}: the last snapshot's step`).toBe(stored.step);
    for (const key of ['points', 'value', 'gradNorm'] as const) {
      stored.snapshot[key].forEach((v, i) => close(last!.snapshot[key][i], v, SNAPSHOT_SIGNIFICANT, `${name} ${arm} snapshot ${key}[${i}]`));
      compared += stored.snapshot[key].length;
    }
  }
  return compared;
}
