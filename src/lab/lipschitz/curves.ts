/**
 * The 1-D functions of the Lipschitz-ratio figure. Each lives on a grid (points snap to it, so the
 * keyboard moves a point by one grid step and a sampled curve is read exactly where the lab measured
 * it). Closed forms carry their exact L and β on the domain; a sampled network slice carries none, only
 * the largest ratios over all pairs of its samples. Pure numbers, no DOM, no tfjs.
 */
import { NO_ESTIMATE, pairRatios, withPair, type SupEstimate } from './ratios';

export interface Curve {
  id: string;
  label: string;
  /** Formula or provenance, for the caption and the screen-reader summary. */
  description: string;
  xLabel: string;
  yLabel: string;
  lo: number;
  hi: number;
  /** Grid spacing; points sit at lo + k·step. */
  step: number;
  f: (x: number) => number;
  df: (x: number) => number;
  /** Exact constants on [lo, hi]; Infinity where none exists (a kink); null when not known in closed form. */
  exact: { L: number; beta: number } | null;
}

/** Grid steps per closed-form domain: fine enough that nearby pairs approach the sup closely. */
const GRID_STEPS = 240;

/** f = sin x on [−2π, 2π]: |f′| ≤ 1 and |f″| ≤ 1, both attained, so L = β = 1. */
const smooth: Curve = {
  id: 'smooth',
  label: 'Smooth: sin x',
  description: 'f(x) = sin x on [−2π, 2π]; L = 1 (slope at 0) and β = 1 (curvature at ±π/2)',
  xLabel: 'x',
  yLabel: 'f(x)',
  lo: -2 * Math.PI,
  hi: 2 * Math.PI,
  step: (4 * Math.PI) / GRID_STEPS,
  f: Math.sin,
  df: Math.cos,
  exact: { L: 1, beta: 1 },
};

/**
 * f = |x| on [−3, 3]: 1-Lipschitz, but its slope jumps from −1 to +1 at 0, so no finite β. At the kink
 * we take the subgradient 0 (any value in [−1, 1] would do; pairs straddling 0 blow up regardless).
 */
const kinked: Curve = {
  id: 'kinked',
  label: 'Kinked: |x|',
  description: 'f(x) = |x| on [−3, 3]; L = 1, but the slope jumps at 0, so no finite β exists',
  xLabel: 'x',
  yLabel: 'f(x)',
  lo: -3,
  hi: 3,
  step: 6 / GRID_STEPS,
  f: Math.abs,
  df: Math.sign,
  exact: { L: 1, beta: Infinity },
};

const STEEP_C = 2.5;
const STEEP_HALF_WIDTH = 2;
/**
 * f = c·x² on [−2, 2]: the slope 2cx reaches 2c·2 = 10 at the ends, so L = 10; the gradient ratio is
 * 2c = 5 for every pair, so β = 5 — a quadratic is the one function whose β is seen by any pair.
 */
const steep: Curve = {
  id: 'steep',
  label: 'Steep: 2.5 x²',
  description: 'f(x) = 2.5 x² on [−2, 2]; L = 10 (slope at the ends) and β = 5 (every pair shows it)',
  xLabel: 'x',
  yLabel: 'f(x)',
  lo: -STEEP_HALF_WIDTH,
  hi: STEEP_HALF_WIDTH,
  step: (2 * STEEP_HALF_WIDTH) / GRID_STEPS,
  f: (x) => STEEP_C * x * x,
  df: (x) => 2 * STEEP_C * x,
  exact: { L: 2 * STEEP_C * STEEP_HALF_WIDTH, beta: 2 * STEEP_C },
};

export const CLOSED_FORM_CURVES: readonly Curve[] = [smooth, kinked, steep];

/** Values and slopes measured at lo + k·step, k = 0 … n−1. */
export interface Samples {
  lo: number;
  step: number;
  values: readonly number[];
  slopes: readonly number[];
}

/** A curve read from samples; x is snapped to the nearest sample. */
export function sampledCurve(meta: Pick<Curve, 'id' | 'label' | 'description' | 'xLabel' | 'yLabel'>, samples: Samples): Curve {
  const n = samples.values.length;
  const index = (x: number) => Math.min(n - 1, Math.max(0, Math.round((x - samples.lo) / samples.step)));
  return {
    ...meta,
    lo: samples.lo,
    hi: samples.lo + (n - 1) * samples.step,
    step: samples.step,
    f: (x) => samples.values[index(x)]!,
    df: (x) => samples.slopes[index(x)]!,
    exact: null,
  };
}

/** x clamped to the curve's domain and moved to the nearest grid point. */
export function snap(curve: Curve, x: number): number {
  const steps = Math.round((x - curve.lo) / curve.step);
  const last = Math.round((curve.hi - curve.lo) / curve.step);
  return curve.lo + Math.min(last, Math.max(0, steps)) * curve.step;
}

/** The grid's points, lo to hi. */
export function gridOf(curve: Curve): number[] {
  const n = Math.round((curve.hi - curve.lo) / curve.step) + 1;
  return Array.from({ length: n }, (_, k) => curve.lo + k * curve.step);
}

/** The largest ratios over every pair of grid points: what a reader could find at most by dragging. */
export function largestOnGrid(curve: Curve): SupEstimate {
  const xs = gridOf(curve);
  let estimate = NO_ESTIMATE;
  for (let i = 0; i < xs.length; i++) {
    for (let j = i + 1; j < xs.length; j++) estimate = withPair(estimate, pairRatios(curve.f, curve.df, xs[i]!, xs[j]!));
  }
  return estimate;
}
