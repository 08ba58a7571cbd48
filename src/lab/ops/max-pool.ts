/**
 * 2×2 max-pooling (stride 2, 'valid', NHWC) of a ReLU's output, with a gradient that is a scatter of dy to each
 * window's arg-max. wasm's own MaxPoolGrad re-scans every window in a scalar loop and was the convnet step's
 * largest kernel (about a fifth of a BatchNorm step, docs/performance.md); MaxPoolWithArgmax finds the
 * arg-max in the forward pass and ScatterNd places dy in one pass, about twice as fast for both blocks.
 *
 * Why "of a ReLU's output": tfjs-backend-wasm 4.22's MaxPoolWithArgmax starts each window's maximum at
 * FLT_MIN (the smallest positive float32), not −∞, so a window with no value above FLT_MIN comes back as
 * FLT_MIN with the arg-max 0 (the tensor's first element). For non-negative input such a window is all
 * zeros: its value is set back to 0 here and its dy dropped — where tfjs's MaxPoolGrad would send dy to one
 * of the zeros, and the ReLU's gradient (zero where its input was not positive) cancels it there anyway.
 */
import { tf } from '../tf';
import type { GradSaveFunc, Tensor, Tensor4D } from '@tensorflow/tfjs-core';

/** float32's smallest normal number: wasm's MaxPoolWithArgmax's starting maximum. */
const FLT_MIN = 1.1754943508222875e-38;

/** The pooled values and what the gradient reads: each window's arg-max and whether it held a positive value. */
function poolForward(x: Tensor4D): { y: Tensor4D; saved: [Tensor, Tensor] } {
  const { result, indexes } = tf.maxPoolWithArgmax(x, 2, 2, 'valid', true) as { result: Tensor4D; indexes: Tensor4D };
  // 1 where the window held a positive value, else 0 (a product with it is cheaper than tf.where, which tiles 0).
  const live = tf.cast(tf.greater(result, FLT_MIN), 'float32');
  return { y: tf.mul(result, live) as Tensor4D, saved: [indexes, live] };
}

/** ∂L/∂x from ∂L/∂y: dy scattered to each live window's arg-max. */
function poolBackward(dy: Tensor, [argmax, live]: readonly Tensor[], x: Tensor4D): Tensor4D {
  return tf.reshape(tf.scatterND(tf.reshape(argmax!, [-1, 1]), tf.reshape(tf.mul(dy, live!), [-1]), [x.size]), x.shape) as Tensor4D;
}

const pool = tf.customGrad((...args: (Tensor | GradSaveFunc)[]) => {
  const [x, save] = args as [Tensor4D, GradSaveFunc];
  const { y, saved } = poolForward(x);
  save(saved);
  return { value: y, gradFunc: (dy: Tensor, kept: Tensor[]) => poolBackward(dy, kept, x) };
});

/** 2×2 max-pooling of x ≥ 0 (a ReLU's output), [N, H, W, C] → [N, ⌊H/2⌋, ⌊W/2⌋, C]. */
export function maxPool2x2OfRelu(x: Tensor4D): Tensor4D {
  return pool(x) as Tensor4D;
}

/** The same pooling off the tape, with its backward (the same ops as the custom gradient) to call by hand. */
export function maxPool2x2OfReluByHand(x: Tensor4D): { y: Tensor4D; backward: (dy: Tensor4D) => Tensor4D } {
  const { y, saved } = poolForward(x);
  return { y, backward: (dy) => poolBackward(dy, saved, x) };
}
