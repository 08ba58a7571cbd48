/**
 * Precomputed traces: a widget's default run (its experiment's default config and seed), made by the
 * same engine through the reproduce CLI (scripts/make-traces.ts) and committed as small JSON, so a
 * figure draws the moment it hydrates. A unit test fails when a trace's configHash no longer matches
 * its experiment's defaults, and another re-runs a prefix of steps and compares the numbers.
 *
 * To keep files small a trace holds only the metrics its widget draws, every `stride`-th step (plus
 * every step where a sparse metric was measured, and the last), rounded to SIGNIFICANT digits. A
 * plan may also keep each arm's last snapshot (columns.ts SNAPSHOTS), rounded to SNAPSHOT_SIGNIFICANT
 * digits: one snapshot is thousands of numbers, so only the last is worth its bytes.
 */
import { SNAPSHOTS, type Columns, type StepSnapshot } from '../lab/worker/columns';
import type { Config, FieldSnapshot } from '../lab/types';
import { perEtaKey } from '../lab/measure/landscape-keys';
import { DEFAULT_PROBE_COUNT } from '../lab/experiments/landscape-schema';

export interface TracePlan {
  experiment: string;
  seed: number;
  /** Keep every stride-th step. */
  stride: number;
  /** Metrics measured every step. */
  dense: readonly string[];
  /** Metrics measured on some steps only (their rows are always kept). */
  sparse: readonly string[];
  /** Keep each arm's last snapshot (the experiment takes them; the CLI writes them with --snapshots). */
  lastSnapshot?: boolean;
  /** The network, when not the default: run as `--set model=convnet`, with that network's presets (lr, steps, …). */
  model?: 'convnet';
  /**
   * Metrics kept unrounded: a convnet trace's summary inputs, so its replication row's seed-1 numbers are
   * re-computed from the trace exactly (tests/unit/traces/convnet-traces.test.ts: no training in CI).
   */
  full?: readonly string[];
}

/** A trace's file name in src/traces/ (without .json): the experiment, and its network when not the default. */
export const traceName = (plan: Pick<TracePlan, 'experiment' | 'model'>): string => (plan.model ? `${plan.experiment}-${plan.model}` : plan.experiment);

/** The settings a plan sets on top of its experiment's defaults (resolveConfig adds the network's presets). */
export const planOverrides = (plan: Pick<TracePlan, 'model'>): Config => (plan.model ? { model: plan.model } : {});

/** Columns as JSON stores them: NaN becomes null. */
export type StoredColumns = Record<string, Record<string, (number | null)[]>>;

export interface Trace {
  experiment: string;
  seed: number;
  steps: number;
  backend: string;
  configHash: string;
  /** ENGINE_FINGERPRINT of the engine that made it (src/lab/engine-fingerprint.ts). */
  engine: string;
  stride: number;
  arms: StoredColumns;
  /** Arm → its last snapshot, when the plan keeps it. */
  snapshots?: Record<string, StepSnapshot>;
}

export const SIGNIFICANT = 4;
/** A drawing needs no more: 3 digits are well under a pixel and a colour step. */
export const SNAPSHOT_SIGNIFICANT = 3;

/** The landscape probe's per-η metrics for `count` step sizes. */
const perEtaKeys = (count: number) =>
  Array.from({ length: count }, (_, k) => [perEtaKey('loss', k), perEtaKey('gradChange', k)]).flat();
/** The loss-only probe's (lp-norms). */
const lossPerEtaKeys = (count: number) => Array.from({ length: count }, (_, k) => perEtaKey('loss', k));

const activationMetrics = (layers: readonly number[]) =>
  layers.flatMap((l) => ['q05', 'q25', 'q50', 'q75', 'q95', 'dMean', 'dVar'].map((m) => `act.${l}.${m}`));

/** One plan per widget; the seed is the widget's first seed. */
export const TRACE_PLANS: readonly TracePlan[] = [
  {
    experiment: 'noisy-bn',
    seed: 1,
    stride: 2,
    dense: ['loss', 'accuracy', ...activationMetrics([2, 5])],
    sparse: ['trainAccuracy', 'testAccuracy', 'diverged'],
  },
  // 2,000 steps: every fifth keeps the loss curve smooth and the file small.
  { experiment: 'ics-gradients', seed: 1, stride: 5, dense: ['loss'], sparse: ['icsL2', 'icsCos', 'diverged'] },
  {
    experiment: 'landscape',
    seed: 1,
    stride: 2,
    dense: ['loss'],
    sparse: ['lossMin', 'lossMax', 'gradChange', 'betaEff', ...perEtaKeys(DEFAULT_PROBE_COUNT), 'diverged'],
  },
  {
    experiment: 'wgan',
    seed: 1,
    stride: 5,
    dense: ['loss', 'wDistance', 'gradNorm'],
    sparse: ['modesCovered', 'highQualityFraction', 'diverged'],
    lastSnapshot: true,
  },
  {
    experiment: 'lp-norms',
    seed: 1,
    // Five arms: every third step keeps the file under half the size limit.
    stride: 3,
    dense: ['loss', ...activationMetrics([2, 5])],
    sparse: [...lossPerEtaKeys(DEFAULT_PROBE_COUNT), 'trainAccuracy', 'testAccuracy', 'diverged'],
  },
  // The convnet's runs of claims R2c–R4c on seed 1 (200 steps: every step fits, and finalLoss needs each one).
  {
    experiment: 'noisy-bn',
    model: 'convnet',
    seed: 1,
    stride: 1,
    dense: ['loss', 'accuracy', ...activationMetrics([1, 2])],
    sparse: ['trainAccuracy', 'testAccuracy', 'diverged'],
    full: ['loss', 'trainAccuracy'],
  },
  {
    experiment: 'ics-gradients',
    model: 'convnet',
    seed: 1,
    stride: 1,
    dense: ['loss'],
    sparse: ['icsL2', 'icsCos', 'diverged'],
    full: ['loss', 'icsL2', 'icsCos'],
  },
  {
    experiment: 'landscape',
    model: 'convnet',
    seed: 1,
    stride: 1,
    dense: ['loss'],
    sparse: ['lossMin', 'lossMax', 'gradChange', 'betaEff', ...perEtaKeys(DEFAULT_PROBE_COUNT), 'diverged'],
    full: ['lossMin', 'lossMax', 'gradChange', 'betaEff'],
  },
];

const round = (v: number | null | undefined, digits = SIGNIFICANT): number | null =>
  v === null || v === undefined || !Number.isFinite(v) ? null : Number(v.toPrecision(digits));

/** Snapshot values are finite (a diverged arm takes none), so rounding keeps them numbers. */
const roundAll = (values: readonly number[]) => values.map((v) => round(v, SNAPSHOT_SIGNIFICANT) ?? Number.NaN);

/** Each arm's last snapshot, rounded for storage. */
export function lastSnapshots(snapshots: Record<string, readonly StepSnapshot[]>): Record<string, StepSnapshot> {
  const out: Record<string, StepSnapshot> = {};
  for (const [arm, list] of Object.entries(snapshots)) {
    const last = list.at(-1);
    if (!last) continue;
    const { extent, size, points, value, gradNorm }: FieldSnapshot = last.snapshot;
    out[arm] = { step: last.step, snapshot: { extent, size, points: roundAll(points), value: roundAll(value), gradNorm: roundAll(gradNorm) } };
  }
  return out;
}

/** A report's columns (the CLI's JSON: NaN as null) cut down to the plan's metrics and rows. */
export function shapeTrace(arms: StoredColumns, plan: TracePlan): StoredColumns {
  const out: StoredColumns = {};
  for (const [arm, columns] of Object.entries(arms)) {
    const steps = columns.step ?? [];
    const last = steps.length - 1;
    const rows = steps.flatMap((step, row) => {
      const sparseHere = plan.sparse.some((m) => columns[m]?.[row] != null);
      return row === last || (step ?? 0) % plan.stride === 0 || sparseHere ? [row] : [];
    });
    const kept: Record<string, (number | null)[]> = { step: rows.map((row) => steps[row] ?? null) };
    for (const metric of [...plan.dense, ...plan.sparse]) {
      const column = columns[metric];
      const full = plan.full?.includes(metric);
      if (column && column.some((v) => v !== null)) kept[metric] = rows.map((row) => (full ? (column[row] ?? null) : round(column[row])));
    }
    out[arm] = kept;
  }
  return out;
}

/** A trace's columns as the widgets' charts take them (null → NaN), its snapshots under SNAPSHOTS. */
export function traceColumns(trace: Pick<Trace, 'arms' | 'snapshots'>): Columns {
  const columns = Object.fromEntries(
    Object.entries(trace.arms).map(([arm, stored]) => [
      arm,
      Object.fromEntries(Object.entries(stored).map(([k, vs]) => [k, vs.map((v) => v ?? Number.NaN)])),
    ]),
  ) as Columns;
  for (const [arm, snapshot] of Object.entries(trace.snapshots ?? {})) {
    if (columns[arm]) columns[arm][SNAPSHOTS] = [snapshot];
  }
  return columns;
}
