/**
 * The convnet's hand-written backprop (src/lab/models/convnet-backprop.ts) against tfjs's autodiff of the
 * model's `loss`: equal bit for bit on wasm and cpu (loss, every gradient, output, batch statistics and
 * activations) for every normalization, mode, noise and block layout, which is what keeps the committed
 * convnet traces and replication files valid; no tensor left behind; and the kernel launches it saves.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend, tf, type BackendName } from '../../../src/lab/tf';
import { stream } from '../../../src/lab/random';
import { convnet, type ConvnetConfig } from '../../../src/lab/models/convnet';
import type { NormKind } from '../../../src/lab/norms/normalization';
import type { Batch, NormMode } from '../../../src/lab/types';
import { autodiffOf, expectHandEqualsAutodiff, paramsAwayFromInit, stepKernels } from './helpers';

const M = 4;

/** Digit-shaped inputs with exact zeros (ReLU masks, all-zero pooling windows) and one-hot labels. */
function digitsLike(seed: number, m: number): Batch {
  const rng = stream(seed, 'batch');
  const pixels = rng.uniformArray(m * 784, -0.5, 1).map((v) => Math.max(0, v));
  const oneHot = new Float32Array(m * 10);
  for (let i = 0; i < m; i++) oneHot[i * 10 + rng.int(10)] = 1;
  return { x: tf.tensor2d(pixels, [m, 784]), y: tf.tensor2d(oneHot, [m, 10]) };
}

const NORMS: NormKind[] = ['none', 'batchnorm', 'l1', 'l2', 'linf'];
const LAYOUTS: Omit<ConvnetConfig, 'norm'>[] = [
  { blocks: 2, convsPerBlock: 1, channels: 3 },
  { blocks: 1, convsPerBlock: 2, channels: 2 },
];
const CASES = NORMS.flatMap((norm) =>
  LAYOUTS.flatMap((layout, li) => (['train', 'probe'] as NormMode[]).flatMap((mode) => [false, true].map((noisy) => ({ norm, ...layout, layout: li, mode, noisy })))),
);

function equalsAutodiff({ norm, blocks, convsPerBlock, channels, mode, noisy }: (typeof CASES)[number], seed: number) {
  const model = convnet({ blocks, convsPerBlock, channels, norm });
  const params = paramsAwayFromInit(model, seed, 0.3);
  const batch = digitsLike(seed, M);
  const grads = expectHandEqualsAutodiff(model, params, batch, mode, noisy ? seed : undefined);
  // Not vacuous: every parameter gets a gradient that is not all zeros.
  for (const g of grads) expect(Math.max(...g.map(Math.abs))).toBeGreaterThan(0);
  tf.dispose([...params, batch.x, batch.y]);
}

describe.each(['wasm', 'cpu'] as BackendName[])('hand-written convnet backprop equals autodiff (%s, bit for bit)', (backend) => {
  beforeAll(async () => {
    await initBackend(backend);
  });
  // A seed per case: different weights, inputs and noise each time.
  it.each(CASES)('$norm, layout $layout, $mode, noise $noisy', (c) => equalsAutodiff(c, CASES.indexOf(c) + 1));
});

describe('kernel launches per training step of the default convnet (tf.profile), under a ceiling below autodiff’s', () => {
  beforeAll(async () => {
    await initBackend('wasm');
  });
  // Measured: hand-written 188, 104, 164; autodiff 250, 156, 222. A step also runs the SGD update, the
  // running averages and the accuracy, which both paths share.
  it.each([
    ['batchnorm', 200],
    ['none', 120],
    ['l1', 180],
  ] as const)('%s: under %i', async (norm, ceiling) => {
    const model = convnet({ blocks: 2, convsPerBlock: 1, channels: 8, norm });
    const batch = digitsLike(99, 64);
    const hand = await stepKernels(model, batch);
    const auto = await stepKernels(autodiffOf(model), batch);
    tf.dispose([batch.x, batch.y]);
    expect(hand).toBeLessThan(ceiling);
    expect(auto).toBeGreaterThan(ceiling);
  });
});
