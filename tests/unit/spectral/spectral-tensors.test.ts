/**
 * R7 (docs/protocol.md, R7) in tensors: the reference σ of a weight tensor, the gradient through
 * σ̂ = ũᵀWṽ, and the Lipschitz bound of a spectrally normalised ReLU critic. The experiment's seeded
 * runs are science tests (tests/science/spectral).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Tensor2D } from '@tensorflow/tfjs-core';
import { initBackend, tf } from '../../../src/lab/tf';
import { stream } from '../../../src/lab/random';
import { initialU, powerIterate, sigmaOf, spectralNormReference } from '../../../src/lab/measure/spectral';
import { CRITIC_SIZES, forward, heNormalNet, inputGradNorms } from '../../../src/lab/gan/nets';
import { initSpectral, normalizedParams, refreshSpectral } from '../../../src/lab/gan/spectral-critic';
import type { Params } from '../../../src/lab/types';

beforeAll(async () => {
  await initBackend('wasm');
});

const read = (t: tf.Tensor) => {
  const value = t.dataSync()[0]!;
  t.dispose();
  return value;
};

/** Largest ‖∇ₓf‖ over 2000 points uniform in [−2, 2]². */
function maxInputGradNorm(params: Params, seed: number): number {
  return read(
    tf.tidy(() => {
      const points = tf.tensor2d(stream(seed, 'points').uniformArray(4000, -2, 2), [2000, 2]);
      return tf.max(inputGradNorms((x) => forward(params, x), points));
    }),
  );
}

describe('spectral norm by power iteration', () => {
  it('the reference reads a tensor and finds its spectral norm', () => {
    const diagonal = tf.tensor2d([[3, 0, 0], [0, -5, 0], [0, 0, 1], [0, 0, 0]]);
    expect(spectralNormReference(diagonal, stream(1, 'ref'))).toBeCloseTo(5, 4);
    // Rank one: σ(abᵀ) = ‖a‖·‖b‖ = 5·13.
    const rankOne = tf.outerProduct(tf.tensor1d([3, 4]), tf.tensor1d([5, 12])) as Tensor2D;
    expect(spectralNormReference(rankOne, stream(1, 'ref'))).toBeCloseTo(65, 3);
    tf.dispose([diagonal, rankOne]);
  });

  it('the gradient of σ̂ = ũᵀWṽ with ũ, ṽ held fixed is ũṽᵀ (Miyato et al. §2.3)', () => {
    const w = tf.tensor2d(stream(4, 'w').normalArray(12), [4, 3]);
    const it = powerIterate(w, initialU(4, stream(4, 'u')));
    const grad = tf.grad((m) => sigmaOf(m as Tensor2D, it.u, it.v))(w);
    const expected = tf.matMul(it.u, it.v, true, false);
    expect(read(tf.max(tf.abs(tf.sub(grad, expected))))).toBeLessThan(1e-6);
    tf.dispose([w, it.u, it.v, it.sigma, grad, expected]);
  });
});

describe('a spectrally normalised critic', () => {
  it('has max input-gradient norm ≤ 1 + 1e-3 with converged σ, while the raw critic exceeds 1', () => {
    for (const seed of [1, 2, 3]) {
      const raw = heNormalNet(CRITIC_SIZES, stream(seed, 'critic'));
      let vectors = initSpectral(raw, stream(seed, 'u'));
      for (let i = 0; i < 300; i++) vectors = refreshSpectral(raw, vectors);
      const normalized = tf.tidy(() => normalizedParams(raw, vectors));
      expect(maxInputGradNorm(raw, seed)).toBeGreaterThan(1);
      expect(maxInputGradNorm(normalized, seed)).toBeLessThanOrEqual(1 + 1e-3);
      tf.dispose([...raw, ...normalized.filter((_, i) => i % 2 === 0), ...vectors.u, ...vectors.v]);
    }
  });
});
