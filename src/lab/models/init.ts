/** Seeded Glorot-uniform initialisation (the paper's, docs/protocol.md, R1), drawn in JS for reproducibility. */
import { tf } from '../tf';
import type { Tensor2D, Tensor4D } from '@tensorflow/tfjs-core';
import type { Rng } from '../random';

/** W ∈ [fanIn, fanOut] with entries U(−√(6/(fanIn+fanOut)), +√(6/(fanIn+fanOut))). */
export function glorotUniform(rng: Rng, fanIn: number, fanOut: number): Tensor2D {
  const limit = Math.sqrt(6 / (fanIn + fanOut));
  return tf.tensor2d(rng.uniformArray(fanIn * fanOut, -limit, limit), [fanIn, fanOut]);
}

/** A k×k convolution's filter [k, k, cIn, cOut], Glorot-uniform with fan-in k²·cIn and fan-out k²·cOut (Keras's convention). */
export function glorotUniformConv(rng: Rng, k: number, cIn: number, cOut: number): Tensor4D {
  const limit = Math.sqrt(6 / (k * k * (cIn + cOut)));
  return tf.tensor4d(rng.uniformArray(k * k * cIn * cOut, -limit, limit), [k, k, cIn, cOut]);
}
