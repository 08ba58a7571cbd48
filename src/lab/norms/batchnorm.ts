/**
 * BatchNorm written by hand from elementwise ops, its training-mode gradient in closed form
 * (batchnorm-closed-form.ts): faster than tf.batchNorm on wasm (docs/performance.md), and it never
 * touches running statistics on its own, so landscape probes and G′ cannot disturb training state.
 *
 * Conventions (docs/protocol.md, Definitions):
 * - Training mode normalises with the batch mean and the *biased* batch variance (divide by m).
 * - y = γ·x̂ + β with γ initialised to 1 and β to 0, per unit.
 * - Running statistics use the momentum convention of PyTorch:
 *     running ← (1 − momentum)·running + momentum·batch,  momentum = 0.1 by default,
 *   i.e. the weight on the *new* batch. (Keras calls the same update momentum 0.99, weight on the old
 *   value.) The running variance stores the biased batch variance, as tf.layers does.
 */
import { tf } from '../tf';
import type { Tensor1D, Tensor2D } from '@tensorflow/tfjs-core';
import type { RunningStats } from '../types';
import { closedFormBatchNorm } from './batchnorm-closed-form';

/** Guards the division only (docs/protocol.md, Definitions); 1e-5 as in the paper's frameworks. */
export const BN_EPSILON = 1e-5;
/** Weight of the newest batch in the running averages (PyTorch convention). */
export const BN_MOMENTUM = 0.1;

export interface BatchNormOutput {
  /** γ·x̂ + β, [m, units]. */
  y: Tensor2D;
  /** Batch mean per unit. */
  mean: Tensor1D;
  /** Biased batch variance per unit. */
  variance: Tensor1D;
}

/** x̂ = (h − μ)/√(σ² + ε), then γ·x̂ + β; statistics supplied by the caller. */
export function normalizeWith(
  h: Tensor2D,
  mean: Tensor1D,
  variance: Tensor1D,
  gamma: Tensor1D,
  beta: Tensor1D,
  eps = BN_EPSILON,
): Tensor2D {
  const xHat = tf.mul(tf.sub(h, mean), tf.rsqrt(tf.add(variance, eps)));
  return tf.add(tf.mul(xHat, gamma), beta) as Tensor2D;
}

/** Training mode: normalise with the statistics of this batch. */
export function batchNormTrain(h: Tensor2D, gamma: Tensor1D, beta: Tensor1D, eps = BN_EPSILON): BatchNormOutput {
  const { y, mean, variance } = closedFormBatchNorm(h, gamma, beta, 0, eps);
  return { y, mean: mean as Tensor1D, variance: variance as Tensor1D };
}

/** Evaluation mode: a fixed affine map built from the running statistics. */
export function batchNormEval(
  h: Tensor2D,
  gamma: Tensor1D,
  beta: Tensor1D,
  running: RunningStats,
  eps = BN_EPSILON,
): Tensor2D {
  return normalizeWith(h, running.mean, running.variance, gamma, beta, eps);
}

/** One exponential-moving-average update; returns new tensors, the caller disposes the old ones. */
export function updateRunning(running: RunningStats, batch: RunningStats, momentum = BN_MOMENTUM): RunningStats {
  // An array from the tidy, not an object (src/lab/tf.ts).
  const [mean, variance] = tf.tidy((): [Tensor1D, Tensor1D] => [
    tf.add(tf.mul(running.mean, 1 - momentum), tf.mul(batch.mean, momentum)),
    tf.add(tf.mul(running.variance, 1 - momentum), tf.mul(batch.variance, momentum)),
  ]);
  return { mean, variance };
}

/** Initial running statistics: mean 0, variance 1 per unit. */
export function initialRunning(units: number): RunningStats {
  return { mean: tf.zeros([units]) as Tensor1D, variance: tf.ones([units]) as Tensor1D };
}
