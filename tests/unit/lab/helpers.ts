/** Shared test helpers: finite-difference gradient checks and tensor snapshots. */
import { tf } from '../../../src/lab/tf';
import type { Scalar, Tensor } from '@tensorflow/tfjs-core';

/**
 * Largest violation of |fd − g| ≤ RTOL·|g| + ATOL·max|g| over every entry of every input, where fd is
 * the central difference (f(x + ε) − f(x − ε))/2ε. float32 limits ε: 1e-3 keeps the rounding error
 * (~6e-8·|f|/ε) and the truncation error (~ε²) both well below 1e-2 relative for these small nets.
 * Returns ≤ 0 when every entry passes.
 */
export function gradientCheckExcess(f: (...xs: Tensor[]) => Scalar, inputs: Tensor[], eps = 1e-3): number {
  const RTOL = 1e-2;
  const ATOL = 1e-3;
  const analytic = tf.tidy(() => tf.grads(f)(inputs).map((g) => g.dataSync()));
  const gMax = Math.max(...analytic.flatMap((g) => Array.from(g, Math.abs)));
  let worst = -Infinity;
  inputs.forEach((x, k) => {
    const base = x.dataSync().slice();
    for (let e = 0; e < base.length; e++) {
      const at = (delta: number) =>
        tf.tidy(() => {
          const moved = base.slice();
          moved[e]! += delta;
          const xs = inputs.map((t, j) => (j === k ? tf.tensor(moved, t.shape) : t));
          return f(...xs).dataSync()[0]!;
        });
      const fd = (at(eps) - at(-eps)) / (2 * eps);
      const g = analytic[k]![e]!;
      worst = Math.max(worst, Math.abs(fd - g) - (RTOL * Math.abs(g) + ATOL * gMax));
    }
  });
  return worst;
}

/** Copies of tensor values, for bit-exact before/after comparisons. */
export function snapshot(tensors: readonly Tensor[]): number[][] {
  return tensors.map((t) => Array.from(t.dataSync()));
}
