/**
 * The gradient-penalty arm (docs/protocol.md, R6): double backprop through the critic matches finite
 * differences, and training it leaks no tensor. Its mode coverage and sample quality are R6's own checks
 * (src/replication/claims.ts), evaluated by tests/science/replication on fresh runs.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Scalar, Tensor2D } from '@tensorflow/tfjs-core';
import { initBackend, tf } from '../../../src/lab/tf';
import { stream } from '../../../src/lab/random';
import { CRITIC_SIZES, forward, heNormalNet, inputGradNorms } from '../../../src/lab/gan/nets';
import { createWganArm } from '../../../src/lab/gan/wgan-arm';
import { wgan } from '../../../src/lab/experiments/wgan';
import type { Params } from '../../../src/lab/types';

beforeAll(async () => {
  await initBackend('wasm');
});

describe('WGAN-GP', () => {
  it('differentiates the gradient penalty through the critic (double backprop matches finite differences)', () => {
    const params = heNormalNet(CRITIC_SIZES, stream(1, 'critic'));
    const xHat = tf.tensor2d(stream(1, 'x').normalArray(64), [32, 2]);
    const penalty = (p: Params) => tf.mean(tf.square(tf.sub(inputGradNorms((x) => forward(p, x), xHat), 1))) as Scalar;
    const w2 = params[2] as Tensor2D;
    const withW2 = (w: Tensor2D) => params.map((p, k) => (k === 2 ? w : p));
    const gradW2 = tf.grad((w) => penalty(withW2(w as Tensor2D)))(w2);
    const analytic = gradW2.arraySync() as number[][];
    // The penalty is piecewise smooth in W (a ReLU switching at some x̂ makes ∇ₓD jump): these entries
    // sit inside smooth pieces (differences at h = 1e-2, 3e-3 and 1e-3 agree), (0, 0) does not.
    const h = 3e-3;
    for (const [i, j] of [[1, 2], [10, 10], [20, 5], [33, 44], [50, 1]] as const) {
      const bump = (d: number) => tf.tidy(() => {
        const delta = tf.scatterND([[i, j]], [d], w2.shape);
        const value = penalty(withW2(tf.add(w2, delta)));
        return value.dataSync()[0]!;
      });
      const numeric = (bump(h) - bump(-h)) / (2 * h);
      expect(Math.abs(numeric - analytic[i]![j]!)).toBeLessThan(1e-4 + 0.01 * Math.abs(numeric));
    }
    expect(Math.max(...analytic.flat().map(Math.abs))).toBeGreaterThan(1e-3);
    tf.dispose([...params, gradW2, xHat]);
  });

  it('trains without leaking a tensor, and frees everything when disposed', async () => {
    const before = tf.memory().numTensors;
    const arm = createWganArm('gp', wgan.defaults, 1);
    await arm.iterate();
    const during = tf.memory().numTensors;
    for (let i = 1; i < 50; i++) await arm.iterate();
    expect(tf.memory().numTensors).toBe(during);
    await arm.evaluate();
    arm.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
