/** Algorithm 1's noise: the distributions of its per-step and per-activation draws, and where it applies. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Tensor, Tensor2D } from '@tensorflow/tfjs-core';
import type { LayerNoise } from '../../../src/lab/types';
import { initBackend, tf } from '../../../src/lab/tf';
import { stream } from '../../../src/lab/random';
import { ALGORITHM_1, drawNoise, drawNoiseArrays } from '../../../src/lab/norms/noise';
import { layeredModel } from '../../../src/lab/models/layered';
import { mean, quantile } from '../../../src/lab/measure/stats';

beforeAll(async () => {
  await initBackend('wasm');
});

function std(values: number[]): number {
  const mu = mean(values);
  return Math.sqrt(mean(values.map((v) => (v - mu) ** 2)));
}

describe('Algorithm 1 noise statistics', () => {
  // Many samples per unit pin down each unit's μ_j, σ_j; many units × steps pin down their distribution.
  const SAMPLES = 2000;
  const UNITS = 50;
  const STEPS = 20;
  const rng = stream(7, 'noise');
  const unitShiftMeans: number[] = [];
  const unitScaleMeans: number[] = [];
  const shiftSpreads: number[] = [];
  const scaleSpreads: number[] = [];
  let shiftOutsideUnitRange = 0;
  for (let t = 0; t < STEPS; t++) {
    const { scale, shift } = drawNoiseArrays(rng, SAMPLES, UNITS);
    for (let j = 0; j < UNITS; j++) {
      const m = Array.from({ length: SAMPLES }, (_, i) => shift[i * UNITS + j]!);
      const s = Array.from({ length: SAMPLES }, (_, i) => scale[i * UNITS + j]!);
      const muJ = mean(m);
      unitShiftMeans.push(muJ);
      unitScaleMeans.push(mean(s));
      shiftSpreads.push(std(m));
      scaleSpreads.push(std(s));
      shiftOutsideUnitRange += m.filter((v) => Math.abs(v - muJ) > ALGORITHM_1.meanJitter + 0.01).length;
    }
  }

  it('per-unit means μ_j ~ U(−0.5, 0.5)', () => {
    expect(Math.abs(mean(unitShiftMeans))).toBeLessThan(0.03);
    expect(std(unitShiftMeans)).toBeCloseTo(1 / Math.sqrt(12), 1); // U(−0.5, 0.5) has std 0.289
    expect(Math.min(...unitShiftMeans)).toBeGreaterThan(-0.51);
    expect(Math.max(...unitShiftMeans)).toBeLessThan(0.51);
  });

  it('per-unit scales σ_j ~ U(1, 1.25)', () => {
    expect(mean(unitScaleMeans)).toBeCloseTo(1.125, 2);
    expect(std(unitScaleMeans)).toBeCloseTo(0.25 / Math.sqrt(12), 2);
    expect(Math.min(...unitScaleMeans)).toBeGreaterThan(0.99);
    expect(Math.max(...unitScaleMeans)).toBeLessThan(1.26);
  });

  it('per-activation shifts m ~ U(μ_j ± 0.1) and scales s ~ N(σ_j, 0.1)', () => {
    expect(mean(shiftSpreads)).toBeCloseTo(0.2 / Math.sqrt(12), 2); // 0.0577
    expect(shiftOutsideUnitRange).toBe(0);
    expect(mean(scaleSpreads)).toBeCloseTo(0.1, 2);
  });

  it('is re-drawn every step (time-varying)', () => {
    const first = unitShiftMeans.slice(0, UNITS);
    const second = unitShiftMeans.slice(UNITS, 2 * UNITS);
    expect(quantile(first.map((v, j) => Math.abs(v - second[j]!)), 0.5)).toBeGreaterThan(0.1);
  });
});

describe('noise in the forward pass', () => {
  const model = layeredModel({ sizes: [3, 4, 2], activation: 'relu', norm: 'batchnorm', bias: true, loss: 'softmax-cross-entropy' });
  let params: Tensor[];
  let x: Tensor2D;
  let noise: Map<number, LayerNoise>;
  beforeAll(() => {
    params = model.init(1);
    x = tf.tensor2d(stream(1, 'x').normalArray(5 * 3), [5, 3]) as Tensor2D;
    noise = drawNoise(stream(1, 'noise'), 5, new Map([[1, 4]]));
  });

  it('applies a ← s·a + m after BN in train mode', () => {
    const clean = model.forward(params, x, { mode: 'train' }).activations.get(1)!;
    const noisy = model.forward(params, x, { mode: 'train', noise }).activations.get(1)!;
    const expected = tf.add(tf.mul(clean, noise.get(1)!.scale), noise.get(1)!.shift);
    expect(tf.max(tf.abs(tf.sub(noisy, expected))).dataSync()[0]).toBeLessThan(1e-6);
  });

  it('is off in probe mode', () => {
    const clean = model.forward(params, x, { mode: 'train' }).activations.get(1)!;
    const probed = model.forward(params, x, { mode: 'probe', noise }).activations.get(1)!;
    expect(Array.from(probed.dataSync())).toEqual(Array.from(clean.dataSync()));
  });
});
