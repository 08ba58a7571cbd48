/**
 * The committed shape of src/replication/<claim>.json, and how one CLI report (src/lab/cli/report.ts)
 * is cut down to it: the summary numbers a claim is about, per arm, one entry per seed. Curves stay
 * out; the few numbers that are not in the engine's summary are read off the report's columns here.
 */
import type { ArmSummary, Config, ConfigValue } from '../lab/types';
import type { ClaimId } from './plan';
import { median } from '../lab/measure/stats';

/** `null` where an arm recorded no finite value (a diverged run). */
export type SeedValues = (number | null)[];

export interface StoredRun {
  experiment: string;
  label: string;
  overrides: Record<string, ConfigValue>;
  /** The resolved config the CLI ran (defaults + overrides). */
  config: Config;
  /** configHash(config, schema): the freshness test recomputes it from the engine's current defaults. */
  configHash: string;
  /** Wall-clock seconds of each seed's run, on the machine that made the file. */
  seconds: number[];
  /** arm → metric → one value per seed (ClaimFile.seeds order). */
  arms: Record<string, Record<string, SeedValues>>;
}

export interface ClaimFile {
  claim: ClaimId;
  backend: string;
  /** ENGINE_FINGERPRINT of the engine that measured it (src/lab/engine-fingerprint.ts). */
  engine: string;
  seeds: number[];
  runs: Record<string, StoredRun>;
}

/** src/replication/studies/<study>.json: a study's runs, stored like a claim's. */
export interface StudyFile extends Omit<ClaimFile, 'claim'> {
  study: string;
}

/** A CLI report's columns as JSON gives them back: NaN was written as null. */
type JsonColumns = Record<string, Record<string, (number | null)[]>>;

/** Numbers computed from the columns, for claims whose summary keeps only the last value. */
const EXTRAS: Record<string, (arms: JsonColumns) => Record<string, number | null>> = {
  // R7: σ̂'s error after 10 steps (the protocol's line), not after the run's last step…
  sigmaRelErrorAt10: (arms) => ({ 'power-iteration': at(arms['power-iteration'], 'sigmaRelError', 9) }),
  // …the critic's largest measured ‖∇ₓf‖ over every probe, and the product bound at the last one.
  maxInputGradNormMax: (arms) => ({ critic: finiteOf(arms.critic?.maxInputGradNorm).reduce<number | null>((m, v) => Math.max(m ?? v, v), null) }),
  productBoundLast: (arms) => ({ critic: finiteOf(arms.critic?.productBound).at(-1) ?? null }),
  // Chapters' studies (src/replication/studies.ts). Chapter 8: σ̂'s error before any iteration has
  // caught up (a random ũ), the product bound at the first probe, and each critic's last ‖∇D(x̂)‖.
  sigmaRelErrorAt0: (arms) => ({ 'power-iteration': at(arms['power-iteration'], 'sigmaRelError', 0) }),
  productBoundFirst: (arms) => ({ critic: finiteOf(arms.critic?.productBound)[0] ?? null }),
  gradNormLast: (arms) => perArm(arms, (columns) => finiteOf(columns.gradNorm).at(-1) ?? null),
  // Chapters 2 and 7: the median over steps of layer 2's per-step moment changes (Fig. 8's quantities).
  dMeanMedianLayer2: (arms) => perArm(arms, (columns) => medianOrNull(finiteOf(columns['act.2.dMean']))),
  dVarMedianLayer2: (arms) => perArm(arms, (columns) => medianOrNull(finiteOf(columns['act.2.dVar']))),
  // Chapter 7: the ℓp experiment keeps only per-η losses; its loss band is their spread at each probed step.
  probeBandMedian: (arms) => perArm(arms, (columns) => medianOrNull(probeBands(columns))),
};


function finiteOf(series: (number | null)[] | undefined): number[] {
  return (series ?? []).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
}

function at(columns: Record<string, (number | null)[]> | undefined, metric: string, step: number): number | null {
  const row = columns?.step?.indexOf(step) ?? -1;
  const value = row < 0 ? null : columns?.[metric]?.[row];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** arm → metric → value for one seed: summary keys from `summary`, extras from the columns. */
export function pickMetrics(
  summary: Record<string, ArmSummary>,
  columns: JsonColumns,
  metrics: readonly string[],
): Record<string, Record<string, number | null>> {
  const out: Record<string, Record<string, number | null>> = {};
  for (const metric of metrics) {
    const extra = EXTRAS[metric];
    const values: Record<string, unknown> = extra
      ? extra(columns)
      : Object.fromEntries(Object.entries(summary).map(([arm, s]) => [arm, s[metric as keyof ArmSummary]]));
    for (const [arm, value] of Object.entries(values)) {
      if (value === undefined) continue;
      (out[arm] ??= {})[metric] = typeof value === 'number' && Number.isFinite(value) ? value : null;
    }
  }
  return out;
}

/** The chapters' extras read every arm's columns alike. */
function perArm(arms: JsonColumns, value: (columns: Record<string, (number | null)[]>) => number | null): Record<string, number | null> {
  return Object.fromEntries(Object.entries(arms).map(([arm, columns]) => [arm, value(columns)]));
}

const medianOrNull = (values: number[]) => (values.length === 0 ? null : median(values));

/** At every probed step, the largest minus the smallest of the per-η losses loss.eta0, loss.eta1, … */
function probeBands(columns: Record<string, (number | null)[]>): number[] {
  const perEta = Object.keys(columns)
    .filter((key) => /^loss\.eta\d+$/.test(key))
    .map((key) => columns[key]!);
  return (columns.step ?? []).flatMap((_, row) => {
    const losses = perEta.map((column) => column[row]).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
    return losses.length === perEta.length && losses.length > 0 ? [Math.max(...losses) - Math.min(...losses)] : [];
  });
}
