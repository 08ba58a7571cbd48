/**
 * src/lab/ops/conv2d.ts replaces tfjs's Conv2D gradient so a convolution trains on wasm (which has no
 * Conv2DBackpropFilter kernel). Its filter and input gradients must be what tfjs-core's own gradient
 * gives (Conv2D_grad called directly, so unpatched: cpu only, the kernel it needs is cpu-only), what a
 * float64 loop over the definition gives (both backends), and what central differences give.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { NamedAttrMap, Scalar, Tensor, Tensor4D } from '@tensorflow/tfjs-core';
import { conv2DGradConfig } from '@tensorflow/tfjs-core/dist/gradients/Conv2D_grad';
import { initBackend, tf, type BackendName } from '../../../src/lab/tf';
import { conv2d, type ConvPadding } from '../../../src/lab/ops/conv2d';
import { stream } from '../../../src/lab/random';
import { gradientCheckExcess } from './helpers';

type Shape4 = [number, number, number, number];

/** [name, x shape NHWC, filter shape, padding]: odd and even kernels, several channels, both paddings. */
const CASES: [string, Shape4, Shape4, ConvPadding][] = [
  ['3×3 same, 2→3 channels', [2, 5, 4, 2], [3, 3, 2, 3], 'same'],
  ['3×3 valid, 1→2 channels', [3, 6, 5, 1], [3, 3, 1, 2], 'valid'],
  ['2×2 same (uneven padding)', [2, 4, 5, 2], [2, 2, 2, 2], 'same'],
  ['1×3 valid', [1, 4, 6, 3], [1, 3, 3, 2], 'valid'],
];

/** float32 sums of ≤ 60 products in another order than float64: a few ulps of the largest entry. */
const MATCH_TOLERANCE = 1e-5;


/** Size of one output dimension and the padding before it, as TensorFlow defines them at stride 1. */
function geometry(size: number, k: number, padding: ConvPadding): { out: number; before: number } {
  return padding === 'same' ? { out: size, before: Math.floor((k - 1) / 2) } : { out: size - k + 1, before: 0 };
}

/** dL/dx and dL/dW of L = Σ w ⊙ conv(x, W), straight from the definition in float64. */
function referenceGradients(x: Float32Array, xs: Shape4, f: Float32Array, fs: Shape4, w: Float32Array, padding: ConvPadding) {
  const [n, h, wd, cIn] = xs;
  const [kh, kw, , cOut] = fs;
  const rows = geometry(h, kh, padding);
  const cols = geometry(wd, kw, padding);
  const dx = new Float64Array(x.length);
  const df = new Float64Array(f.length);
  for (let b = 0; b < n; b++)
    for (let r = 0; r < rows.out; r++)
      for (let c = 0; c < cols.out; c++)
        for (let o = 0; o < cOut; o++) {
          const g = w[((b * rows.out + r) * cols.out + c) * cOut + o]!;
          for (let i = 0; i < kh; i++)
            for (let j = 0; j < kw; j++) {
              const y = r + i - rows.before;
              const z = c + j - cols.before;
              if (y < 0 || y >= h || z < 0 || z >= wd) continue;
              for (let ci = 0; ci < cIn; ci++) {
                const xi = ((b * h + y) * wd + z) * cIn + ci;
                const fi = ((i * kw + j) * cIn + ci) * cOut + o;
                dx[xi]! += g * f[fi]!;
                df[fi]! += g * x[xi]!;
              }
            }
        }
  return [dx, df];
}

describe.each<BackendName>(['cpu', 'wasm'])('the Conv2D gradient on %s', (backend) => {
  beforeAll(async () => {
    expect((await initBackend(backend)).backend).toBe(backend);
  });

  it('is the lab’s, not tfjs-core’s', () => {
    expect(tf.getGradient(tf.Conv2D).gradFunc).not.toBe(conv2DGradConfig.gradFunc);
  });

  describe.each(CASES)('%s', (name, xShape, fShape, padding) => {
    function inputs() {
      const rng = stream(name.length, 'conv2d-gradient');
      const draw = (shape: Shape4) => tf.tensor(rng.normalArray(shape.reduce((p, k) => p * k, 1)), shape) as Tensor4D;
      const x = draw(xShape);
      const filter = draw(fShape);
      const w = tf.tidy(() => tf.randomNormal(conv2d(x, filter, padding).shape, 0, 1, 'float32', 7));
      const loss = (a: Tensor, b: Tensor): Scalar => tf.sum(tf.mul(w, conv2d(a as Tensor4D, b as Tensor4D, padding)));
      return { x, filter, w, loss };
    }

    it('matches the definition (float64 loops)', () => {
      const before = tf.memory().numTensors;
      const { x, filter, w, loss } = inputs();
      const got = tf.tidy(() => tf.grads(loss)([x, filter]).map((g) => g.dataSync()));
      const expected = referenceGradients(x.dataSync() as Float32Array, xShape, filter.dataSync() as Float32Array, fShape, w.dataSync() as Float32Array, padding);
      got.forEach((g, k) => expect(maxDifference(g, expected[k]!)).toBeLessThan(MATCH_TOLERANCE));
      tf.dispose([x, filter, w]);
      expect(tf.memory().numTensors).toBe(before);
    });

    it('matches central differences', () => {
      const { x, filter, w, loss } = inputs();
      expect(gradientCheckExcess(loss, [x, filter])).toBeLessThanOrEqual(0);
      tf.dispose([x, filter, w]);
    });

    if (backend === 'cpu') {
      it('matches tfjs-core’s own gradient', () => {
        const { x, filter, w, loss } = inputs();
        const patched = tf.tidy(() => tf.grads(loss)([x, filter]).map((g) => g.dataSync()));
        const dy = tf.tidy(() => tf.mul(w, tf.onesLike(w)));
        const stock = conv2DGradConfig.gradFunc(dy, [x, filter], { strides: 1, pad: padding, dataFormat: 'NHWC', dilations: 1 } as unknown as NamedAttrMap) as Record<'x' | 'filter', () => Tensor>;
        const expected = tf.tidy(() => [stock.x(), stock.filter()].map((g) => g.dataSync()));
        patched.forEach((g, k) => expect(maxDifference(g, expected[k]!)).toBeLessThan(MATCH_TOLERANCE));
        tf.dispose([x, filter, w, dy]);
      });
    }
  });

  it('trains a convolution: forward, input and filter gradients all run here', () => {
    const x = tf.ones([2, 6, 6, 3]) as Tensor4D;
    const filter = tf.ones([3, 3, 3, 4]) as Tensor4D;
    const [dx, df] = tf.grads((a: Tensor, b: Tensor) => tf.sum(conv2d(a as Tensor4D, b as Tensor4D, 'same')))([x, filter]);
    expect(tf.getBackend()).toBe(backend);
    expect([dx!.shape, df!.shape]).toEqual([x.shape, filter.shape]);
    // Every filter tap sees the 2·6·6 positions minus those the zero padding hides: a corner tap misses 11 per image.
    expect(df!.dataSync()[0]).toBe(2 * 25);
    tf.dispose([x, filter, dx!, df!]);
  });
});

function maxDifference(x: ArrayLike<number>, y: ArrayLike<number>): number {
  expect(x.length).toBe(y.length);
  let worst = 0;
  for (let i = 0; i < x.length; i++) worst = Math.max(worst, Math.abs(x[i]! - y[i]!));
  return worst;
}
