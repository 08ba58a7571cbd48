/**
 * 2×2 max-pooling (stride 2, 'valid', NHWC) of a ReLU's output, with a gradient that is a scatter of dy to each
 * window's arg-max. wasm's own MaxPoolGrad re-scans every window in a scalar loop and was the convnet step's
 * largest kernel (about a fifth of a BatchNorm step, docs/performance.md); MaxPoolWithArgmax finds the
 * arg-max in the forward pass and ScatterNd places dy in one pass, about twice as fast for both blocks. On wasm
 * both run as JavaScript kernels on the backend's heap with the same bits (max-pool-kernels.ts): wasm's
 * MaxPoolWithArgmax scans each window in a scalar loop, 3–4× slower.
 *
 * Why "of a ReLU's output": tfjs-backend-wasm 4.22's MaxPoolWithArgmax starts each window's maximum at
 * FLT_MIN (the smallest positive float32), not −∞, so a window with no value above FLT_MIN comes back as
 * FLT_MIN with the arg-max 0 (the tensor's first element). For non-negative input such a window is all
 * zeros: its value is set back to 0 here and its dy dropped — where tfjs's MaxPoolGrad would send dy to one
 * of the zeros, and the ReLU's gradient (zero where its input was not positive) cancels it there anyway.
 */
import { tf } from '../tf';
import type { GradSaveFunc, Tensor, Tensor4D } from '@tensorflow/tfjs-core';
import { FLT_MIN, poolGradKernel, poolKernel } from './max-pool-kernels';
import { onWasm } from './wasm-heap';

interface PoolWay {
  /** The pooled values and the two tensors the backward pass reads. */
  forward(x: Tensor4D): { y: Tensor4D; saved: [Tensor, Tensor] };
  /** ∂L/∂x from ∂L/∂y: dy scattered to each live window's arg-max. */
  backward(dy: Tensor, saved: readonly Tensor[], xShape: Tensor4D['shape']): Tensor4D;
}

/** From tfjs ops: the cpu backend's way, and the reference the wasm kernels are tested against. */
export const poolByOps: PoolWay = {
  forward(x) {
    const { result, indexes } = tf.maxPoolWithArgmax(x, 2, 2, 'valid', true) as { result: Tensor4D; indexes: Tensor4D };
    // 1 where the window held a positive value, else 0 (a product with it is cheaper than tf.where, which tiles 0).
    const live = tf.cast(tf.greater(result, FLT_MIN), 'float32');
    return { y: tf.mul(result, live) as Tensor4D, saved: [indexes, live] };
  },
  backward(dy, [argmax, live], xShape) {
    const size = xShape.reduce((a, b) => a * b, 1);
    return tf.reshape(tf.scatterND(tf.reshape(argmax!, [-1, 1]), tf.reshape(tf.mul(dy, live!), [-1]), [size]), xShape);
  },
};

/** The same bits from two JavaScript kernels on wasm's heap (max-pool-kernels.ts): several times faster there. */
export const poolByKernels: PoolWay = {
  forward(x) {
    const [y, argmax] = poolKernel(x);
    return { y, saved: [argmax, y] };
  },
  backward: (dy, [argmax, y], xShape) => poolGradKernel(dy, y!, argmax!, xShape),
};

const way = (): PoolWay => (onWasm() ? poolByKernels : poolByOps);

const pool = tf.customGrad((...args: (Tensor | GradSaveFunc)[]) => {
  const [x, save] = args as [Tensor4D, GradSaveFunc];
  const { forward, backward } = way();
  const { y, saved } = forward(x);
  save(saved);
  return { value: y, gradFunc: (dy: Tensor, kept: Tensor[]) => backward(dy, kept, x.shape) };
});

/** 2×2 max-pooling of x ≥ 0 (a ReLU's output), [N, H, W, C] → [N, ⌊H/2⌋, ⌊W/2⌋, C]. */
export function maxPool2x2OfRelu(x: Tensor4D): Tensor4D {
  return pool(x) as Tensor4D;
}

/** The same pooling off the tape, with its backward (the same ops as the custom gradient) to call by hand. */
export function maxPool2x2OfReluByHand(x: Tensor4D): { y: Tensor4D; backward: (dy: Tensor4D) => Tensor4D } {
  const { forward, backward } = way();
  const { y, saved } = forward(x);
  return { y, backward: (dy) => backward(dy, saved, x.shape) };
}
