/** Seeded Glorot-uniform initialisation (the paper's, docs/protocol.md, R1), drawn in JS for reproducibility. */
import { tf } from '../tf';
import type { Tensor2D, Tensor4D } from '@tensorflow/tfjs-core';
import type { Rng } from '../random';

/** W ∈ [fanIn, fanOut] with entries U(−√(6/(fanIn+fanOut)), +√(6/(fanIn+fanOut))). */
export function glorotUniform(rng: Rng, fanIn: number, fanOut: number): Tensor2D {
  const limit = Math.sqrt(6 / (fanIn + fanOut));
  return tf.tensor2d(rng.uniformArray(fanIn * fanOut, -limit, limit), [fanIn, fanOut]);
}

/**
 * A k×k convolution's filter [k, k, cIn, cOut], He-uniform: U(−√(6/fanIn), +√(6/fanIn)), fanIn = k²·cIn, the
 * initialisation torchvision's VGG uses for its convolutions. Glorot's variance, 2/(fanIn + fanOut), halves
 * the signal at every ReLU convolution here; the plain convnet then barely moved in its first 40 steps.
 */
export function heUniformConv(rng: Rng, k: number, cIn: number, cOut: number): Tensor4D {
  const limit = Math.sqrt(6 / (k * k * cIn));
  return tf.tensor4d(rng.uniformArray(k * k * cIn * cOut, -limit, limit), [k, k, cIn, cOut]);
}
