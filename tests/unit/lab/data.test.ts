/** Batches over the digits, the synthetic regression data and the run summaries. */
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend, tf } from '../../../src/lab/tf';
import { readDigitsFile } from '../../../src/lab/data/digits-file';
import { digitBatches } from '../../../src/lab/data/batches';
import { gaussianRegression } from '../../../src/lab/data/synthetic';
import { summarizeArms } from '../../../src/lab/experiments/summary';
import type { DigitData, MetricRecord } from '../../../src/lab/types';

let digits: DigitData;

beforeAll(async () => {
  await initBackend('wasm');
  digits = await readDigitsFile();
});

describe('digit batches', () => {
  it('are seeded, scaled to [0, 1], one-hot, and cover an epoch without repeats', () => {
    const source = digitBatches(digits.train, 100, 5);
    const again = digitBatches(digits.train, 100, 5);
    const first = source.take(0);
    expect(first.x.shape).toEqual([100, 784]);
    expect(tf.max(first.x).dataSync()[0]).toBeLessThanOrEqual(1);
    expect(tf.min(first.x).dataSync()[0]).toBeGreaterThanOrEqual(0);
    expect(Array.from(tf.sum(first.y, 1).dataSync())).toEqual(Array(100).fill(1));
    expect(Array.from(again.take(0).x.dataSync())).toEqual(Array.from(first.x.dataSync()));
    // The 40 batches of one epoch hold 4000 distinct images: every class exactly 400 times.
    const counts = new Float32Array(10);
    for (let t = 0; t < 40; t++) {
      const b = source.take(t);
      tf.sum(b.y, 0).dataSync().forEach((c, k) => (counts[k]! += c));
      source.release(b);
    }
    expect(Array.from(counts)).toEqual(Array(10).fill(400));
    const otherSeed = digitBatches(digits.train, 100, 6).take(0);
    expect(Array.from(otherSeed.x.dataSync())).not.toEqual(Array.from(first.x.dataSync()));
  });
});

describe('Gaussian regression', () => {
  it('draws x ~ N(0, I) and targets y = xA, seeded', () => {
    const { x, y } = gaussianRegression(1, 4000, 10);
    const { mean, variance } = tf.moments(x);
    expect(Math.abs(mean.dataSync()[0]!)).toBeLessThan(0.02);
    expect(variance.dataSync()[0]).toBeCloseTo(1, 1);
    // A has N(0, 1) entries, so each target coordinate has variance ‖A_col‖² ≈ 10.
    expect(tf.moments(y).variance.dataSync()[0]).toBeGreaterThan(3);
    expect(Array.from(gaussianRegression(1, 4000, 10).y.dataSync())).toEqual(Array.from(y.dataSync()));
  });
});

describe('summaries', () => {
  it('average the last 50 losses, take the last accuracies and medians, and flag divergence', () => {
    const records: MetricRecord[] = [];
    for (let t = 0; t < 100; t++) {
      records.push({ arm: 'a', step: t, metrics: { loss: t < 50 ? 10 : 1, ...(t % 20 === 0 ? { icsL2: t, lossMin: 0, lossMax: t } : {}) } });
      if (t < 10) records.push({ arm: 'b', step: t, metrics: { loss: 2 } });
    }
    records.push({ arm: 'a', step: 99, metrics: { testAccuracy: 0.9 } });
    records.push({ arm: 'b', step: 10, metrics: { diverged: 1 } });
    const summary = summarizeArms(records, ['a', 'b']);
    expect(summary.a).toEqual({ diverged: false, finalLoss: 1, testAccuracy: 0.9, icsL2Median: 40, lossBandMedian: 40 });
    expect(summary.b).toEqual({ diverged: true, divergedAt: 10, finalLoss: 2 });
  });
});
