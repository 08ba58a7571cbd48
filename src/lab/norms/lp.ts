/**
 * ℓp normalization (paper §3.3, docs/protocol.md, R5 — our reading of the unprinted formula): centre by the
 * batch mean as BN does, but divide by the batch average of the ℓp magnitude of the *raw* values
 * ("before shifting the mean"), then γ, β:
 *   ŷ = (y − μ)/(s_p + ε),  s_1 = mean|y|,  s_2 = √mean(y²),  s_∞ = max|y|.
 * Evaluation follows BatchNorm's protocol (docs/protocol.md, Definitions): training keeps running
 * averages of μ and s_p with BatchNorm's momentum, and eval mode divides by those, so every normalized
 * network's test accuracy is measured the same way (never with the test set's own batch statistics).
 *
 * Training mode is two custom-gradient ops (off-tape.ts says why): μ and s_p from one op off the tape, and
 * the normalization with its gradient in closed form. With u = 1/(s_p + ε), d = y − μ, k = γ·u, the output
 * is d·k + β, and over the M values of a unit
 *   dβ = Σ dy,  dγ = u·Σ dy·d,  dy_in = k·(dy − dβ/M) − k·u·(Σ dy·d)·∂s_p/∂y,
 * where ∂s_1/∂y = sign(y)/M, ∂s_2/∂y = y/(M·s_2), and ∂s_∞/∂y = sign(y) at the values attaining max|y|
 * (every tie, as tfjs's own max gradient) and 0 elsewhere. sign(0) is taken as −1, as tfjs's |y| gradient does.
 */
import { tf } from '../tf';
import type { Tensor, Tensor1D, Tensor2D } from '@tensorflow/tfjs-core';
import { normalizeOnTape, type ClosedForm } from './off-tape';

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

/** ∂s_p/∂y per value, for the closed-form gradient; `scale` is s_p of `h`, whose M rows it averages over. */
function scaleGradient(h: Tensor, kind: LpKind, scale: Tensor): Tensor {
  const m = h.shape[0]!;
  const sign = tf.step(h, -1);
  switch (kind) {
    case 'l1':
      return tf.div(sign, m);
    case 'l2':
      return tf.div(h, tf.mul(scale, m));
    case 'linf':
      return tf.mul(sign, tf.cast(tf.equal(tf.abs(h), scale), 'float32'));
  }
}

/** The closed form with statistics [μ, s_p]; every op as lpNormTrain has always issued them. */
export function lpForm(kind: LpKind, eps = LP_EPSILON): ClosedForm {
  return {
    statistics: (x) => [tf.mean(x, 0), lpScale(x as Tensor2D, kind)],
    forward(x, [mean, scale], g, b) {
      const d = tf.sub(x, mean!);
      const u = tf.reciprocal(tf.add(scale!, eps));
      const k = tf.mul(g, u);
      return { y: tf.add(tf.mul(d, k), b), saved: [x, d, u, k, scale!] };
    },
    backward(dy, [x, d, u, k, scale]) {
      const dBeta = tf.sum(dy, 0);
      const dyd = tf.sum(tf.mul(dy, d!), 0);
      const centred = tf.mul(tf.sub(dy, tf.div(dBeta, x!.shape[0]!)), k!);
      const throughScale = tf.mul(tf.mul(tf.mul(k!, u!), dyd), scaleGradient(x!, kind, scale!));
      return [tf.sub(centred, throughScale), tf.mul(u!, dyd), dBeta];
    },
  };
}

/** Training (and probe) mode: normalise with this batch's μ and s_p. */
export function lpNormTrain(h: Tensor2D, kind: LpKind, gamma: Tensor1D, beta: Tensor1D, eps = LP_EPSILON): LpOutput {
  const { y, stats } = normalizeOnTape(lpForm(kind, eps), h, gamma, beta);
  return { y: y as Tensor2D, mean: stats[0] as Tensor1D, scale: stats[1] as Tensor1D };
}

/** Evaluation mode: a fixed affine map from the running averages of μ and s_p. */
export function lpNormEval(h: Tensor2D, gamma: Tensor1D, beta: Tensor1D, running: { mean: Tensor1D; scale: Tensor1D }, eps = LP_EPSILON): Tensor2D {
  return normalizeByScale(h, running.mean, running.scale, gamma, beta, eps);
}
