/** ℓ2 norms of parameter-shaped tensor lists, as one flattened vector (tensors; call inside tf.tidy). */
import { tf } from '../tf';
import type { Scalar, Tensor } from '@tensorflow/tfjs-core';

export function sumOfSquares(tensors: readonly Tensor[]): Scalar {
  return tf.addN(tensors.map((t) => tf.sum(tf.square(t)))) as Scalar;
}

/** ‖concat(a) − concat(b)‖₂. */
export function distance(a: readonly Tensor[], b: readonly Tensor[]): Scalar {
  return tf.sqrt(sumOfSquares(a.map((t, i) => tf.sub(t, b[i]!))));
}
