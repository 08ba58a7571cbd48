/**
 * Seed bands: a figure's headline chart over the five committed seeds of its default run, so a reader
 * sees whether the live run is typical or lucky. The default config of every live figure is one of the
 * replication report's runs (same config hash), so these are the curves behind the summaries the
 * replication page and the caption's "holds on N of 5 seeds" read; the replication files keep no curves.
 *
 * scripts/make-bands.ts runs seeds 2–5 through the reproduce CLI and takes seed 1 from the committed
 * trace (the same run: same config hash, engine and seed), keeping the trace's rows of one metric. Each
 * seed's curve is stored (rounded like the trace), not only the median and range: the freshness test
 * then checks seed 1 against the trace exactly, and the statistics are a few lines at draw time.
 */
import { median } from '../lab/measure/stats';
import type { LineSeries } from '../charts/series';

export interface BandPlan {
  experiment: string;
  /** The metric of the figure's headline chart. */
  metric: string;
  /** Measured on some steps only: keep the rows where it was. */
  sparse: boolean;
  /** The replication check whose seeds the caption counts (claims.ts): the chart's point, judged on every seed. */
  claim: string;
  check: string;
}

export const BAND_PLANS: readonly BandPlan[] = [
  { experiment: 'noisy-bn', metric: 'loss', sparse: false, claim: 'R2', check: 'noisy BatchNorm loss < 0.5 × standard at lr 0.5' },
  { experiment: 'ics-gradients', metric: 'icsL2', sparse: true, claim: 'R3', check: 'BatchNorm: median ‖G − G′‖ ≥ standard' },
  { experiment: 'landscape', metric: 'betaEff', sparse: true, claim: 'R4', check: 'the gap: BatchNorm effective β < 0.9 × standard' },
  { experiment: 'lp-norms', metric: 'loss', sparse: false, claim: 'R5', check: 'MLP: ℓ1 loss' },
  { experiment: 'wgan', metric: 'highQualityFraction', sparse: true, claim: 'R6', check: 'weight clipping scores lower' },
];

export const bandPlanOf = (experiment: string): BandPlan | undefined => BAND_PLANS.find((p) => p.experiment === experiment);

export interface BandFile {
  experiment: string;
  metric: string;
  backend: string;
  configHash: string;
  /** ENGINE_FINGERPRINT of the engine that made it. */
  engine: string;
  seeds: number[];
  /** Rows: the steps kept, ascending (the trace's rows where the metric was measured). */
  step: number[];
  /** arm → one curve per seed (seeds order), aligned with `step`; null where a seed has no finite value. */
  arms: Record<string, (number | null)[][]>;
}

/** One seed's columns as a trace or a CLI report stores them (NaN as null). */
type StoredArm = Record<string, (number | null)[]>;

/** The rows of `metric` in one seed's arm, as step → value (only the steps in `keep`). */
function valuesByStep(columns: StoredArm | undefined, metric: string, keep: (step: number) => boolean): Map<number, number | null> {
  const out = new Map<number, number | null>();
  const steps = columns?.step ?? [];
  const values = columns?.[metric] ?? [];
  steps.forEach((step, row) => {
    if (step !== null && keep(step)) out.set(step, values[row] ?? null);
  });
  return out;
}

/**
 * The band file's rows from each seed's arms (already rounded, as shapeTrace leaves them): every
 * `stride`-th step and the last for a dense metric, the measured steps for a sparse one.
 */
export function bandRows(
  seedArms: readonly Record<string, StoredArm>[],
  plan: Pick<BandPlan, 'metric' | 'sparse'>,
  stride: number,
  lastStep: number,
): Pick<BandFile, 'step' | 'arms'> {
  const keep = (step: number) => plan.sparse || step % stride === 0 || step === lastStep;
  const arms = Object.keys(seedArms[0] ?? {});
  const bySeed = seedArms.map((seed) => Object.fromEntries(arms.map((arm) => [arm, valuesByStep(seed[arm], plan.metric, keep)])));
  const measured = (step: number) => !plan.sparse || bySeed.some((seed) => arms.some((arm) => seed[arm]!.get(step) != null));
  const step = [...new Set(bySeed.flatMap((seed) => arms.flatMap((arm) => [...seed[arm]!.keys()])))].filter(measured).sort((a, b) => a - b);
  return {
    step,
    arms: Object.fromEntries(arms.map((arm) => [arm, bySeed.map((seed) => step.map((s) => seed[arm]!.get(s) ?? null))])),
  };
}

/** What a chart draws behind an arm: the median over seeds and the range (min–max) at each step. */
export interface SeedBand {
  id: string;
  x: number[];
  median: number[];
  min: number[];
  max: number[];
  /** Seeds with a finite value, per step. */
  count: number[];
  /** The seeds the band is made of. */
  seeds: number[];
}

/** Trailing mean over `window` steps of one curve, ignoring gaps (the figure's smoothing, applied per seed). */
function smoothed(step: readonly number[], values: readonly (number | null)[], window: number): number[] {
  return step.map((s, i) => {
    let sum = 0;
    let n = 0;
    for (let j = i; j >= 0 && step[j]! > s - window; j--) {
      const v = values[j];
      if (v !== null && v !== undefined && Number.isFinite(v)) {
        sum += v;
        n++;
      }
    }
    const own = values[i];
    return own !== null && own !== undefined && Number.isFinite(own) && n > 0 ? sum / n : Number.NaN;
  });
}

/**
 * Each arm's band: per step, the median, min and max over the seeds that have a finite value (NaN where
 * none has). With `smooth`, each seed's curve is first smoothed as the chart smooths its line, so the
 * band surrounds what the chart draws.
 */
export function seedBands(file: Pick<BandFile, 'step' | 'arms' | 'seeds'>, arms: readonly string[], smooth?: number): SeedBand[] {
  return arms.flatMap((id) => {
    const curves = file.arms[id];
    if (!curves) return [];
    const series = curves.map((values) => (smooth ? smoothed(file.step, values, smooth) : values.map((v) => v ?? Number.NaN)));
    const at = file.step.map((_, row) => series.map((s) => s[row]!).filter(Number.isFinite));
    return [
      {
        id,
        x: [...file.step],
        median: at.map((vs) => (vs.length ? median(vs) : Number.NaN)),
        min: at.map((vs) => (vs.length ? Math.min(...vs) : Number.NaN)),
        max: at.map((vs) => (vs.length ? Math.max(...vs) : Number.NaN)),
        count: at.map((vs) => vs.length),
        seeds: file.seeds,
      },
    ];
  });
}

/** A band's median as a line (for the chart's value axis and its read-out). */
export const medianSeries = (band: SeedBand): LineSeries => ({ id: band.id, x: band.x, y: band.median });
