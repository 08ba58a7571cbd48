/**
 * Spectral norm σ(W) (largest singular value) by power iteration, as in Miyato et al. 2018, Alg. 1
 * (docs/protocol.md, R7): keep a persistent ũ per matrix and do ONE iteration per training step; because W
 * changes slowly, the recycled ũ stays close to the top singular vector and one iteration is enough.
 * `spectralNormReference` runs many iterations from a fresh vector on W's values (the lab's one
 * plain-number power iteration, spectral/power-iteration.ts): the yardstick σ̂ is compared with.
 *
 * W may have any orientation ([in, out] here, [out, in] in the paper): σ is the same, ũ has
 * W.shape[0] entries and ṽ has W.shape[1].
 */
import { tf } from '../tf';
import type { Rng } from '../random';
import type { Scalar, Tensor2D } from '@tensorflow/tfjs-core';
import { spectralNorm } from '../spectral/power-iteration';

/** Iterations of the reference; docs/protocol.md, R7 compares against 300. */
export const REFERENCE_ITERATIONS = 300;

export interface PowerIterate {
  /** New ũ, [1, rows], unit length. Owned by the caller (keep it for the next step). */
  u: Tensor2D;
  /** ṽ, [1, cols], unit length. */
  v: Tensor2D;
  /** σ̂ = ũᵀ W ṽ. */
  sigma: Scalar;
}

/** A random isotropic unit ũ for a matrix with `rows` rows (seeded). */
export function initialU(rows: number, rng: Rng): Tensor2D {
  return tf.tidy(() => {
    return unit(tf.tensor2d(rng.normalArray(rows), [1, rows]));
  });
}

/** x/‖x‖₂ from three kernels (tf.norm takes more; this runs every training step). */
function unit(x: Tensor2D): Tensor2D {
  return tf.mul(x, tf.rsqrt(tf.sum(tf.square(x))));
}

/** One iteration: ṽ ← Wᵀũ/‖Wᵀũ‖, ũ ← Wṽ/‖Wṽ‖, σ̂ = ũᵀWṽ. Inputs are not disposed. */
export function powerIterate(w: Tensor2D, u: Tensor2D): PowerIterate {
  // Arrays from the tidies, not objects (src/lab/tf.ts).
  const [uNext, v, sigma] = tf.tidy((): [Tensor2D, Tensor2D, Scalar] => {
    const { u: uNext, v } = powerStep(w, u);
    return [uNext, v, sigmaOf(w, uNext, v)];
  });
  return { u: uNext, v, sigma };
}

/** The iteration's new ũ and ṽ without σ̂, for callers that form σ̂ where they use it (the wgan critic). */
export function powerStep(w: Tensor2D, u: Tensor2D): { u: Tensor2D; v: Tensor2D } {
  const [uNext, v] = tf.tidy((): [Tensor2D, Tensor2D] => {
    const v = unit(tf.matMul(u, w));
    return [unit(tf.matMul(v, w, false, true)), v];
  });
  return { u: uNext, v };
}

/**
 * σ̂ = ũᵀWṽ with ũ, ṽ held fixed. Called inside a gradient closure it lets the gradient flow through σ
 * into W while treating ũ, ṽ as constants, as in the paper's §2.3.
 */
export function sigmaOf(w: Tensor2D, u: Tensor2D, v: Tensor2D): Scalar {
  return tf.sum(tf.mul(tf.matMul(u, w), v));
}

/** σ(W) by `iterations` power iterations from a fresh seeded vector (the same draws as initialU). */
export function spectralNormReference(w: Tensor2D, rng: Rng, iterations = REFERENCE_ITERATIONS): number {
  return spectralNorm(w.arraySync(), rng.normalArray(w.shape[0]), iterations);
}
