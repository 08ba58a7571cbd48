/** The BatchNorm explorer's math: what the widget shows must be what BatchNorm computes. */
import { describe, expect, it } from 'vitest';
import { tf } from '../../../src/lab/tf';
import { explore, type Moments } from '../../../src/lab/explorer/explore';
import { EXPLORER_DEFAULTS, type ExplorerSettings } from '../../../src/lab/explorer/config';
import { BN_EPSILON } from '../../../src/lab/norms/batchnorm';

const mean = (xs: Float32Array) => xs.reduce((s, x) => s + x, 0) / xs.length;
const variance = (xs: Float32Array) => {
  const mu = mean(xs);
  return xs.reduce((s, x) => s + (x - mu) ** 2, 0) / xs.length;
};
const settings = (overrides: Partial<ExplorerSettings> = {}): ExplorerSettings => ({ ...EXPLORER_DEFAULTS, ...overrides });

describe('BatchNorm explorer', () => {
  it('normalizes the batch to mean 0 and variance 1 before γ and β (training mode)', async () => {
    const r = await explore(settings({ shift: 4, scale: 3, batchSize: 32, gamma: 2, beta: -1 }), 7);
    expect(mean(r.train.normalized)).toBeCloseTo(0, 5);
    // Exactly σ²/(σ²+ε): 1 up to ε relative to the batch variance.
    expect(variance(r.train.normalized)).toBeCloseTo(r.batch.std ** 2 / (r.batch.std ** 2 + BN_EPSILON), 4);
    expect(variance(r.train.normalized)).toBeGreaterThan(0.999);
  });

  it('reports the batch statistics of the inputs it drew (biased variance)', async () => {
    const r = await explore(settings({ batchSize: 9 }), 3);
    expect(r.batch.mean).toBeCloseTo(mean(r.inputs), 4);
    expect(r.batch.std).toBeCloseTo(Math.sqrt(variance(r.inputs)), 4);
    expect(r.inputs).toHaveLength(9);
  });

  it('applies γ and β exactly to x̂, in both modes', async () => {
    const gamma = 1.75;
    const beta = -0.6;
    const r = await explore(settings({ gamma, beta }), 11);
    for (const mode of [r.train, r.eval]) {
      mode.outputs.forEach((y, i) => expect(y).toBeCloseTo(gamma * mode.normalized[i]! + beta, 5));
    }
    expect(r.train.output.mean).toBeCloseTo(beta, 4);
    expect(r.train.output.std).toBeCloseTo(gamma, 3);
  });

  it('uses the running statistics in evaluation mode, which differ from the batch statistics', async () => {
    const r = await explore(settings({ batchSize: 4, shift: 2, scale: 1.5 }), 5);
    expect(r.eval.usedStats).toEqual(r.running);
    expect(r.train.usedStats).toEqual(r.batch);
    const evalXHat = r.inputs.map((x) => (x - r.running.mean) / Math.sqrt(r.running.std ** 2 + BN_EPSILON));
    r.eval.normalized.forEach((v, i) => expect(v).toBeCloseTo(evalXHat[i]!, 4));
    const gap = (a: Moments, b: Moments) => Math.abs(a.mean - b.mean) + Math.abs(a.std - b.std);
    expect(gap(r.running, r.batch)).toBeGreaterThan(0.05);
    // Evaluation-mode outputs are not standardized over this batch.
    expect(Math.abs(r.eval.output.mean - r.train.output.mean) + Math.abs(r.eval.output.std - r.train.output.std)).toBeGreaterThan(0.05);
  });

  it('running statistics estimate the population the batches come from', async () => {
    // 50 batches of 128 from mean 3, std 2: the EMA (effective window ≈ 19 batches) is close to both.
    const r = await explore(settings({ batchSize: 128, shift: 3, scale: 2 }), 1);
    expect(r.running.mean).toBeGreaterThan(2.8);
    expect(r.running.mean).toBeLessThan(3.2);
    expect(r.running.std).toBeGreaterThan(1.8);
    expect(r.running.std).toBeLessThan(2.2);
  });

  it('is seeded: same settings and seed give the same numbers, a new seed a new batch', async () => {
    const a = await explore(settings(), 42);
    const b = await explore(settings(), 42);
    const c = await explore(settings(), 43);
    expect(Array.from(b.inputs)).toEqual(Array.from(a.inputs));
    expect(b.running).toEqual(a.running);
    expect(Array.from(c.inputs)).not.toEqual(Array.from(a.inputs));
  });

  it('clamps out-of-range settings to the controls’ ranges', async () => {
    const r = await explore(settings({ batchSize: 1000.4, gamma: -5 }), 1);
    expect(r.settings.batchSize).toBe(128);
    expect(r.settings.gamma).toBe(0);
  });

  it('leaks no tensors', async () => {
    await explore(settings(), 1); // first call initializes the backend
    const before = tf.memory().numTensors;
    await explore(settings({ batchSize: 64 }), 2);
    expect(tf.memory().numTensors).toBe(before);
  });
});
