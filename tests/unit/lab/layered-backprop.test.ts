/**
 * The layered models' hand-written backprop (src/lab/models/layered-backprop.ts) against tfjs's autodiff
 * of the model's `loss`: equal bit for bit on wasm (loss, every gradient, output, batch statistics and
 * activations) in every configuration a layered model can take, which is what keeps the committed MLP and
 * DLN traces valid; no tensor left behind; and the kernel launches it saves per training step.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend, tf } from '../../../src/lab/tf';
import { stream } from '../../../src/lab/random';
import { layeredModel, type Activation, type LayeredConfig, type LossKind } from '../../../src/lab/models/layered';
import { mlp } from '../../../src/lab/models/mlp';
import { dln } from '../../../src/lab/models/dln';
import type { NormKind } from '../../../src/lab/norms/normalization';
import type { Batch, NormMode } from '../../../src/lab/types';
import { autodiffOf, expectHandEqualsAutodiff, paramsAwayFromInit, stepKernels } from './helpers';

beforeAll(async () => {
  await initBackend('wasm');
});

const M = 12;
const SIZES = [7, 6, 5, 4];
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
    const params = paramsAwayFromInit(model, seed, 0.5);
    const batch = batchFor(loss, seed);
    expectHandEqualsAutodiff(model, params, batch, mode, noisy ? seed : undefined);
    tf.dispose([...params, batch.x, batch.y]);
  });
});

describe('kernel launches per training step (tf.profile), under a ceiling below autodiff’s', () => {
  // Measured: hand-written 295, 115, 283, 324, 72; autodiff 379, 181, 379, 416, 101. A step also runs the
  // SGD update, the running averages and the accuracy, which both paths share.
  const mlpOf = (norm: NormKind) => mlp({ hiddenLayers: 6, width: 64, activation: 'relu', norm });
  const dlnOf = (norm: NormKind) => dln({ layers: 10, dim: 10, norm });
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
