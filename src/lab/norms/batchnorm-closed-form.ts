/**
 * BatchNorm in training (and probe) mode with its gradient in closed form (off-tape.ts says why), on a 2-D
 * view of the activations in which `axis` runs over the M values each unit is normalized over: axis 0 of
 * the dense layers' [m, units], axis 1 of a convolution's channel-first [C, m·H·W] (channel-batchnorm.ts).
 * The normalization's backward pass is Ioffe and Szegedy's closed form, five full-size operations:
 *   d = h − μ, r = 1/√(σ² + ε), k = γ·r, y = d·k + β;
 *   dβ = Σ dy, dγ = r·Σ dy·d, dh = dy·k − d·(k·r²·Σ dy·d)/M − k·dβ/M.
 */
import { tf } from '../tf';
import type { Tensor, Tensor2D } from '@tensorflow/tfjs-core';
import { normalizeOnTape, type ClosedForm } from './off-tape';

export interface ClosedFormOutput {
  /** γ·x̂ + β, the view's shape. */
  y: Tensor2D;
  /** Batch mean and biased batch variance per unit, shaped like γ. */
  mean: Tensor;
  variance: Tensor;
}

/**
 * `gamma` and `beta` broadcast along `axis`: [units] for axis 0, [C, 1] for axis 1 (reductions over axis 1
 * keep it, so statistics come out as [C, 1] columns). Statistics: [mean, biased variance].
 */
export function batchNormForm(axis: 0 | 1, eps: number): ClosedForm {
  const keepDims = axis === 1;
  return {
    statistics(x) {
      const mu = tf.mean(x, axis, keepDims);
      return [mu, tf.mean(tf.square(tf.sub(x, mu)), axis, keepDims)];
    },
    forward(x, [mean, variance], g, b) {
      const d = tf.sub(x, mean!);
      const r = tf.rsqrt(tf.add(variance!, eps));
      const k = tf.mul(g, r);
      return { y: tf.add(tf.mul(d, k), b), saved: [d, r, k] };
    },
    backward(dy, [d, r, k]) {
      const count = dy.shape[axis]!;
      const dBeta = tf.sum(dy, axis, keepDims);
      const dyd = tf.sum(tf.mul(dy, d!), axis, keepDims);
      const perD = tf.div(tf.mul(tf.mul(k!, tf.square(r!)), dyd), count);
      const dh = tf.sub(tf.mul(dy, k!), tf.add(tf.mul(d!, perD), tf.div(tf.mul(k!, dBeta), count)));
      return [dh, tf.mul(r!, dyd), dBeta];
    },
  };
}

export function closedFormBatchNorm(v: Tensor2D, gamma: Tensor, beta: Tensor, axis: 0 | 1, eps: number): ClosedFormOutput {
  const { y, stats } = normalizeOnTape(batchNormForm(axis, eps), v, gamma, beta);
  return { y: y as Tensor2D, mean: stats[0]!, variance: stats[1]! };
}
