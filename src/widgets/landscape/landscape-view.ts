/**
 * What the landscape figure shows, shaped from metric columns (pure, DOM-free): the steps that were
 * probed, the 1-D slice L(w_t − ηg_t) of each arm at one of them, and the medians over probes that the
 * figure states in words (the same statistics as the experiment's summary: band width, gradient change,
 * effective β).
 */
import type { Columns } from '../../lab/worker/columns';
import { perEtaKey } from '../../lab/measure/landscape-keys';
import { median } from '../../lab/measure/stats';
import type { LineSeries } from '../../charts/series';
import { armStyle } from '../../charts/arm-styles';
import { fmtValue } from '../../charts/describe';

/** Steps where any arm has a landscape probe, ascending. */
export function probedSteps(columns: Columns): number[] {
  const steps = new Set<number>();
  for (const arm of Object.values(columns)) {
    arm.lossMin?.forEach((v, row) => Number.isFinite(v) && steps.add(arm.step[row]!));
  }
  return [...steps].sort((a, b) => a - b);
}

/**
 * Each arm's loss along its gradient at `step`: η = 0 is the training loss at w_t (on the same batch;
 * the probe differs only in not touching running statistics), then one point per probed η.
 */
export function sliceAt(columns: Columns, arms: readonly string[], step: number, etas: readonly number[]): LineSeries[] {
  return arms.flatMap((arm) => {
    const armColumns = columns[arm];
    const row = armColumns?.step.indexOf(step) ?? -1;
    if (!armColumns || row < 0 || !Number.isFinite(armColumns.lossMin?.[row] ?? Number.NaN)) return [];
    const y = [armColumns.loss![row]!, ...etas.map((_, k) => armColumns[perEtaKey('loss', k)]?.[row] ?? Number.NaN)];
    return [{ id: arm, x: [0, ...etas], y }];
  });
}

/**
 * A slice in words: each arm's loss at η = 0, and its range over the probed η (up to each series' own
 * largest η, so a pinned run's slice over other step sizes reads right).
 */
export function describeSlice(title: string, series: readonly LineSeries[]): string {
  if (series.length === 0) return `${title}: no probe at this step.`;
  const arms = series.map((s) => {
    const probed = s.y.slice(1);
    return `${armStyle(s.id).label} from ${fmtValue(s.y[0]!)} at η = 0 to between ${fmtValue(Math.min(...probed))} and ${fmtValue(Math.max(...probed))} over η up to ${fmtValue(s.x.at(-1)!)}`;
  });
  return `${title}: ${arms.join('; ')}.`;
}

export interface ProbeMedians {
  lossBand: number;
  gradChange: number;
  betaEff: number;
  probes: number;
}

/** Medians over the probed steps of one arm (NaN when it has none). */
export function probeMedians(columns: Columns, arm: string): ProbeMedians {
  const c = columns[arm];
  const rows = (c?.lossMin ?? []).flatMap((v, row) => (Number.isFinite(v) ? [row] : []));
  const at = (key: string) => rows.map((row) => c![key]![row]!);
  return {
    lossBand: median(rows.map((row) => c!.lossMax![row]! - c!.lossMin![row]!)),
    gradChange: median(at('gradChange')),
    betaEff: median(at('betaEff')),
    probes: rows.length,
  };
}
