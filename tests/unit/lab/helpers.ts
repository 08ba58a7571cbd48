/** Shared test helpers: gradient checks (finite differences, autodiff references) and tensor snapshots. */
import { expect } from 'vitest';
import { tf } from '../../../src/lab/tf';
import type { Scalar, Tensor, Tensor2D } from '@tensorflow/tfjs-core';
import { lpScale, type LpKind } from '../../../src/lab/norms/lp';

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

/**
 * BatchNorm in training mode as plain autodiffed ops (tf.moments, then (h − μ)/√(σ² + ε)·γ + β): the
 * reference the lab's closed-form gradient (src/lab/norms/batchnorm-closed-form.ts) is checked against.
 */
export function autodiffBatchNorm(h: Tensor, gamma: Tensor, beta: Tensor, eps = 1e-5): Tensor {
  const { mean, variance } = tf.moments(h, 0);
  return tf.add(tf.mul(tf.mul(tf.sub(h, mean), tf.rsqrt(tf.add(variance, eps))), gamma), beta);
}

/** ℓp normalization in training mode as plain autodiffed ops, (h − μ)/(s_p + ε)·γ + β: the reference for lp.ts. */
export function autodiffLpNorm(h: Tensor, kind: LpKind, gamma: Tensor, beta: Tensor, eps = 1e-5): Tensor {
  const centred = tf.sub(h, tf.mean(h, 0));
  return tf.add(tf.mul(tf.div(centred, tf.add(lpScale(h as Tensor2D, kind), eps)), gamma), beta);
}

export const maxAbsDiff = (a: Tensor, b: Tensor) => tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]!);
export const maxAbs = (a: Tensor) => tf.tidy(() => tf.max(tf.abs(a)).dataSync()[0]!);

/**
 * Asserts that `ours` has `reference`'s gradients for x, γ and β to 10⁻⁵ relative, and that taking them keeps
 * no tensor but the three gradients.
 */
export function expectReferenceGradients(ours: (...xs: Tensor[]) => Tensor, reference: (...xs: Tensor[]) => Tensor, inputs: Tensor[]): void {
  const expected = tf.grads(reference)(inputs);
  const before = tf.memory().numTensors;
  const grads = tf.grads(ours)(inputs);
  expect(tf.memory().numTensors).toBe(before + inputs.length);
  grads.forEach((g, i) => expect(maxAbsDiff(g, expected[i]!) / maxAbs(expected[i]!), ['x', 'γ', 'β'][i]).toBeLessThan(1e-5));
  tf.dispose([...grads, ...expected]);
}
