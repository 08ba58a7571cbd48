/**
 * Metric columns (src/lab/worker/columns.ts) → the plain series the charts draw. Pure and
 * DOM-free, so the shaping is unit-tested apart from d3.
 *
 * Gaps: a row whose value is NaN or ±Inf stays in a series as NaN, and the line chart breaks the
 * line there (d3's `line.defined`). Metrics measured only every k-th step (G vs G′, evaluations)
 * are `sparse`: their unmeasured rows are dropped instead, or no two points would ever join.
 */
import type { Columns } from '../lab/worker/columns';

export interface LineSeries {
  /** The arm id; also selects its colour and dash pattern (arm-styles.ts). */
  id: string;
  x: number[];
  y: number[];
  /** Step at which this arm's loss became NaN/Inf (the experiment's `diverged` record). */
  divergedAt?: number;
}

/** A pinned run's marks in one chart (the run shelf): its letter, and its series shaped as the live run's are. */
export interface Pinned<T> {
  letter: string;
  series: readonly T[];
}

export interface MetricSpec {
  key: string;
  /** Measured on some steps only: drop the rows where it was not. */
  sparse?: boolean;
}

/** Step of an arm's `diverged: 1` row, if any. */
export function divergedStep(columns: Columns, arm: string): number | undefined {
  const flags = columns[arm]?.diverged;
  if (!flags) return undefined;
  const row = flags.findIndex((v) => v === 1);
  return row < 0 ? undefined : columns[arm]!.step[row];
}

/** One series per shown arm that has recorded the metric, in the order of `arms`. */
export function lineSeries(columns: Columns, arms: readonly string[], metric: MetricSpec): LineSeries[] {
  const out: LineSeries[] = [];
  for (const arm of arms) {
    const armColumns = columns[arm];
    const values = armColumns?.[metric.key];
    if (!armColumns || !values) continue;
    const x: number[] = [];
    const y: number[] = [];
    values.forEach((value, row) => {
      // A diverged arm's last row carries only the flag; it is a gap in every series.
      if (metric.sparse && Number.isNaN(value) && armColumns.diverged?.[row] !== 1) return;
      x.push(armColumns.step[row]!);
      y.push(Number.isFinite(value) ? value : Number.NaN);
    });
    const divergedAt = divergedStep(columns, arm);
    out.push({ id: arm, x, y, ...(divergedAt !== undefined ? { divergedAt } : {}) });
  }
  return out;
}

/** Quantile keys of a tracked unit's distribution, as the lab names them (measure/activations.ts). */
export const BAND_QUANTILES = ['q05', 'q25', 'q50', 'q75', 'q95'] as const;
export type BandQuantile = (typeof BAND_QUANTILES)[number];

export interface BandSeries {
  id: string;
  x: number[];
  /** One array per quantile, aligned with x; NaN where missing. */
  q: Record<BandQuantile, number[]>;
}

/**
 * The distribution of one arm's tracked unit of `layer` over steps (rows without it are skipped);
 * empty, not absent, before any data, so a chart can stand ready for a run's first batch.
 */
export function bandSeries(columns: Columns, arm: string, layer: number): BandSeries {
  const armColumns = columns[arm];
  const median = armColumns?.[`act.${layer}.q50`];
  if (!armColumns || !median) return { id: arm, x: [], q: { q05: [], q25: [], q50: [], q75: [], q95: [] } };
  const rows = median.flatMap((v, row) => (Number.isFinite(v) ? [row] : []));
  const q = Object.fromEntries(
    BAND_QUANTILES.map((name) => {
      const column = armColumns[`act.${layer}.${name}`] ?? [];
      return [name, rows.map((row) => column[row] ?? Number.NaN)];
    }),
  ) as Record<BandQuantile, number[]>;
  return { id: arm, x: rows.map((row) => armColumns.step[row]!), q };
}

/** Index of the x closest to `target` in an ascending array, or −1 when empty. */
export function nearestIndex(xs: readonly number[], target: number): number {
  if (xs.length === 0) return -1;
  let lo = 0;
  let hi = xs.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! <= target) lo = mid;
    else hi = mid;
  }
  return Math.abs(xs[hi]! - target) < Math.abs(xs[lo]! - target) ? hi : lo;
}

/** Every step where some series has a point, ascending: what ← → walks through on a focused chart. */
export function allSteps(series: readonly { x: readonly number[] }[]): number[] {
  return [...new Set(series.flatMap((s) => s.x))].sort((a, b) => a - b);
}

/** Each point replaced by the mean of the finite values within the last `window` steps (a trailing average). */
export function trailingMean(series: LineSeries, window: number): LineSeries {
  const y = series.x.map((step, i) => {
    let sum = 0;
    let count = 0;
    for (let j = i; j >= 0 && series.x[j]! > step - window; j--) {
      if (Number.isFinite(series.y[j]!)) {
        sum += series.y[j]!;
        count++;
      }
    }
    return Number.isFinite(series.y[i]!) && count > 0 ? sum / count : Number.NaN;
  });
  return { ...series, y };
}

/** The hidden layers whose tracked unit the columns hold (`act.<layer>.q50`), ascending. */
export function trackedLayersIn(columns: Columns): number[] {
  const layers = new Set<number>();
  for (const armColumns of Object.values(columns)) {
    for (const key of Object.keys(armColumns)) {
      const match = /^act\.(\d+)\.q50$/.exec(key);
      if (match) layers.add(Number(match[1]));
    }
  }
  return [...layers].sort((a, b) => a - b);
}
