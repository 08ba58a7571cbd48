/**
 * Metric records → per-arm columns: `{ <arm>: { step: number[], <metric>: number[] } }`.
 *
 * The CLI's JSON and the site's chart series share this one shape. Columns are aligned: the i-th entry
 * of every metric belongs to `step[i]`. Metrics that are measured only on some steps (probes every
 * k-th step, evaluation) hold NaN elsewhere, which d3 skips with `line.defined` and JSON writes as
 * null. Records of one arm at the step just appended are merged into that row, so an experiment may
 * yield its training and probe metrics for a step separately. Type-only imports: safe on the main
 * thread.
 *
 * Snapshots (MetricRecord.snapshot: points and surfaces, thousands of numbers) are not metrics: an
 * arm keeps them in step order under the SNAPSHOTS symbol, which Object.keys/values/entries and JSON
 * skip, so code that walks the metric columns never sees them.
 */
import type { FieldSnapshot, MetricRecord } from '../types';

export const SNAPSHOTS = Symbol('snapshots');

/** A snapshot and the step it was taken at. */
export interface StepSnapshot {
  step: number;
  snapshot: FieldSnapshot;
}

/** One arm's aligned columns; `step` is always present. */
export type ArmColumns = { step: number[]; [SNAPSHOTS]?: StepSnapshot[] } & Record<string, number[]>;
export type Columns = Record<string, ArmColumns>;

/** Appends records in arrival order to `columns` (mutated, also returned) so batches can stream in. */
export function appendRecords(columns: Columns, records: readonly MetricRecord[]): Columns {
  for (const record of records) {
    const arm = (columns[record.arm] ??= { step: [] } as ArmColumns);
    const last = arm.step.length - 1;
    let row = last;
    if (last < 0 || arm.step[last] !== record.step) {
      row = arm.step.length;
      for (const series of Object.values(arm)) series.push(Number.NaN);
      arm.step[row] = record.step;
    }
    for (const [metric, value] of Object.entries(record.metrics)) {
      const series = (arm[metric] ??= new Array<number>(row + 1).fill(Number.NaN));
      series[row] = value;
    }
    if (record.snapshot) (arm[SNAPSHOTS] ??= []).push({ step: record.step, snapshot: record.snapshot });
  }
  return columns;
}

/** An arm's snapshots in step order (none when the arm or its snapshots are missing). */
export function snapshotsOf(columns: Columns, arm: string): readonly StepSnapshot[] {
  return columns[arm]?.[SNAPSHOTS] ?? [];
}

/** All records of a run as columns. */
export function toColumns(records: readonly MetricRecord[]): Columns {
  return appendRecords({}, records);
}
