/**
 * Synthetic Gaussian regression for the deep linear network (docs/protocol.md, R3): x ~ N(0, I),
 * A ∈ R^{dim×dim} with i.i.d. N(0, 1) entries, targets y = xA (row-vector convention of the
 * forward pass, i.e. the paper's Ax). Drawn from stream(seed, 'data'). Trained full-batch.
 */
import { tf } from '../tf';
import type { Tensor2D } from '@tensorflow/tfjs-core';
import { stream } from '../random';
import type { Batch } from '../types';
import { disposeBatch, type BatchSource } from './batches';

export function gaussianRegression(seed: number, samples: number, dim: number): Batch {
  const rng = stream(seed, 'data');
  const xValues = rng.normalArray(samples * dim);
  const aValues = rng.normalArray(dim * dim);
  // An array from the tidy, not an object (src/lab/tf.ts).
  const [x, y] = tf.tidy((): [Tensor2D, Tensor2D] => {
    const x = tf.tensor2d(xValues, [samples, dim]);
    return [x, tf.matMul(x, tf.tensor2d(aValues, [dim, dim]))];
  });
  return { x, y };
}

/** Full-batch gradient descent: the same batch every step, disposed when the run ends. */
export function fullBatch(batch: Batch): BatchSource {
  return { take: () => batch, release: () => {}, dispose: () => disposeBatch(batch) };
}
