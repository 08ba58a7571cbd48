/**
 * max-pool.ts's 2×2 pooling of a ReLU output as two wasm kernels written in JavaScript (wasm-heap.ts), the
 * same bits as the ops they replace there:
 * - forward: tfjs-backend-wasm's MaxPoolWithArgmax, then the product with its "live" mask. wasm's kernel
 *   starts each window's maximum at FLT_MIN with the index 0 and takes a value v when v ≥ the maximum so far,
 *   in row-major order (so a tie goes to the last of the window's equal values, a NaN is never taken); the
 *   pooled value is that maximum where it exceeds FLT_MIN, else 0. For the first block (64×28×28×8, Node,
 *   loaded machine) wasm's kernel and the mask took 5.8 ms, this kernel 1.6 ms (docs/performance.md).
 * - backward: ScatterNd of dy·live to the arg-max, which zero-fills and then adds the updates in their order
 *   (an all-zero window adds dy·0 to the tensor's first element, as there).
 * The forward's outputs are [pooled, argmax]; the backward reads the pooled values back for `live`
 * (pooled > 0 exactly where the maximum exceeded FLT_MIN).
 */
import { tf } from '../tf';
import type { Tensor, Tensor4D } from '@tensorflow/tfjs-core';
import { floatsOf, registerWasmKernel, wordsOf } from './wasm-heap';

/** float32's smallest normal number: wasm's MaxPoolWithArgmax's starting maximum. */
export const FLT_MIN = 1.1754943508222875e-38;

/**
 * The scan compares float32 bit patterns as int32s: for floats ≥ +0 they order as the floats do, and −0, the
 * negative floats and the negative NaNs come out below FLT_MIN's pattern, as their floats compare below
 * FLT_MIN. So the same values are taken as by float comparisons, and the scan runs without data-dependent
 * branches (each "take it or not" a mask): on half-zero ReLU output, ties everywhere, a float scan's
 * mispredicted branches made it as slow as wasm's (4–5 against 1.5 ms for the first block). Only a positive
 * NaN's pattern compares above +∞'s, where wasm's kernel passes over it; such windows are scanned again by floats.
 */
const FLT_MIN_BITS = 0x00800000;
const INFINITY_BITS = 0x7f800000;

const POOL = 'LabMaxPool2x2OfRelu';
const POOL_GRAD = 'LabMaxPool2x2OfReluGrad';

/** A window's arg-max by float comparisons, which pass over NaNs as wasm's kernel does; −1 if nothing reached FLT_MIN. */
function argmaxByFloats(xs: Float32Array, first: number, offsets: readonly number[]): number {
  let [best, index] = [FLT_MIN, -1];
  for (const offset of offsets) {
    if (xs[first + offset]! >= best) [best, index] = [xs[first + offset]!, first + offset];
  }
  return index;
}

/** Each 2×2 window's maximum (as bits) and its index, by wasm's MaxPoolWithArgmax's rules (the file's comment). */
function poolWindows(xs: Float32Array, ys: Int32Array, at: Int32Array, [n, h, w, c]: readonly number[]): void {
  const bits = new Int32Array(xs.buffer, xs.byteOffset, xs.length);
  const [outH, outW] = [Math.floor(h! / 2), Math.floor(w! / 2)];
  // A window's four elements in row-major order, from its top-left one.
  const offsets = [0, c!, w! * c!, w! * c! + c!];
  let o = 0;
  for (let b = 0; b < n!; b++) {
    for (let i = 0; i < outH; i++) {
      for (let j = 0; j < outW; j++) {
        const corner = ((b * h! + 2 * i) * w! + 2 * j) * c!;
        for (let k = 0; k < c!; k++, o++) {
          const first = corner + k;
          let best = FLT_MIN_BITS;
          let index = 0;
          for (let q = 0; q < 4; q++) {
            const p = first + offsets[q]!;
            const v = bits[p]!;
            const take = -(v >= best); // all ones or zero
            best ^= (best ^ v) & take;
            index ^= (index ^ p) & take;
          }
          if (best > INFINITY_BITS) {
            index = argmaxByFloats(xs, first, offsets);
            [best, index] = index < 0 ? [FLT_MIN_BITS, 0] : [bits[index]!, index];
          }
          ys[o] = best & -(best > FLT_MIN_BITS); // the maximum where it exceeds FLT_MIN, else +0
          at[o] = index;
        }
      }
    }
  }
}

registerWasmKernel(POOL, ({ inputs, backend }) => {
  const x = inputs['x']!;
  const [n, h, w, c] = x.shape as [number, number, number, number];
  const pooled = backend.makeOutput([n, Math.floor(h / 2), Math.floor(w / 2), c], 'float32');
  const argmax = backend.makeOutput(pooled.shape, 'int32');
  poolWindows(floatsOf(backend, x), wordsOf(backend, pooled), wordsOf(backend, argmax), x.shape);
  return [pooled, argmax];
});

registerWasmKernel(POOL_GRAD, ({ inputs, backend, attrs }) => {
  const [dy, argmax, pooled] = [inputs['dy']!, inputs['argmax']!, inputs['pooled']!];
  const dx = backend.makeOutput(attrs['xShape'] as number[], 'float32');
  const [ds, at, ys, dxs] = [floatsOf(backend, dy), wordsOf(backend, argmax), floatsOf(backend, pooled), floatsOf(backend, dx)];
  dxs.fill(0);
  // dy·1 or dy·0 (±0, or NaN for a NaN dy), added in the updates' order as ScatterNd does.
  for (let o = 0; o < ds.length; o++) dxs[at[o]!]! += ds[o]! * +(ys[o]! > 0);
  return dx;
});

/** [pooled, argmax] of x [N, H, W, C] ≥ 0, on wasm. */
export function poolKernel(x: Tensor4D): [Tensor4D, Tensor4D] {
  return tf.engine().runKernel(POOL, { x }) as [Tensor4D, Tensor4D];
}

/** ∂L/∂x from dy and the forward's [pooled, argmax], on wasm. */
export function poolGradKernel(dy: Tensor, pooled: Tensor, argmax: Tensor, xShape: readonly number[]): Tensor4D {
  return tf.engine().runKernel(POOL_GRAD, { dy, argmax, pooled }, { xShape: [...xShape] }) as Tensor4D;
}
