/**
 * The reproduce CLI's JSON document and its summary table, both pure.
 * JSON: `{ experiment, seed, steps, backend, config, arms: { <arm>: { step, <metric>… } }, summary }`;
 * metrics measured only on some steps are null elsewhere (columns.ts). With `--snapshots`, also
 * `snapshots: { <arm>: [{ step, snapshot }…] }` (MetricRecord.snapshot; left out otherwise, since one
 * run's snapshots outweigh its metrics many times).
 */
import { snapshotsOf, toColumns, type Columns, type StepSnapshot } from '../worker/columns';
import type { ArmSummary, Config, MetricRecord } from '../types';

export interface Report {
  experiment: string;
  seed: number;
  steps: number;
  backend: string;
  config: Config;
  arms: Columns;
  summary: Record<string, ArmSummary>;
  snapshots?: Record<string, StepSnapshot[]>;
}

export interface ReportInput {
  experiment: string;
  seed: number;
  steps: number;
  backend: string;
  config: Config;
  records: readonly MetricRecord[];
  summary: Record<string, ArmSummary>;
  /** Include the records' snapshots. */
  snapshots?: boolean;
}

export function buildReport(input: ReportInput): Report {
  const { experiment, seed, steps, backend, config, records, summary } = input;
  const arms = toColumns(records);
  // Key order as documented, so reports diff cleanly.
  const report: Report = { experiment, seed, steps, backend, config, arms, summary };
  if (input.snapshots) {
    report.snapshots = Object.fromEntries(Object.keys(arms).map((arm) => [arm, [...snapshotsOf(arms, arm)]]));
  }
  return report;
}

/** Four significant digits, plain booleans, a dash where a key does not apply. */
function cell(value: number | boolean | undefined): string {
  if (value === undefined) return '–';
  if (typeof value === 'boolean') return String(value);
  return Number.isInteger(value) ? String(value) : value.toPrecision(4);
}

/** One row per arm, one column per summary key that any arm has. */
export function summaryTable(summary: Record<string, ArmSummary>): string {
  const arms = Object.keys(summary);
  const keys = [...new Set(arms.flatMap((arm) => Object.keys(summary[arm]!)))];
  const rows = [['arm', ...keys], ...arms.map((arm) => [arm, ...keys.map((k) => cell(summary[arm]![k as keyof ArmSummary]))])];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => r.map((text, c) => text.padEnd(widths[c]!)).join('  ').trimEnd()).join('\n');
}
