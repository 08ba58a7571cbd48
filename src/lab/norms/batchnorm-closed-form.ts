/**
 * BatchNorm in training (and probe) mode as custom-gradient ops (off-tape.ts says why), on a 2-D view of
 * the activations in which `axis` runs over the M values each unit is normalized over: axis 0 of the dense
 * layers' [m, units], axis 1 of a convolution's channel-first [C, m·H·W] (channel-batchnorm.ts). The batch
 * statistics come from one op off the tape; the normalization's backward pass is Ioffe and Szegedy's
 * closed form, five full-size operations:
 *   d = h − μ, r = 1/√(σ² + ε), k = γ·r, y = d·k + β;
 *   dβ = Σ dy, dγ = r·Σ dy·d, dh = dy·k − d·(k·r²·Σ dy·d)/M − k·dβ/M.
 */
import { tf } from '../tf';
import type { GradSaveFunc, Tensor, Tensor2D } from '@tensorflow/tfjs-core';
import { statisticsOffTape } from './off-tape';

export interface ClosedFormOutput {
  /** γ·x̂ + β, the view's shape. */
  y: Tensor2D;
  /** Batch mean and biased batch variance per unit, shaped like γ. */
  mean: Tensor;
  variance: Tensor;
}

/**
 * `gamma` and `beta` broadcast along `axis`: [units] for axis 0, [C, 1] for axis 1 (reductions over axis 1
 * keep it, so statistics come out as [C, 1] columns).
 */
export function closedFormBatchNorm(v: Tensor2D, gamma: Tensor, beta: Tensor, axis: 0 | 1, eps: number): ClosedFormOutput {
  const keepDims = axis === 1;
  const [mean, variance] = statisticsOffTape(v, (x) => {
    const mu = tf.mean(x, axis, keepDims);
    return [mu, tf.mean(tf.square(tf.sub(x, mu)), axis, keepDims)];
  }) as [Tensor, Tensor];
  const normalize = tf.customGrad((...args: (Tensor | GradSaveFunc)[]) => {
    const [x, g, b, save] = args as [Tensor, Tensor, Tensor, GradSaveFunc];
    const d = tf.sub(x, mean);
    const r = tf.rsqrt(tf.add(variance, eps));
    const k = tf.mul(g, r);
    save([d, r, k]);
    return {
      value: tf.add(tf.mul(d, k), b),
      gradFunc: (dy: Tensor, saved: Tensor[]) => {
        const [ds, rs, ks] = saved as [Tensor, Tensor, Tensor];
        const count = dy.shape[axis]!;
        const dBeta = tf.sum(dy, axis, keepDims);
        const dyd = tf.sum(tf.mul(dy, ds), axis, keepDims);
        const perD = tf.div(tf.mul(tf.mul(ks, tf.square(rs)), dyd), count);
        const dh = tf.sub(tf.mul(dy, ks), tf.add(tf.mul(ds, perD), tf.div(tf.mul(ks, dBeta), count)));
        return [dh, tf.mul(rs, dyd), dBeta];
      },
    };
  });
  return { y: normalize(v, gamma, beta) as Tensor2D, mean, variance };
}
