/**
 * Activation statistics over training (Fig. 1c / Fig. 2 distributions, Fig. 8 moment changes).
 * For each tracked layer: the batch distribution of one randomly chosen unit's pre-activation (after
 * normalization and noise, before the nonlinearity) as quantiles, and the per-step change of the
 * layer's first two moments, averaged over its units:
 *   act.<layer>.q05 … act.<layer>.q95,  act.<layer>.dMean = mean_j |μ_j(t) − μ_j(t−1)|,
 *   act.<layer>.dVar = mean_j |σ²_j(t) − σ²_j(t−1)|   (absent at the first step).
 * Moments are over each step's own batch, as in the paper.
 */
import { tf } from '../tf';
import type { Tensor2D } from '@tensorflow/tfjs-core';
import { meanAbsDiff, quantiles } from './stats';

export const ACTIVATION_QUANTILES: readonly [string, number][] = [
  ['q05', 0.05],
  ['q25', 0.25],
  ['q50', 0.5],
  ['q75', 0.75],
  ['q95', 0.95],
];

/** Follows one layer's activations step after step; keeps the previous moments as JS arrays. */
export class ActivationTracker {
  private previous: { mean: Float32Array; variance: Float32Array } | null = null;

  constructor(
    readonly layer: number,
    /** The unit whose distribution is reported. */
    readonly unit: number,
  ) {}

  observe(activations: Tensor2D): Record<string, number> {
    // tf.moments' kernels one by one: the op returns an object, which tfjs walks in a way V8 keeps
    // deoptimizing (src/lab/tf.ts). Same kernels, so the same numbers.
    const read = tf.tidy(() => {
      const mean = tf.mean(activations, 0);
      const variance = tf.mean(tf.square(tf.sub(activations, tf.reshape(mean, [1, -1]))), 0);
      return [tf.slice(activations, [0, this.unit], [-1, 1]), mean, variance];
    });
    const [column, mean, variance] = read.map((t) => t.dataSync() as Float32Array);
    tf.dispose(read);
    const prefix = `act.${this.layer}`;
    const metrics: Record<string, number> = {};
    const values = quantiles(column!, ACTIVATION_QUANTILES.map(([, q]) => q));
    ACTIVATION_QUANTILES.forEach(([name], i) => (metrics[`${prefix}.${name}`] = values[i]!));
    if (this.previous) {
      metrics[`${prefix}.dMean`] = meanAbsDiff(mean!, this.previous.mean);
      metrics[`${prefix}.dVar`] = meanAbsDiff(variance!, this.previous.variance);
    }
    this.previous = { mean: mean!, variance: variance! };
    return metrics;
  }
}
