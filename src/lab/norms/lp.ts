/**
 * ℓp normalization (paper §3.3, docs/protocol.md, R5 — our reading of the unprinted formula): centre by the
 * batch mean as BN does, but divide by the batch average of the ℓp magnitude of the *raw* values
 * ("before shifting the mean"), then γ, β:
 *   ŷ = (y − μ)/(s_p + ε),  s_1 = mean|y|,  s_2 = √mean(y²),  s_∞ = max|y|.
 * It has no running statistics: in eval mode it uses the statistics of the evaluation batch (the
 * whole test set), which docs/protocol.md allows.
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

export function lpNorm(h: Tensor2D, kind: LpKind, gamma: Tensor1D, beta: Tensor1D, eps = LP_EPSILON): Tensor2D {
  const centred = tf.sub(h, tf.mean(h, 0));
  const normalized = tf.div(centred, tf.add(lpScale(h, kind), eps));
  return tf.add(tf.mul(normalized, gamma), beta) as Tensor2D;
}
