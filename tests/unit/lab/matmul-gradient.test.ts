/**
 * src/lab/tf.ts replaces tfjs's BatchMatMul gradient for every program the lab runs. Each of its four
 * transpose branches, and a batched (rank-3) product, must give what tfjs-core's own gradient gives
 * (its BatchMatMul_grad, called directly, so unpatched) and what central differences give, on both
 * backends the lab runs on.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { NamedAttrMap, Scalar, Tensor } from '@tensorflow/tfjs-core';
import { batchMatMulGradConfig } from '@tensorflow/tfjs-core/dist/gradients/BatchMatMul_grad';
import { initBackend, tf, type BackendName } from '../../../src/lab/tf';
import { stream } from '../../../src/lab/random';
import { gradientCheckExcess } from './helpers';

/** [a's shape, b's shape, transposeA, transposeB]: a·b is 3×4 (per batch entry) in every case. */
const CASES: [string, number[], number[], boolean, boolean][] = [
  ['a·b', [3, 5], [5, 4], false, false],
  ['a·bᵀ', [3, 5], [4, 5], false, true],
  ['aᵀ·b', [5, 3], [5, 4], true, false],
  ['aᵀ·bᵀ', [5, 3], [4, 5], true, true],
  ['batched aᵀ·b', [2, 5, 3], [2, 5, 4], true, false],
  ['batched a·bᵀ', [2, 3, 5], [2, 4, 5], false, true],
];

/** float32 sums of five products in another order: agreement to a few ulps of the largest entry. */
const MATCH_TOLERANCE = 1e-6;

describe.each<BackendName>(['cpu', 'wasm'])('the BatchMatMul gradient on %s', (backend) => {
  beforeAll(async () => {
    expect((await initBackend(backend)).backend).toBe(backend);
  });

  it('is the lab’s, not tfjs-core’s', () => {
    expect(tf.getGradient(tf.BatchMatMul).gradFunc).not.toBe(batchMatMulGradConfig.gradFunc);
  });

  describe.each(CASES)('%s', (_, aShape, bShape, transposeA, transposeB) => {
    /** a, b and the weights w of Σ w ⊙ (a·b), so dy = w and every entry of the product has its own weight. */
    function inputs() {
      const rng = stream(aShape.length * 10 + Number(transposeA) * 2 + Number(transposeB), 'matmul-gradient');
      const draw = (shape: number[]) => tf.tensor(rng.normalArray(shape.reduce((p, n) => p * n, 1)), shape);
      const w = draw([...aShape.slice(0, -2), 3, 4]);
      const loss = (x: Tensor, y: Tensor): Scalar => tf.sum(tf.mul(w, tf.matMul(x, y, transposeA, transposeB)));
      return { a: draw(aShape), b: draw(bShape), w, loss };
    }

    it('matches tfjs-core’s own gradient', () => {
      const before = tf.memory().numTensors;
      const { a, b, w, loss } = inputs();
      const patched = tf.tidy(() => tf.grads(loss)([a, b]).map((g) => g.arraySync()));
      const stock = batchMatMulGradConfig.gradFunc(w, [a, b], { transposeA, transposeB } as unknown as NamedAttrMap) as Record<'a' | 'b', () => Tensor>;
      const expected = tf.tidy(() => [stock.a(), stock.b()].map((g) => g.arraySync()));
      expect(maxDifference(patched[0], expected[0])).toBeLessThan(MATCH_TOLERANCE);
      expect(maxDifference(patched[1], expected[1])).toBeLessThan(MATCH_TOLERANCE);
      tf.dispose([a, b, w]);
      expect(tf.memory().numTensors).toBe(before);
    });

    it('matches central differences', () => {
      const { a, b, w, loss } = inputs();
      expect(gradientCheckExcess(loss, [a, b])).toBeLessThanOrEqual(0);
      tf.dispose([a, b, w]);
    });
  });
});

/** Largest |x − y| over two nested arrays of the same shape. */
function maxDifference(x: unknown, y: unknown): number {
  if (typeof x === 'number') return Math.abs(x - (y as number));
  const ys = y as unknown[];
  expect((x as unknown[]).length).toBe(ys.length);
  return Math.max(...(x as unknown[]).map((xi, i) => maxDifference(xi, ys[i])));
}
