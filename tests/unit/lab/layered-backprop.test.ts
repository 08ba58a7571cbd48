/**
 * The layered models' hand-written backprop (src/lab/models/layered-backprop.ts) against tfjs's autodiff
 * of the model's `loss`: equal bit for bit on wasm (loss, every gradient, output, batch statistics and
 * activations) in every configuration a layered model can take, which is what keeps the committed MLP and
 * DLN traces valid; no tensor left behind; and the kernel launches it saves per training step.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Tensor } from '@tensorflow/tfjs-core';
import { initBackend, tf } from '../../../src/lab/tf';
import { stream } from '../../../src/lab/random';
import { layeredModel, type Activation, type LayeredConfig, type LossKind } from '../../../src/lab/models/layered';
import { mlp } from '../../../src/lab/models/mlp';
import { dln } from '../../../src/lab/models/dln';
import type { Network } from '../../../src/lab/models/network';
import { disposePass, trainingPass } from '../../../src/lab/models/training-pass';
import { drawNoise, disposeNoise } from '../../../src/lab/norms/noise';
import type { NormKind } from '../../../src/lab/norms/normalization';
import { ArmTrainer } from '../../../src/lab/train/arm-trainer';
import { sgd } from '../../../src/lab/optim/sgd';
import type { Batch, ForwardContext, NormMode, Params } from '../../../src/lab/types';

beforeAll(async () => {
  await initBackend('wasm');
});

const M = 12;
const SIZES = [7, 6, 5, 4];
const values = (ts: readonly Tensor[]) => ts.map((t) => Array.from(t.dataSync()));

/** The same network with its hand-written backprop removed: training-pass.ts then runs autodiff. */
const autodiffOf = (model: Network): Network => ({ ...model, valueAndGrads: undefined });

/** Parameters away from their init (γ ≠ 1, β ≠ 0, biases ≠ 0), so every gradient term matters. */
function randomParams(model: Network, seed: number): Params {
  const rng = stream(seed, 'params');
  return model.init(seed).map((p) => {
    const q = tf.add(p, tf.tensor(rng.normalArray(p.size, 0, 0.5), p.shape));
    p.dispose();
    return q;
  });
}

function batchFor(loss: LossKind, seed: number): Batch {
  const rng = stream(seed, 'batch');
  const outputs = SIZES.at(-1)!;
  const x = tf.tensor2d(rng.normalArray(M * SIZES[0]!, 0.5, 2), [M, SIZES[0]!]);
  if (loss === 'sum-squared-error') return { x, y: tf.tensor2d(rng.normalArray(M * outputs), [M, outputs]) };
  const oneHot = new Float32Array(M * outputs);
  for (let i = 0; i < M; i++) oneHot[i * outputs + Math.min(outputs - 1, Math.floor(rng.uniform(0, outputs)))] = 1;
  return { x, y: tf.tensor2d(oneHot, [M, outputs]) };
}

const NORMS: NormKind[] = ['none', 'batchnorm', 'l1', 'l2', 'linf'];
const ACTIVATIONS: Activation[] = ['relu', 'tanh', 'linear'];
const LOSSES: LossKind[] = ['softmax-cross-entropy', 'sum-squared-error'];
const CASES = NORMS.flatMap((norm) =>
  ACTIVATIONS.flatMap((activation) =>
    LOSSES.flatMap((loss) => [false, true].flatMap((bias) => (['train', 'probe'] as NormMode[]).flatMap((mode) => [false, true].map((noisy) => ({ norm, activation, loss, bias, mode, noisy }))))),
  ),
);

describe('hand-written layered backprop equals autodiff (wasm, bit for bit)', () => {
  it.each(CASES)('$norm, $activation, $loss, bias $bias, $mode, noise $noisy', ({ norm, activation, loss, bias, mode, noisy }) => {
    const config: LayeredConfig = { sizes: SIZES, activation, norm, bias, loss };
    const model = layeredModel(config);
    const seed = CASES.findIndex((c) => c.norm === norm && c.activation === activation && c.loss === loss) + 1;
    const params = randomParams(model, seed);
    const batch = batchFor(loss, seed);
    const noise = noisy ? drawNoise(stream(seed, 'noise'), M, new Map(model.hiddenLayers.map((l) => [l, model.units(l)]))) : undefined;
    const ctx: ForwardContext = { mode, ...(noise ? { noise } : {}) };
    const before = tf.memory().numTensors;
    const hand = trainingPass(model, params, batch, ctx, model.hiddenLayers);
    const auto = trainingPass(autodiffOf(model), params, batch, ctx, model.hiddenLayers);
    const reference = tf.valueAndGrads((...p: Tensor[]) => model.loss(p, batch, ctx))(params);
    const stats = (pass: typeof hand) => [...pass.batchStats.values()].flatMap((s) => [s.mean, s.variance]);
    expect(values([hand.value, ...hand.grads])).toEqual(values([reference.value, ...reference.grads]));
    expect(values([hand.output, ...hand.activations.values(), ...stats(hand)])).toEqual(values([auto.output, ...auto.activations.values(), ...stats(auto)]));
    expect([...hand.batchStats.keys()]).toEqual(mode === 'train' && norm !== 'none' ? model.hiddenLayers : []);
    expect(hand.grads.map((g) => g.shape)).toEqual(params.map((p) => p.shape));
    disposePass(hand);
    disposePass(auto);
    tf.dispose([reference.value, ...reference.grads]);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([...params, batch.x, batch.y]);
    if (noise) disposeNoise(noise);
  });
});

describe('kernel launches per training step (tf.profile), under a ceiling below autodiff’s', () => {
  // Measured: hand-written 295, 115, 283, 324, 72; autodiff 379, 181, 379, 416, 101. A step also runs the
  // SGD update, the running averages and the accuracy, which both paths share.
  const mlpOf = (norm: NormKind) => mlp({ hiddenLayers: 6, width: 64, activation: 'relu', norm });
  const dlnOf = (norm: NormKind) => dln({ layers: 10, dim: 10, norm });
  const stepKernels = async (model: Network, batch: Batch) => {
    const trainer = new ArmTrainer(model, sgd(0.01), 1);
    trainer.step(batch);
    const profile = await tf.profile(() => {
      trainer.step(batch);
    });
    trainer.dispose();
    return profile.kernels.length;
  };
  const batchOf = (inputs: number, outputs: number, m: number): Batch => {
    const rng = stream(m, 'kernels');
    return { x: tf.tensor2d(rng.normalArray(m * inputs), [m, inputs]), y: tf.tensor2d(rng.normalArray(m * outputs), [m, outputs]) };
  };
  it.each([
    ['default MLP', 'batchnorm', mlpOf, [784, 10, 64], 300],
    ['default MLP', 'none', mlpOf, [784, 10, 64], 120],
    ['default MLP', 'l1', mlpOf, [784, 10, 64], 290],
    ['default DLN', 'batchnorm', dlnOf, [10, 10, 200], 330],
    ['default DLN', 'none', dlnOf, [10, 10, 200], 75],
  ] as const)('%s, %s: under %i', async (_, norm, of, [inputs, outputs, m], ceiling) => {
    const batch = batchOf(inputs, outputs, m);
    const hand = await stepKernels(of(norm), batch);
    const auto = await stepKernels(autodiffOf(of(norm)), batch);
    tf.dispose([batch.x, batch.y]);
    expect(hand).toBeLessThan(ceiling);
    expect(auto).toBeGreaterThan(ceiling);
  });
});
