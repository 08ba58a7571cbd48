/**
 * The convnet's two hand-written gradients (docs/performance.md, convolutions): channel-first BatchNorm
 * against autodiff of plain BatchNorm on the [m·H·W, C] view, to float rounding; and the 2×2
 * max-pool of a ReLU output against tfjs's maxPool and MaxPoolGrad, exactly, ties and all-zero windows included.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Tensor, Tensor1D, Tensor4D } from '@tensorflow/tfjs-core';
import { initBackend, tf } from '../../../src/lab/tf';
import { stream } from '../../../src/lab/random';
import { channelBatchNormTrain } from '../../../src/lab/norms/channel-batchnorm';
import { maxPool2x2OfRelu } from '../../../src/lab/ops/max-pool';
import { autodiffBatchNorm, expectReferenceGradients, maxAbs, maxAbsDiff } from './helpers';

beforeAll(async () => {
  await initBackend('wasm');
});

const SHAPE = [4, 6, 6, 3] as const;
const size = SHAPE.reduce((a: number, b: number) => a * b, 1);
/** A skewed input (channel means near 3, stds near 5) and a fixed random weighting of the output as the loss. */
const input = () => tf.tensor4d(stream(1, 'channel-ops').normalArray(size, 3, 5), [...SHAPE]);
const weights = () => tf.tensor4d(stream(2, 'channel-ops').normalArray(size), [...SHAPE]);


describe('channel-first BatchNorm (train mode)', () => {
  let x: Tensor4D, w: Tensor4D, gamma: Tensor1D, beta: Tensor1D;
  beforeAll(() => {
    [x, w] = [input(), weights()];
    gamma = tf.tensor1d(stream(3, 'channel-ops').uniformArray(3, 0.5, 2));
    beta = tf.tensor1d(stream(4, 'channel-ops').normalArray(3));
  });
  const c = SHAPE[3];
  const viaView = (h: Tensor, g: Tensor, b: Tensor) =>
    tf.reshape(autodiffBatchNorm(tf.reshape(h, [-1, c]), g, b), [...SHAPE]) as Tensor4D;
  const channelFirst = (h: Tensor, g: Tensor, b: Tensor) => channelBatchNormTrain(h as Tensor4D, g as Tensor1D, b as Tensor1D).y;

  it('gives the [m·H·W, C] view’s output, batch mean and biased variance', () => {
    const ours = channelBatchNormTrain(x, gamma, beta);
    const { mean, variance } = tf.moments(tf.reshape(x, [-1, c]), 0);
    expect(maxAbsDiff(ours.y, viaView(x, gamma, beta))).toBeLessThan(1e-5);
    expect(maxAbsDiff(ours.mean, mean)).toBeLessThan(1e-5);
    expect(maxAbsDiff(ours.variance, variance)).toBeLessThan(1e-4);
    tf.dispose([ours.y, ours.mean, ours.variance, mean, variance]);
  });

  it('has autodiff’s gradients for x, γ and β, and keeps no tensor', () => {
    const loss = (f: typeof viaView) => (h: Tensor, g: Tensor, b: Tensor) => tf.sum(tf.mul(f(h, g, b), w));
    expectReferenceGradients(loss(channelFirst), loss(viaView), [x, gamma, beta]);
  });
});

describe('2×2 max-pooling of a ReLU output', () => {
  // Rounded values: ties between positive values, and windows of zeros only, both common after a ReLU.
  let z: Tensor4D, dy: Tensor4D;
  beforeAll(() => {
    // The first element positive: wasm's arg-max of an all-zero window points at it (max-pool.ts).
    const first = tf.tensor4d(Array.from({ length: size }, (_, i) => (i === 0 ? 10 : 0)), [...SHAPE]);
    z = tf.tidy(() => tf.add(tf.round(tf.mul(input(), 0.3)), first));
    first.dispose();
    dy = tf.tensor4d(stream(5, 'channel-ops').normalArray(size / 4), [SHAPE[0], 3, 3, SHAPE[3]]);
  });
  // Gradients with respect to the ReLU's output, compared where it is positive (elsewhere the ReLU's gradient is 0).
  const stock = (a: Tensor) => tf.sum(tf.mul(tf.maxPool(a as Tensor4D, 2, 2, 'valid'), dy));
  const ours = (a: Tensor) => tf.sum(tf.mul(maxPool2x2OfRelu(a as Tensor4D), dy));

  it('sees ties and all-zero windows in this input', () => {
    const pooled = tf.maxPool(tf.relu(z) as Tensor4D, 2, 2, 'valid');
    expect(tf.sum(tf.equal(pooled, 0)).dataSync()[0]).toBeGreaterThan(0);
    tf.dispose(pooled);
  });

  it('equals tfjs’s max-pool and its gradient exactly wherever the ReLU passes one', () => {
    const [a, b] = [tf.maxPool(tf.relu(z) as Tensor4D, 2, 2, 'valid'), maxPool2x2OfRelu(tf.relu(z) as Tensor4D)];
    expect(maxAbsDiff(a, b)).toBe(0);
    const a0 = tf.relu(z);
    const passes = tf.cast(tf.greater(a0, 0), 'float32');
    const [ga, gb] = [tf.mul(tf.grad(stock)(a0), passes), tf.mul(tf.grad(ours)(a0), passes)];
    expect(maxAbsDiff(ga, gb)).toBe(0);
    expect(maxAbs(gb)).toBeGreaterThan(0);
    tf.dispose([a, b, a0, passes, ga, gb]);
  });
});
