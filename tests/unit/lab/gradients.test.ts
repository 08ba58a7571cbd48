/**
 * Finite-difference checks of the hand-written normalizations' gradients (float32, small inputs):
 * BatchNorm, noisy BatchNorm's deterministic part (noise held fixed) and each ℓp normalization.
 * Each check weights the output by a fixed random matrix so every output entry matters.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { GradSaveFunc, Scalar, Tensor, Tensor1D, Tensor2D } from '@tensorflow/tfjs-core';
import { initBackend, tf } from '../../../src/lab/tf';
import { stream } from '../../../src/lab/random';
import { batchNormTrain } from '../../../src/lab/norms/batchnorm';
import { lpNormTrain, type LpKind } from '../../../src/lab/norms/lp';
import { applyNoise, drawNoise } from '../../../src/lab/norms/noise';
import { layeredModel } from '../../../src/lab/models/layered';
import { gradientCheckExcess } from './helpers';

const M = 6;
const UNITS = 4;

beforeAll(async () => {
  await initBackend('wasm');
});

function inputs(seed: number): { h: Tensor2D; gamma: Tensor1D; beta: Tensor1D; weights: Tensor2D } {
  const rng = stream(seed, 'test');
  return {
    h: tf.tensor2d(rng.normalArray(M * UNITS, 0.5, 2), [M, UNITS]),
    gamma: tf.tensor1d(rng.uniformArray(UNITS, 0.5, 1.5)),
    beta: tf.tensor1d(rng.normalArray(UNITS)),
    weights: tf.tensor2d(rng.normalArray(M * UNITS), [M, UNITS]),
  };
}

/** Σ weights ⊙ tanh(norm(h)) — the tanh makes the loss nonlinear in the output, as downstream layers do. */
function weighted(weights: Tensor2D, norm: (h: Tensor2D, gamma: Tensor1D, beta: Tensor1D) => Tensor2D) {
  return (h: Tensor, gamma: Tensor, beta: Tensor): Scalar =>
    tf.sum(tf.mul(weights, tf.tanh(norm(h as Tensor2D, gamma as Tensor1D, beta as Tensor1D))));
}

describe('normalization gradients match finite differences', () => {
  it('BatchNorm (train mode)', () => {
    const { h, gamma, beta, weights } = inputs(1);
    expect(gradientCheckExcess(weighted(weights, (x, g, b) => batchNormTrain(x, g, b).y), [h, gamma, beta])).toBeLessThanOrEqual(0);
  });

  it('noisy BatchNorm with its noise held fixed', () => {
    const { h, gamma, beta, weights } = inputs(2);
    const noise = drawNoise(stream(2, 'noise'), M, new Map([[1, UNITS]])).get(1)!;
    const f = weighted(weights, (x, g, b) => applyNoise(batchNormTrain(x, g, b).y, noise));
    expect(gradientCheckExcess(f, [h, gamma, beta])).toBeLessThanOrEqual(0);
  });

  it.each<LpKind>(['l1', 'l2', 'linf'])('%s normalization', (kind) => {
    const { h, gamma, beta, weights } = inputs(3);
    expect(gradientCheckExcess(weighted(weights, (x, g, b) => lpNormTrain(x, kind, g, b).y), [h, gamma, beta])).toBeLessThanOrEqual(0);
  });

  it('the check itself flags a gradient that is 3% off', () => {
    const { h, weights } = inputs(5);
    // d/dx Σ w·tanh(x) = w·(1 − tanh²x); the custom gradient returns 1.03 times that.
    const skewed = tf.customGrad((...args: (Tensor | GradSaveFunc)[]) => {
      const x = args[0] as Tensor;
      (args[1] as GradSaveFunc)([x]);
      return {
        value: tf.sum(tf.mul(weights, tf.tanh(x))),
        gradFunc: (dy: Tensor, saved: Tensor[]) =>
          tf.mul(dy, tf.mul(tf.mul(weights, tf.sub(1, tf.square(tf.tanh(saved[0]!)))), 1.03)),
      };
    });
    expect(gradientCheckExcess((x) => skewed(x) as Scalar, [h])).toBeGreaterThan(0);
  });

  it('a whole BatchNorm MLP (weights, γ, β, biases) through the model loss', () => {
    const model = layeredModel({ sizes: [5, 4, 4, 3], activation: 'tanh', norm: 'batchnorm', bias: true, loss: 'softmax-cross-entropy' });
    const rng = stream(4, 'test');
    const params = model.init(4);
    const batch = {
      x: tf.tensor2d(rng.normalArray(M * 5), [M, 5]) as Tensor2D,
      y: tf.cast(tf.oneHot(tf.tensor1d([0, 1, 2, 0, 1, 2], 'int32'), 3), 'float32') as Tensor2D,
    };
    const excess = gradientCheckExcess((...p) => model.loss(p, batch, { mode: 'train' }), params);
    expect(excess).toBeLessThanOrEqual(0);
  });
});
