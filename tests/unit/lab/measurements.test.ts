/**
 * Definition 2.1 and the landscape probes on a small BatchNorm MLP: limiting cases (lr 0, η → 0) and
 * the guarantee that measuring never changes training.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Tensor2D } from '@tensorflow/tfjs-core';
import { initBackend, tf } from '../../../src/lab/tf';
import { stream } from '../../../src/lab/random';
import { layeredModel, type LayeredModel } from '../../../src/lab/models/layered';
import type { Network } from '../../../src/lab/models/network';
import { sgd } from '../../../src/lab/optim/sgd';
import { adam } from '../../../src/lab/optim/adam';
import { measureIcs } from '../../../src/lab/measure/ics';
import { probeAlongGradient, probeLandscape } from '../../../src/lab/measure/landscape';
import { ArmTrainer } from '../../../src/lab/train/arm-trainer';
import type { Batch, Params } from '../../../src/lab/types';
import { snapshot } from './helpers';

const M = 16;

beforeAll(async () => {
  await initBackend('wasm');
});

function smallBnMlp(): LayeredModel {
  return layeredModel({ sizes: [8, 6, 6, 6, 3], activation: 'relu', norm: 'batchnorm', bias: true, loss: 'softmax-cross-entropy' });
}

function randomBatch(seed: number): Batch {
  const rng = stream(seed, 'batch');
  const labels = Array.from({ length: M }, () => rng.int(3));
  return {
    x: tf.tensor2d(rng.normalArray(M * 8), [M, 8]) as Tensor2D,
    y: tf.cast(tf.oneHot(tf.tensor1d(labels, 'int32'), 3), 'float32') as Tensor2D,
  };
}

function gradsAt(model: Network, params: Params, batch: Batch): Params {
  return tf.grads((...p) => model.loss(p, batch, { mode: 'train' }))(params);
}

describe('ICS (Definition 2.1)', () => {
  it('G′ = G and cosine 1 when the learning rate is 0', () => {
    const model = smallBnMlp();
    const params = model.init(1);
    const batch = randomBatch(1);
    const grads = gradsAt(model, params, batch);
    const optimizer = sgd(0);
    const ics = measureIcs(model, params, grads, batch, { mode: 'train' }, 3, optimizer, optimizer.init(params));
    expect(ics.icsL2).toBe(0);
    expect(ics.icsCos).toBeCloseTo(1, 6);
  });

  it('G′ differs from G once the earlier layers move', () => {
    const model = smallBnMlp();
    const params = model.init(1);
    const batch = randomBatch(1);
    const grads = gradsAt(model, params, batch);
    const optimizer = sgd(0.5);
    const ics = measureIcs(model, params, grads, batch, { mode: 'train' }, 3, optimizer, optimizer.init(params));
    expect(ics.icsL2).toBeGreaterThan(1e-4);
    expect(ics.icsCos).toBeLessThan(1);
  });

  it('rejects layer 1 (no earlier layers) with a readable message', () => {
    const model = smallBnMlp();
    const params = model.init(1);
    const optimizer = sgd(0.1);
    expect(() => measureIcs(model, params, params, randomBatch(1), { mode: 'train' }, 1, optimizer, optimizer.init(params))).toThrow(/between 2 and 4/);
  });
});

describe('landscape probes', () => {
  it('gradient change shrinks linearly as η → 0 and the effective β stays finite', () => {
    const model = smallBnMlp();
    const params = model.init(2);
    const batch = randomBatch(2);
    const grads = gradsAt(model, params, batch);
    const etas = [1e-1, 1e-2, 1e-3];
    const { gradChanges, losses } = probeAlongGradient(model, params, grads, batch, etas);
    expect(gradChanges[1]! / gradChanges[0]!).toBeLessThan(0.2);
    expect(gradChanges[2]! / gradChanges[1]!).toBeLessThan(0.2);
    expect(gradChanges[2]!).toBeLessThan(1e-2 * gradChanges[0]! * 1.5);
    for (const l of losses) expect(Number.isFinite(l)).toBe(true);
    const probe = probeLandscape(model, params, grads, batch, etas);
    expect(Number.isFinite(probe.betaEff)).toBe(true);
    expect(probe.betaEff).toBeGreaterThan(0);
    expect(probe.lossMax).toBeGreaterThanOrEqual(probe.lossMin);
  });

  it('a descent step along −g lowers the loss for small η', () => {
    const model = smallBnMlp();
    const params = model.init(2);
    const batch = randomBatch(2);
    const grads = gradsAt(model, params, batch);
    const base = model.loss(params, batch, { mode: 'probe' }).dataSync()[0]!;
    const { losses } = probeAlongGradient(model, params, grads, batch, [1e-2]);
    expect(losses[0]!).toBeLessThan(base);
  });
});

describe('measuring never changes training', () => {
  it('params, running statistics and optimiser state are bit-identical with and without ICS and probes', () => {
    const batches = Array.from({ length: 6 }, (_, t) => randomBatch(10 + t));
    const trained = (measure: boolean) => {
      const trainer = new ArmTrainer(smallBnMlp(), adam(0.01), 3);
      for (const batch of batches) {
        trainer.step(batch, measure ? { gradNorms: true, icsLayer: 3, probe: { etas: [0.01, 0.1], gradients: true } } : {});
      }
      const state = {
        params: snapshot(trainer.params),
        running: snapshot([...trainer.running.values()].flatMap((s) => [s.mean, s.variance])),
        slots: snapshot(trainer.optState.slots),
        step: trainer.optState.step,
      };
      trainer.dispose();
      return state;
    };
    expect(trained(true)).toEqual(trained(false));
  });

  it('a probe leaves the very tensors it was given untouched', () => {
    const trainer = new ArmTrainer(smallBnMlp(), sgd(0.1), 4);
    const batch = randomBatch(4);
    trainer.step(batch);
    const before = snapshot(trainer.params);
    const runningBefore = snapshot([...trainer.running.values()].flatMap((s) => [s.mean, s.variance]));
    const grads = gradsAt(trainer.model, trainer.params, batch);
    probeLandscape(trainer.model, trainer.params, grads, batch, [0.05, 0.4]);
    measureIcs(trainer.model, trainer.params, grads, batch, { mode: 'train' }, 2, trainer.optimizer, trainer.optState);
    expect(snapshot(trainer.params)).toEqual(before);
    expect(snapshot([...trainer.running.values()].flatMap((s) => [s.mean, s.variance]))).toEqual(runningBefore);
    trainer.dispose();
  });
});
