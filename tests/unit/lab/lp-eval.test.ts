/**
 * One evaluation protocol for every normalization (docs/protocol.md, Definitions): ℓp layers keep
 * running averages of their batch mean and scale s_p exactly as BatchNorm keeps its mean and variance,
 * and eval mode divides by those, so a test sample's output never depends on the rest of the test set.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Tensor2D } from '@tensorflow/tfjs-core';
import { initBackend, tf } from '../../../src/lab/tf';
import { stream } from '../../../src/lab/random';
import { layeredModel } from '../../../src/lab/models/layered';
import { BN_MOMENTUM } from '../../../src/lab/norms/batchnorm';
import { LP_EPSILON, lpScale, type LpKind } from '../../../src/lab/norms/lp';
import { sgd } from '../../../src/lab/optim/sgd';
import { ArmTrainer } from '../../../src/lab/train/arm-trainer';
import type { Batch } from '../../../src/lab/types';

beforeAll(async () => {
  await initBackend('wasm');
});

const KINDS: readonly LpKind[] = ['l1', 'l2', 'linf'];
const modelOf = (kind: LpKind) => layeredModel({ sizes: [3, 4, 2], activation: 'relu', norm: kind, bias: true, loss: 'softmax-cross-entropy' });

function batchOf(seed: number, m: number): Batch {
  const x = tf.tensor2d(stream(seed, 'x').normalArray(m * 3, 1, 2), [m, 3]) as Tensor2D;
  const labels = Array.from({ length: m }, (_, i) => i % 2);
  return { x, y: tf.cast(tf.oneHot(tf.tensor1d(labels, 'int32'), 2), 'float32') as Tensor2D };
}

describe.each(KINDS)('%s normalization in eval mode', (kind) => {
  it('keeps running averages of the batch mean and s_p with BatchNorm’s momentum', () => {
    const model = modelOf(kind);
    const trainer = new ArmTrainer(model, sgd(0), 1);
    const batch = batchOf(2, 16);
    const h = tf.matMul(batch.x, trainer.params[model.weightIndex(1)]!) as Tensor2D;
    const [mean, scale] = [tf.mean(h, 0).dataSync(), lpScale(h, kind).dataSync()];
    trainer.step(batch);
    const running = trainer.running.get(1)!;
    // From the initial (0, 1): one update moves each by BN_MOMENTUM of the way to the batch's value.
    running.mean.dataSync().forEach((v, j) => expect(v).toBeCloseTo(BN_MOMENTUM * mean[j]!, 5));
    running.variance.dataSync().forEach((v, j) => expect(v).toBeCloseTo(1 - BN_MOMENTUM + BN_MOMENTUM * scale[j]!, 5));
    trainer.dispose();
  });

  it('normalizes with the running statistics, so one sample scores the same alone or in a set', () => {
    const model = modelOf(kind);
    const trainer = new ArmTrainer(model, sgd(0.05), 1);
    for (let s = 0; s < 5; s++) trainer.step(batchOf(10 + s, 16));
    const set = batchOf(3, 8).x;
    const ctx = { mode: 'eval' as const, running: trainer.running };
    const whole = model.forward(trainer.params, set, ctx).activations.get(1)!;
    const alone = model.forward(trainer.params, tf.slice(set, [0, 0], [1, 3]) as Tensor2D, ctx).activations.get(1)!;
    expect(tf.max(tf.abs(tf.sub(tf.slice(whole, [0, 0], [1, 4]), alone))).dataSync()[0]).toBeLessThan(1e-6);
    const { mean, variance: scale } = trainer.running.get(1)!;
    const h = tf.matMul(set, trainer.params[model.weightIndex(1)]!);
    const [gamma, beta] = [1, 2].map((k) => trainer.params[model.weightIndex(1) + k]!);
    const expected = tf.add(tf.mul(tf.div(tf.sub(h, mean), tf.add(scale, LP_EPSILON)), gamma!), beta!);
    expect(tf.max(tf.abs(tf.sub(whole, expected))).dataSync()[0]).toBeLessThan(1e-5);
    trainer.dispose();
  });
});
