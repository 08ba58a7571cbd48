/**
 * The dense layers' BatchNorm and ℓp normalizations with closed-form gradients (src/lab/norms/) against
 * autodiff of their plain formulas, on batches like the default MLP's (64 × 16 units, skewed) and the deep
 * linear network's (200 × 10): output, statistics and the gradients of x, γ and β to float rounding, with
 * no tensor left behind and fewer kernels than autodiff.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Tensor, Tensor1D, Tensor2D } from '@tensorflow/tfjs-core';
import { initBackend, tf } from '../../../src/lab/tf';
import { stream } from '../../../src/lab/random';
import { batchNormTrain } from '../../../src/lab/norms/batchnorm';
import { lpNormTrain, lpScale, type LpKind } from '../../../src/lab/norms/lp';
import { autodiffBatchNorm, autodiffLpNorm, expectReferenceGradients, maxAbsDiff } from './helpers';

beforeAll(async () => {
  await initBackend('wasm');
});


type Norm = (x: Tensor, g: Tensor, b: Tensor) => Tensor;
const lp = (kind: LpKind): Norm => (x, g, b) => lpNormTrain(x as Tensor2D, kind, g as Tensor1D, b as Tensor1D).y;
const reference = (kind: LpKind): Norm => (x, g, b) => autodiffLpNorm(x, kind, g, b);
const bn: Norm = (x, g, b) => batchNormTrain(x as Tensor2D, g as Tensor1D, b as Tensor1D).y;

describe.each([
  [64, 16],
  [200, 10],
])('a %i × %i batch', (m, units) => {
  let h: Tensor2D, w: Tensor2D, gamma: Tensor1D, beta: Tensor1D;
  beforeAll(() => {
    const rng = stream(m, 'closed-form');
    h = tf.tensor2d(rng.normalArray(m * units, 3, 5), [m, units]);
    w = tf.tensor2d(rng.normalArray(m * units), [m, units]);
    gamma = tf.tensor1d(rng.uniformArray(units, 0.5, 2));
    beta = tf.tensor1d(rng.normalArray(units));
  });
  // tanh makes the loss nonlinear in the output, as the layers after a normalization do.
  const loss = (f: Norm) => (x: Tensor, g: Tensor, b: Tensor) => tf.sum(tf.mul(tf.tanh(f(x, g, b)), w));
  const gradientsAgree = (ours: Norm, reference: Norm) => expectReferenceGradients(loss(ours), loss(reference), [h, gamma, beta]);
  const kernels = async (f: Norm) => (await tf.profile(() => tf.dispose(tf.grads(loss(f))([h, gamma, beta])))).kernels.length;

  it('BatchNorm gives autodiff’s output, batch mean and biased variance', () => {
    const out = batchNormTrain(h, gamma, beta);
    const reference = tf.moments(h, 0);
    const expected = autodiffBatchNorm(h, gamma, beta);
    expect(maxAbsDiff(out.y, expected)).toBeLessThan(1e-5);
    expect(out.mean.shape).toEqual([units]);
    expect(maxAbsDiff(out.mean, reference.mean)).toBeLessThan(1e-5);
    expect(maxAbsDiff(out.variance, reference.variance)).toBeLessThan(1e-4);
    tf.dispose([out.y, out.mean, out.variance, reference.mean, reference.variance, expected]);
  });

  it('BatchNorm has autodiff’s gradients for x, γ and β, and keeps no tensor', () => gradientsAgree(bn, autodiffBatchNorm));

  it('BatchNorm launches fewer kernels for a forward and backward pass than autodiff', async () => {
    expect(await kernels(bn)).toBeLessThan(0.75 * (await kernels(autodiffBatchNorm)));
  });

  it.each<LpKind>(['l1', 'l2', 'linf'])('%s gives autodiff’s output, mean and s_p', (kind) => {
    const out = lpNormTrain(h, kind, gamma, beta);
    const [expected, mean, scale] = [autodiffLpNorm(h, kind, gamma, beta), tf.mean(h, 0), lpScale(h, kind)];
    expect(maxAbsDiff(out.y, expected)).toBeLessThan(1e-5);
    expect(maxAbsDiff(out.mean, mean)).toBe(0);
    expect(maxAbsDiff(out.scale, scale)).toBe(0);
    tf.dispose([out.y, out.mean, out.scale, expected, mean, scale]);
  });

  it.each<LpKind>(['l1', 'l2', 'linf'])('%s has autodiff’s gradients for x, γ and β, and keeps no tensor', (kind) => gradientsAgree(lp(kind), reference(kind)));

  it.each<LpKind>(['l1', 'l2', 'linf'])('%s launches fewer kernels than autodiff', async (kind) => {
    expect(await kernels(lp(kind))).toBeLessThan(0.75 * (await kernels(reference(kind))));
  });
});
