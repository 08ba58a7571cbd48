/**
 * The WGAN's fused elementwise kernels (src/lab/ops/gan-kernels.ts) must give the bits of the op chains they replace on
 * wasm (backprop.ts `penaltyGradByOps`, wgan-arm.ts `interpolateByOps`), since the WGAN figure's committed numbers
 * come through them: compared as floats (−0 is not +0), with zero rows, −0, negatives and magnitudes far apart.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Tensor, Tensor2D } from '@tensorflow/tfjs-core';
import { initBackend, tf } from '../../../src/lab/tf';
import { stream } from '../../../src/lab/random';
import { interpolateKernel, penaltyGradKernel } from '../../../src/lab/ops/gan-kernels';
import { penaltyGradByOps } from '../../../src/lab/gan/backprop';
import { interpolateByOps } from '../../../src/lab/gan/wgan-arm';

beforeAll(async () => {
  expect((await initBackend('wasm')).backend).toBe('wasm');
});

/** Entries of a and b that are not the same float; shapes must agree. */
function differences(a: Tensor, b: Tensor): number {
  expect(a.shape).toEqual(b.shape);
  const [x, y] = [Array.from(a.dataSync()), Array.from(b.dataSync())];
  return x.filter((v, i) => !Object.is(v, y[i])).length;
}

/** n × 2 normal draws, rows scaled from 1e-4 to 1e3, with a zero row, a −0 and a row of norm exactly 1. */
function inputGradients(seed: number, n = 64): Tensor2D {
  const values = Float32Array.from(stream(seed, 'gan-kernels').normalArray(2 * n), (v, i) => v * 10 ** ((Math.floor(i / 2) % 8) - 4));
  values.set([0, 0, -0, 0.5, 0.6, 0.8], 0);
  return tf.tensor2d(values, [n, 2]);
}

describe('the WGAN’s elementwise kernels on wasm', () => {
  it.each([0.1, 10, 0.37])('the gradient penalty’s ∂/∂g at λ = %s: the ops’ bits, ‖g‖ − 1 too', (lambda) => {
    const before = tf.memory().numTensors;
    tf.tidy(() => {
      const g = inputGradients(Math.round(lambda * 100));
      const [ops, ours] = [penaltyGradByOps(g, lambda), penaltyGradKernel(g, lambda)];
      expect(differences(ops.dG, ours.dG)).toBe(0);
      expect(differences(ops.off, ours.off)).toBe(0);
      // The zero row: ‖g‖ is √1e-12, ‖g‖ − 1 < 0, so its ∂/∂g is −0 (a negative factor times g·2 = 0).
      expect(Array.from(ours.dG.dataSync().slice(0, 2))).toEqual([-0, -0]);
    });
    expect(tf.memory().numTensors).toBe(before);
  });

  it('the interpolates ε·real + (1 − ε)·fake: the ops’ bits, ε = 0 and 1 included', () => {
    const before = tf.memory().numTensors;
    tf.tidy(() => {
      const n = 64;
      const rng = stream(7, 'gan-kernels');
      const eps = Float32Array.from(rng.uniformArray(n, 0, 1));
      eps.set([0, 1, 0.5], 0);
      const real = inputGradients(8, n);
      const fake = tf.mul(inputGradients(9, n), -3) as Tensor2D;
      const e = tf.tensor2d(eps, [n, 1]);
      expect(differences(interpolateByOps(real, fake, e), interpolateKernel(real, fake, e))).toBe(0);
    });
    expect(tf.memory().numTensors).toBe(before);
  });
});
