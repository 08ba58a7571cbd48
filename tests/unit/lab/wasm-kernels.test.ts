/**
 * The lab's JavaScript kernels on wasm's heap (src/lab/ops/wasm-heap.ts) must give the bits of the tfjs ops they
 * replace there, since every committed convnet number comes through them: the 2×2 pooling's forward and scatter
 * (max-pool-kernels.ts; ties, all-zero windows, a maximum of exactly FLT_MIN, subnormals, −0, NaN and ∞, odd
 * sizes) and the filter gradient's columns (im2col-kernel.ts; both paddings, odd and even kernels, channels).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Tensor, Tensor4D } from '@tensorflow/tfjs-core';
import { initBackend, tf } from '../../../src/lab/tf';
import { stream } from '../../../src/lab/random';
import { poolByKernels, poolByOps } from '../../../src/lab/ops/max-pool';
import { FLT_MIN } from '../../../src/lab/ops/max-pool-kernels';
import { transposedColumnsByOps } from '../../../src/lab/ops/conv2d';
import { transposedColumnsKernel, type ColumnsWindow } from '../../../src/lab/ops/im2col-kernel';

beforeAll(async () => {
  expect((await initBackend('wasm')).backend).toBe('wasm');
});

/** Entries of a and b that are not the same float (Object.is: −0 is not +0, NaN is NaN); shapes and dtypes must agree. */
function differences(a: Tensor, b: Tensor): number {
  expect([a.shape, a.dtype]).toEqual([b.shape, b.dtype]);
  const [x, y] = [Array.from(a.dataSync()), Array.from(b.dataSync())];
  return x.filter((v, i) => !Object.is(v, y[i])).length;
}

describe('2×2 max-pooling kernels', () => {
  const SHAPE = [3, 7, 5, 3] as const; // odd sides: the last row and column belong to no window
  const [n, h, w, c] = SHAPE;
  let x: Tensor4D, dy: Tensor4D;
  beforeAll(() => {
    // Rounded ReLU-like values (ties and all-zero windows), then windows of special values set by hand.
    const values = Float32Array.from(stream(1, 'wasm-kernels').normalArray(n * h * w * c), (v) => Math.max(0, Math.round(v * 1.5)));
    const window = (b: number, i: number, j: number, k: number, four: number[]) =>
      four.forEach((v, q) => (values[((b * h + 2 * i + (q >> 1)) * w + 2 * j + (q & 1)) * c + k] = v));
    window(0, 0, 0, 0, [0, 0, 0, 0]); // all zeros: its arg-max is the tensor's first element, itself in the window
    window(0, 1, 1, 1, [0, FLT_MIN, 0, 0]); // a maximum of exactly FLT_MIN: taken, yet pooled to 0 with no gradient
    window(1, 0, 1, 2, [1e-40, 0, -0, 0]); // a subnormal and −0: below FLT_MIN, never taken
    window(1, 2, 0, 0, [Number.NaN, 2, Number.NaN, 2]); // NaNs passed over; the tie goes to the last 2
    window(2, 1, 0, 1, [Infinity, 1, Infinity, 0]);
    window(2, 2, 1, 2, [5, 5, 5, 5]);
    x = tf.tensor4d(values, [...SHAPE]);
    const grads = stream(2, 'wasm-kernels').normalArray(n * Math.floor(h / 2) * Math.floor(w / 2) * c);
    grads[((0 * 3 + 1) * 2 + 1) * c + 1] = Number.NaN; // dy of the FLT_MIN window: dy·0 is NaN, scattered all the same
    dy = tf.tensor4d(grads, [n, Math.floor(h / 2), Math.floor(w / 2), c]);
  });

  it('pool as wasm’s MaxPoolWithArgmax and the live mask do, bit for bit, and keep no tensor', () => {
    const before = tf.memory().numTensors;
    tf.tidy(() => {
      const [ops, ours] = [poolByOps.forward(x), poolByKernels.forward(x)];
      expect(differences(ops.y, ours.y)).toBe(0);
      expect(differences(ops.saved[0], ours.saved[0])).toBe(0); // the arg-max
      // The input holds what the rules are about: ties among positive maxima and windows pooled to 0.
      expect(tf.sum(tf.equal(ours.y, 0)).dataSync()[0]).toBeGreaterThan(3);
      expect(tf.sum(tf.equal(ours.y, 5)).dataSync()[0]).toBeGreaterThan(0);
    });
    expect(tf.memory().numTensors).toBe(before);
  });

  it('scatter dy as ScatterNd of dy·live does, bit for bit, NaN and the all-zero windows’ updates included', () => {
    tf.tidy(() => {
      const [ops, ours] = [poolByOps.forward(x), poolByKernels.forward(x)];
      const [dxOps, dxOurs] = [poolByOps.backward(dy, ops.saved, x.shape), poolByKernels.backward(dy, ours.saved, x.shape)];
      expect(differences(dxOps, dxOurs)).toBe(0);
      expect(Number.isNaN(dxOurs.dataSync()[(((0 * h + 2) * w + 3) * c + 1)])).toBe(true);
    });
  });
});

describe('the filter gradient’s columns kernel', () => {
  /** [name, x shape NHWC, kernel kh×kw, padding]: what conv2d.ts's im2col covers, and more channels than it uses. */
  const CASES: [string, [number, number, number, number], [number, number], 'same' | 'valid'][] = [
    ['3×3 same, one channel (the first layer)', [3, 7, 6, 1], [3, 3], 'same'],
    ['3×3 valid, one channel', [2, 6, 5, 1], [3, 3], 'valid'],
    ['2×2 same (uneven padding)', [2, 4, 5, 1], [2, 2], 'same'],
    ['5×3 same, three channels', [2, 6, 7, 3], [5, 3], 'same'],
    ['1×1, two channels', [2, 3, 3, 2], [1, 1], 'valid'],
  ];

  it.each(CASES)('%s: the ops’ columns bit for bit', (_, shape, [kh, kw], padding) => {
    const before = tf.memory().numTensors;
    tf.tidy(() => {
      const x = tf.tensor4d(stream(3, 'wasm-kernels').normalArray(shape.reduce((a, b) => a * b, 1)), shape);
      const [, hh, ww] = shape;
      const window: ColumnsWindow =
        padding === 'same'
          ? { kh, kw, top: Math.floor((kh - 1) / 2), left: Math.floor((kw - 1) / 2), outH: hh, outW: ww }
          : { kh, kw, top: 0, left: 0, outH: hh - kh + 1, outW: ww - kw + 1 };
      const [ops, ours] = [transposedColumnsByOps(x, window), transposedColumnsKernel(x, window)];
      expect(differences(ops, ours)).toBe(0);
      // Normal draws are never 0: zeros are exactly the padding, which only 'same' with a kernel wider than 1 has.
      expect(tf.sum(tf.equal(ours, 0)).dataSync()[0]! > 0).toBe(padding === 'same' && kh * kw > 1);
    });
    expect(tf.memory().numTensors).toBe(before);
  });
});
