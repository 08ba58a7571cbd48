/**
 * ℓp normalization (paper §3.3, docs/protocol.md, R5 — our reading of the unprinted formula): centre by the
 * batch mean as BN does, but divide by the batch average of the ℓp magnitude of the *raw* values
 * ("before shifting the mean"), then γ, β:
 *   ŷ = (y − μ)/(s_p + ε),  s_1 = mean|y|,  s_2 = √mean(y²),  s_∞ = max|y|.
 * Evaluation follows BatchNorm's protocol (docs/protocol.md, Definitions): training keeps running
 * averages of μ and s_p with BatchNorm's momentum, and eval mode divides by those, so every normalized
 * network's test accuracy is measured the same way (never with the test set's own batch statistics).
 */
import { tf } from '../tf';
import type { Tensor1D, Tensor2D } from '@tensorflow/tfjs-core';

export type LpKind = 'l1' | 'l2' | 'linf';

/** Same guard as BN's ε (docs/protocol.md, R5). */
export const LP_EPSILON = 1e-5;

/** s_p per unit over the batch, on the raw (uncentred) values. */
export function lpScale(h: Tensor2D, kind: LpKind): Tensor1D {
  switch (kind) {
    case 'l1':
      return tf.mean(tf.abs(h), 0) as Tensor1D;
    case 'l2':
      return tf.sqrt(tf.mean(tf.square(h), 0)) as Tensor1D;
    case 'linf':
      return tf.max(tf.abs(h), 0) as Tensor1D;
  }
}

/** (h − μ)/(s + ε), then γ, β; statistics supplied by the caller. */
function normalizeByScale(h: Tensor2D, mean: Tensor1D, scale: Tensor1D, gamma: Tensor1D, beta: Tensor1D, eps: number): Tensor2D {
  const normalized = tf.div(tf.sub(h, mean), tf.add(scale, eps));
  return tf.add(tf.mul(normalized, gamma), beta) as Tensor2D;
}

export interface LpOutput {
  y: Tensor2D;
  /** Batch mean per unit. */
  mean: Tensor1D;
  /** s_p per unit: the statistic the running average keeps beside the mean. */
  scale: Tensor1D;
}

/** Training (and probe) mode: normalise with this batch's μ and s_p. */
export function lpNormTrain(h: Tensor2D, kind: LpKind, gamma: Tensor1D, beta: Tensor1D, eps = LP_EPSILON): LpOutput {
  const mean = tf.mean(h, 0) as Tensor1D;
  const scale = lpScale(h, kind);
  return { y: normalizeByScale(h, mean, scale, gamma, beta, eps), mean, scale };
}

/** Evaluation mode: a fixed affine map from the running averages of μ and s_p. */
export function lpNormEval(h: Tensor2D, gamma: Tensor1D, beta: Tensor1D, running: { mean: Tensor1D; scale: Tensor1D }, eps = LP_EPSILON): Tensor2D {
  return normalizeByScale(h, running.mean, running.scale, gamma, beta, eps);
}
