/** BatchNorm's forward conventions: batch moments in train mode, exact γ/β, running stats in eval mode. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Tensor1D, Tensor2D } from '@tensorflow/tfjs-core';
import { initBackend, tf } from '../../../src/lab/tf';
import { stream } from '../../../src/lab/random';
import { BN_MOMENTUM, batchNormTrain, updateRunning } from '../../../src/lab/norms/batchnorm';
import { layeredModel } from '../../../src/lab/models/layered';
import type { RunningStats } from '../../../src/lab/types';

beforeAll(async () => {
  await initBackend('wasm');
});

const M = 256;
const UNITS = 8;

function skewedActivations(seed: number): Tensor2D {
  // Means around 3 and stds around 5: far from what BN outputs, so the test sees it normalise.
  return tf.tensor2d(stream(seed, 'test').normalArray(M * UNITS, 3, 5), [M, UNITS]);
}

describe('BatchNorm (train mode)', () => {
  it('outputs mean 0 and variance 1 per unit before γ, β', () => {
    const h = skewedActivations(1);
    const { y } = batchNormTrain(h, tf.ones([UNITS]) as Tensor1D, tf.zeros([UNITS]) as Tensor1D);
    const { mean, variance } = tf.moments(y, 0);
    for (const m of mean.dataSync()) expect(Math.abs(m)).toBeLessThan(1e-5);
    // ε = 1e-5 against a variance of ~25 shifts the output variance by ~4e-7.
    for (const v of variance.dataSync()) expect(Math.abs(v - 1)).toBeLessThan(1e-4);
  });

  it('applies γ and β exactly: y = γ·x̂ + β', () => {
    const h = skewedActivations(2);
    const gamma = tf.tensor1d(stream(2, 'gamma').uniformArray(UNITS, 0.5, 3));
    const beta = tf.tensor1d(stream(2, 'beta').normalArray(UNITS));
    const plain = batchNormTrain(h, tf.ones([UNITS]) as Tensor1D, tf.zeros([UNITS]) as Tensor1D).y;
    const affine = batchNormTrain(h, gamma, beta).y;
    const expected = tf.add(tf.mul(plain, gamma), beta);
    expect(tf.max(tf.abs(tf.sub(affine, expected))).dataSync()[0]).toBeLessThan(1e-5);
  });

  it('reports the biased batch variance', () => {
    const h = tf.tensor2d([1, 2, 3, 5], [4, 1]);
    const { mean, variance } = batchNormTrain(h, tf.ones([1]) as Tensor1D, tf.zeros([1]) as Tensor1D);
    expect(mean.dataSync()[0]).toBeCloseTo(2.75, 6);
    expect(variance.dataSync()[0]).toBeCloseTo((1.75 ** 2 + 0.75 ** 2 + 0.25 ** 2 + 2.25 ** 2) / 4, 5);
  });
});

describe('running statistics', () => {
  it('use the PyTorch momentum convention (weight 0.1 on the new batch)', () => {
    const running: RunningStats = { mean: tf.tensor1d([0, 10]), variance: tf.tensor1d([1, 2]) };
    const batch: RunningStats = { mean: tf.tensor1d([1, 0]), variance: tf.tensor1d([3, 2]) };
    const next = updateRunning(running, batch);
    expect(BN_MOMENTUM).toBe(0.1);
    expect(Array.from(next.mean.dataSync())).toEqual([0.1, 9].map((v) => Math.fround(v)));
    expect(next.variance.dataSync()[0]).toBeCloseTo(1.2, 6);
  });

  it('are what eval mode normalises with; train and probe modes use the batch', () => {
    const model = layeredModel({ sizes: [3, 4, 2], activation: 'relu', norm: 'batchnorm', bias: true, loss: 'softmax-cross-entropy' });
    const params = model.init(1);
    const x = tf.tensor2d(stream(3, 'x').normalArray(5 * 3, 1, 2), [5, 3]) as Tensor2D;
    const running = new Map([[1, { mean: tf.tensor1d([0.5, -1, 2, 0]), variance: tf.tensor1d([4, 1, 0.25, 9]) } as RunningStats]]);
    const evalOut = model.forward(params, x, { mode: 'eval', running }).activations.get(1)!;
    const h = tf.matMul(x, params[model.weightIndex(1)]!);
    const expected = tf.div(tf.sub(h, running.get(1)!.mean), tf.sqrt(tf.add(running.get(1)!.variance, 1e-5)));
    expect(tf.max(tf.abs(tf.sub(evalOut, expected))).dataSync()[0]).toBeLessThan(1e-5);
    const trainOut = model.forward(params, x, { mode: 'train', running }).activations.get(1)!;
    const probeOut = model.forward(params, x, { mode: 'probe', running }).activations.get(1)!;
    expect(Array.from(probeOut.dataSync())).toEqual(Array.from(trainOut.dataSync()));
    expect(Math.abs(tf.mean(trainOut).dataSync()[0]!)).toBeLessThan(1e-5);
    expect(tf.max(tf.abs(tf.sub(trainOut, evalOut))).dataSync()[0]).toBeGreaterThan(0.1);
  });

  it('eval mode without running statistics is a readable error', () => {
    const model = layeredModel({ sizes: [3, 4, 2], activation: 'relu', norm: 'batchnorm', bias: true, loss: 'softmax-cross-entropy' });
    const params = model.init(1);
    expect(() => model.forward(params, tf.zeros([2, 3]) as Tensor2D, { mode: 'eval' })).toThrow(/running statistics/);
  });
});
