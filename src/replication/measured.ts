/**
 * The committed shape of src/replication/<claim>.json, and how one CLI report (src/lab/cli/report.ts)
 * is cut down to it: the summary numbers a claim is about, per arm, one entry per seed. Curves stay
 * out; the few numbers that are not in the engine's summary are read off the report's columns here.
 */
import type { ArmSummary, Config, ConfigValue } from '../lab/types';
import type { ClaimId } from './plan';

/** `null` where an arm recorded no finite value (a diverged run). */
export type SeedValues = (number | null)[];

export interface StoredRun {
  experiment: string;
  label: string;
  overrides: Record<string, ConfigValue>;
  /** The resolved config the CLI ran (defaults + overrides). */
  config: Config;
  /** configHash(config): the freshness test recomputes it from the engine's current defaults. */
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
