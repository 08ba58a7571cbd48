/**
 * Mini-batches over the digits: a seeded order (stream(seed, 'batches')) that every arm of a run
 * shares, pixels scaled to [0, 1], one-hot labels.
 */
import { tf } from '../tf';
import type { Tensor2D } from '@tensorflow/tfjs-core';
import { stream } from '../random';
import type { Batch, DigitSet } from '../types';
import { DIGIT_CLASSES, DIGIT_PIXELS } from './digits';

/** Where a run's batches come from. `take` hands out a batch; `release` gives it back for disposal. */
export interface BatchSource {
  take(step: number): Batch;
  release(batch: Batch): void;
  dispose(): void;
}

/** Rows `indices` of a digit set as a batch (x: [m, 784] in [0, 1], y: [m, 10] one-hot). */
export function digitBatch(set: DigitSet, indices: ArrayLike<number>): Batch {
  const m = indices.length;
  const x = new Float32Array(m * DIGIT_PIXELS);
  const y = new Float32Array(m * DIGIT_CLASSES);
  for (let r = 0; r < m; r++) {
    const i = indices[r]!;
    const row = set.pixels.subarray(i * DIGIT_PIXELS, (i + 1) * DIGIT_PIXELS);
    for (let p = 0; p < DIGIT_PIXELS; p++) x[r * DIGIT_PIXELS + p] = row[p]! / 255;
    y[r * DIGIT_CLASSES + set.labels[i]!] = 1;
  }
  return { x: tf.tensor2d(x, [m, DIGIT_PIXELS]) as Tensor2D, y: tf.tensor2d(y, [m, DIGIT_CLASSES]) as Tensor2D };
}

/** The whole set as one batch (evaluation). */
export function wholeSet(set: DigitSet): Batch {
  return digitBatch(set, Array.from({ length: set.count }, (_, i) => i));
}

export function disposeBatch(batch: Batch): void {
  tf.dispose([batch.x, batch.y]);
}

/**
 * Epochs of a seeded permutation, cut into batches of `batchSize` (the tail of an epoch that does not
 * fill a batch is dropped, so every batch has the same size). Batch t depends only on seed and t.
 */
export function digitBatches(set: DigitSet, batchSize: number, seed: number): BatchSource {
  if (batchSize > set.count) throw new Error(`batch size ${batchSize} exceeds the ${set.count} training digits`);
  const rng = stream(seed, 'batches');
  const perEpoch = Math.floor(set.count / batchSize);
  const order: number[][] = [];
  const indicesAt = (step: number): number[] => {
    while (order.length * perEpoch <= step) order.push(rng.shuffle(Array.from({ length: set.count }, (_, i) => i)));
    const offset = (step % perEpoch) * batchSize;
    return order[Math.floor(step / perEpoch)]!.slice(offset, offset + batchSize);
  };
  return {
    take: (step) => digitBatch(set, indicesAt(step)),
    release: disposeBatch,
    dispose: () => {},
  };
}
