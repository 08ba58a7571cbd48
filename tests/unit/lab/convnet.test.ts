/**
 * The convnet (src/lab/models/convnet.ts): parameter layout, shared seeded init, the per-channel forms of
 * BatchNorm, ℓp and Algorithm 1's noise (a channel's batch is m·H·W values), chunked evaluation, and the
 * measurements (G′, landscape probes) running on it unchanged with every tensor disposed.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Tensor2D } from '@tensorflow/tfjs-core';
import { initBackend, tf } from '../../../src/lab/tf';
import { convnet } from '../../../src/lab/models/convnet';
import { sgd } from '../../../src/lab/optim/sgd';
import { ArmTrainer } from '../../../src/lab/train/arm-trainer';
import { stream } from '../../../src/lab/random';
import { drawNoise } from '../../../src/lab/norms/noise';
import { snapshot } from './helpers';

beforeAll(async () => {
  await initBackend('wasm');
});

function digitsLike(seed: number, m: number): { x: Tensor2D; y: Tensor2D } {
  const rng = stream(seed, 'convnet-test');
  const labels = Array.from({ length: m }, () => rng.int(10));
  return { x: tf.tensor2d(rng.uniformArray(m * 784, 0, 1), [m, 784]), y: tf.tidy(() => tf.cast(tf.oneHot(labels, 10), 'float32')) as Tensor2D };
}

describe('the convnet', () => {
  it('has W, γ, β per convolution and W, b at the dense output; blocks double the channels', () => {
    const model = convnet({ blocks: 2, convsPerBlock: 2, channels: 4, norm: 'batchnorm' });
    expect(model.specs.map((s) => s.name)).toEqual(['W1', 'gamma1', 'beta1', 'W2', 'gamma2', 'beta2', 'W3', 'gamma3', 'beta3', 'W4', 'gamma4', 'beta4', 'W5', 'b5']);
    expect(model.depth).toBe(5);
    expect(model.hiddenLayers).toEqual([1, 2, 3, 4]);
    expect(model.hiddenLayers.map((l) => model.units(l))).toEqual([4, 4, 8, 8]);
    const params = model.init(1);
    expect(params.map((p) => p.shape)).toEqual([[3, 3, 1, 4], [4], [4], [3, 3, 4, 4], [4], [4], [3, 3, 4, 8], [8], [8], [3, 3, 8, 8], [8], [8], [7 * 7 * 8, 10], [10]]);
    tf.dispose(params);
  });

  it('a plain convnet keeps biases and starts from the BatchNorm convnet’s weights', () => {
    const plain = convnet({ blocks: 2, convsPerBlock: 1, channels: 4, norm: 'none' });
    const bn = convnet({ blocks: 2, convsPerBlock: 1, channels: 4, norm: 'batchnorm' });
    expect(plain.specs.map((s) => s.name)).toEqual(['W1', 'b1', 'W2', 'b2', 'W3', 'b3']);
    const weights = (m: typeof plain) => snapshot(m.init(7).filter((_, i) => m.specs[i]!.kind === 'weight'));
    expect(weights(plain)).toEqual(weights(bn));
    // He-uniform with fan-in 9·cIn.
    const w1 = weights(plain)[0]!;
    expect(Math.max(...w1.map(Math.abs))).toBeLessThanOrEqual(Math.sqrt(6 / 9));
    expect(Math.max(...w1.map(Math.abs))).toBeGreaterThan(0.9 * Math.sqrt(6 / 9));
  });

  it('BatchNorm normalizes each channel over batch × height × width (mean 0, variance 1 in train mode)', () => {
    const model = convnet({ blocks: 2, convsPerBlock: 1, channels: 4, norm: 'batchnorm' });
    const params = model.init(2);
    const { x } = digitsLike(1, 6);
    const [means, variances, rows] = tf.tidy(() => {
      const a = model.forward(params, x, { mode: 'train' }).activations.get(2)!;
      const { mean, variance } = tf.moments(a, 0);
      return [Array.from(mean.dataSync()), Array.from(variance.dataSync()), a.shape[0]] as const;
    });
    expect(rows).toBe(6 * 14 * 14);
    for (const m of means) expect(Math.abs(m)).toBeLessThan(1e-5);
    for (const v of variances) expect(v).toBeCloseTo(1, 3);
    tf.dispose([...params, x]);
  });

  it('ℓ∞ divides each channel by its largest magnitude over batch × height × width', () => {
    const model = convnet({ blocks: 1, convsPerBlock: 1, channels: 3, norm: 'linf' });
    const params = model.init(3);
    const { x } = digitsLike(2, 4);
    // With γ = 1, β = 0 the centred values over the max |raw| lie within [−2, 2], and reach beyond 1 only off-centre.
    const max = tf.tidy(() => tf.max(tf.abs(model.forward(params, x, { mode: 'train' }).activations.get(1)!)).dataSync()[0]!);
    expect(max).toBeLessThanOrEqual(2);
    expect(max).toBeGreaterThan(0.5);
    tf.dispose([...params, x]);
  });

  it('noise is one draw per sample and channel, shared by every position', () => {
    const model = convnet({ blocks: 1, convsPerBlock: 1, channels: 2, norm: 'batchnorm' });
    const params = model.init(4);
    const { x } = digitsLike(3, 3);
    const noise = drawNoise(stream(1, 'noise'), 3, new Map([[1, 2]]));
    const [clean, noisy] = tf.tidy(() => [
      model.forward(params, x, { mode: 'train' }).activations.get(1)!.dataSync(),
      model.forward(params, x, { mode: 'train', noise }).activations.get(1)!.dataSync(),
    ]);
    const scale = noise.get(1)!.scale.dataSync();
    const shift = noise.get(1)!.shift.dataSync();
    // Row r of the [m·H·W, C] view belongs to sample ⌊r / (H·W)⌋.
    for (const r of [0, 783, 784, 2351]) {
      const sample = Math.floor(r / 784);
      for (let c = 0; c < 2; c++) expect(noisy[r * 2 + c]).toBeCloseTo(clean[r * 2 + c]! * scale[sample * 2 + c]! + shift[sample * 2 + c]!, 4);
    }
    for (const n of noise.values()) tf.dispose([n.scale, n.shift]);
    tf.dispose([...params, x]);
  });

  it('trains with G′ and landscape probes, evaluates in chunks as in one pass, and leaks nothing', () => {
    const model = convnet({ blocks: 2, convsPerBlock: 1, channels: 4, norm: 'batchnorm' });
    const batch = digitsLike(4, 8);
    const whole = digitsLike(5, model.evalRows! + 37);
    const before = tf.memory().numTensors;
    const trainer = new ArmTrainer(model, sgd(0.1), 1);
    const first = trainer.step(batch, { icsLayer: 3, probe: { etas: [0.05, 0.1], gradients: true }, gradNorms: true });
    for (let i = 0; i < 3; i++) trainer.step(batch);
    const last = trainer.step(batch);
    expect(first.metrics.icsCos).toBeGreaterThan(0);
    expect(first.metrics.lossMax).toBeGreaterThanOrEqual(first.metrics.lossMin!);
    expect(first.metrics['gradNorm.3']).toBeGreaterThan(0);
    expect(last.loss).toBeLessThan(first.loss);
    const chunked = trainer.accuracy(whole);
    const onePass = tf.tidy(() => {
      const out = model.forward(trainer.params, whole.x, { mode: 'eval', running: trainer.running }).output;
      return tf.mean(tf.cast(tf.equal(tf.argMax(out, 1), tf.argMax(whole.y, 1)), 'float32')).dataSync()[0]!;
    });
    expect(chunked).toBeCloseTo(onePass, 6);
    trainer.dispose();
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([batch.x, batch.y, whole.x, whole.y]);
  }, 60_000); // a few seconds of training: more than vitest's default 5 s on a shared 2-core machine
});
