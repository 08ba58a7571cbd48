/**
 * The two ratios behind Lipschitzness and β-smoothness (docs/protocol.md, Definitions), for one pair of points of a
 * 1-D function, and the running sup over the pairs tried so far. Pure numbers, no DOM, no tfjs.
 *
 *   secant ratio    |f(x₁) − f(x₂)| / |x₁ − x₂|    — f is L-Lipschitz iff this never exceeds L;
 *   gradient ratio  |f′(x₁) − f′(x₂)| / |x₁ − x₂|  — f is β-smooth iff this never exceeds β.
 *
 * The sup over the pairs tried is a lower estimate of L and β: it can only grow towards them.
 */

export interface PairRatios {
  secant: number;
  gradient: number;
}

/** Both ratios for x₁ ≠ x₂; null when the points coincide (the ratios are undefined there). */
export function pairRatios(f: (x: number) => number, df: (x: number) => number, x1: number, x2: number): PairRatios | null {
  const dx = Math.abs(x1 - x2);
  if (dx === 0) return null;
  return { secant: Math.abs(f(x1) - f(x2)) / dx, gradient: Math.abs(df(x1) - df(x2)) / dx };
}

/** The largest ratios seen so far: estimates of L and β from below. */
export interface SupEstimate {
  L: number;
  beta: number;
  /** How many pairs have been tried. */
  pairs: number;
}

export const NO_ESTIMATE: SupEstimate = { L: 0, beta: 0, pairs: 0 };

export function withPair(estimate: SupEstimate, ratios: PairRatios | null): SupEstimate {
  if (!ratios) return estimate;
  return {
    L: Math.max(estimate.L, ratios.secant),
    beta: Math.max(estimate.beta, ratios.gradient),
    pairs: estimate.pairs + 1,
  };
}
