/**
 * The benchmark's shared workload: the 784-256×4-10 MLP at batch 64 (docs/performance.md), fed
 * seeded synthetic data (uniform pixels, random labels: throughput does not depend on the values).
 */
import { stream } from '../../src/lab/random';

export const INPUTS = 784;
export const WIDTH = 256;
export const HIDDEN_LAYERS = 4;
export const CLASSES = 10;
export const BATCH = 64;
export const LEARNING_RATE = 0.01;
/** Distinct batches cycled through, so no step reuses the previous step's input. */
export const POOL = 8;

export const SIZES = [INPUTS, ...Array<number>(HIDDEN_LAYERS).fill(WIDTH), CLASSES];

/**
 * Matmul FLOPs of one training step: forward and weight gradients 2·m·Σ in·out each, input
 * gradients the same without the first layer (≈127.9 MFLOP; elementwise work is under 1%).
 */
export function mlpStepFlops(sizes = SIZES, m = BATCH): number {
  const layer = (l: number) => 2 * m * sizes[l]! * sizes[l + 1]!;
  let total = 0;
  for (let l = 0; l < sizes.length - 1; l++) total += (l === 0 ? 2 : 3) * layer(l);
  return total;
}

export interface RawBatch {
  /** BATCH × INPUTS, row-major. */
  x: Float32Array;
  /** BATCH × CLASSES one-hot. */
  y: Float32Array;
  labels: number[];
}

export function rawBatches(seed = 1): RawBatch[] {
  const rng = stream(seed, 'bench');
  return Array.from({ length: POOL }, () => {
    const labels = Array.from({ length: BATCH }, () => rng.int(CLASSES));
    const y = new Float32Array(BATCH * CLASSES);
    labels.forEach((label, i) => (y[i * CLASSES + label] = 1));
    return { x: rng.uniformArray(BATCH * INPUTS, 0, 1), y, labels };
  });
}
