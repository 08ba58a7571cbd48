/**
 * The ops of the GAN's hand-written passes (backprop.ts) run as bare kernels: `tf.engine().runKernel` with the
 * inputs and attributes tfjs-core 4.22's ops hand it, so the numbers are the ops' own. What is skipped is the
 * op's wrapper: a named scope opened and closed around each op, with a walk of its result to track it (in a
 * Chromium worker's profile of the default WGAN run that walk alone took 4–13 % of the time). These small nets
 * are bound by such per-op costs (docs/performance.md). The outputs are tracked by the enclosing tidy as an
 * op's are, and a tape still records them: the kernels' gradients are registered by kernel name.
 *
 * Only float32 tensors of the shapes below come here (the ops' dtype casts and argument checks are left out).
 */
import { tf } from '../tf';
import type { NamedAttrMap, NamedTensorMap, Tensor, Tensor1D, Tensor2D } from '@tensorflow/tfjs-core';

const run = <T extends Tensor>(kernel: string, inputs: NamedTensorMap, attrs: NamedAttrMap = {}): T => tf.engine().runKernel(kernel, inputs, attrs) as T;

/** `tf.matMul(a, b)`: neither operand transposed (tf.ts: wasm multiplies transposed operands in a scalar loop). */
export const matMul = (a: Tensor2D, b: Tensor2D): Tensor2D => run(tf.BatchMatMul, { a, b }, { transposeA: false, transposeB: false });

/** `tf.transpose(x)` of a matrix. */
export const transpose = (x: Tensor2D): Tensor2D => run(tf.Transpose, { x }, { perm: [1, 0] });

export const add = <T extends Tensor>(a: T, b: Tensor): T => run(tf.Add, { a, b });
export const mul = <T extends Tensor>(a: T, b: Tensor): T => run(tf.Multiply, { a, b });
export const relu = (x: Tensor2D): Tensor2D => run(tf.Relu, { x });
/** `tf.step(x)`: 1 where x > 0, else 0. */
export const step = (x: Tensor2D): Tensor2D => run(tf.Step, { x }, { alpha: 0 });
/** `tf.sum(x, axis)` of a matrix along one axis. */
export const sum = (x: Tensor2D, axis: 0 | 1): Tensor1D => run(tf.Sum, { x }, { axis, keepDims: false });
