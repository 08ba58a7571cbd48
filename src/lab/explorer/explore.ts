/**
 * The math behind the BatchNorm explorer: one unit, one mini-batch, both modes.
 *
 * A short training history (earlier batches from the same distribution) feeds the running
 * averages through the lab's own `updateRunning`, so the evaluation-mode numbers are exactly what
 * a trained layer would use. Runs on the cpu backend on the page's main thread: this is a few
 * hundred numbers, not training (training runs in the lab's Web Worker).
 */
import { tf, initBackend } from '../tf';
import type { Tensor, Tensor1D } from '@tensorflow/tfjs-core';
import { stream } from '../random';
import { batchNormEval, batchNormTrain, initialRunning, normalizeWith, updateRunning, BN_MOMENTUM } from '../norms/batchnorm';
import type { RunningStats } from '../types';
import { clampSetting } from '../schema';
import { EXPLORER_FIELDS, HISTORY_BATCHES, type ExplorerSettings } from './config';
import { drawPreActivations } from './sample';

export interface Moments {
  mean: number;
  /** Standard deviation, biased (divides by m) like BatchNorm's own. */
  std: number;
}

export interface ModeResult {
  /** The statistics this mode normalizes with: the batch's in training, the running ones in evaluation. */
  usedStats: Moments;
  /** x̂, before γ and β. */
  normalized: Float32Array;
  /** y = γ·x̂ + β. */
  outputs: Float32Array;
  output: Moments;
}

export interface Exploration {
  settings: ExplorerSettings;
  seed: number;
  inputs: Float32Array;
  batch: Moments;
  running: Moments;
  train: ModeResult;
  eval: ModeResult;
}

let cpuReady: Promise<unknown> | undefined;

/** Draws the batch for `seed` and normalizes it both ways. Settings are clamped to the fields' ranges. */
export async function explore(requested: ExplorerSettings, seed: number): Promise<Exploration> {
  cpuReady ??= initBackend('cpu');
  await cpuReady;
  const settings = Object.fromEntries(
    EXPLORER_FIELDS.map((f) => [f.key, clampSetting(f, requested[f.key])]),
  ) as ExplorerSettings;
  const { batchSize, shift, scale, gamma, beta } = settings;

  const running = accumulateRunning(seed, batchSize, shift, scale);
  const inputs = drawPreActivations(stream(seed, 'explorer/batch'), batchSize, shift, scale);

  const t = tf.tidy(() => {
    const h = tf.tensor2d(inputs, [batchSize, 1]);
    const g = tf.tensor1d([gamma]);
    const b = tf.tensor1d([beta]);
    const one = tf.ones([1]) as Tensor1D;
    const zero = tf.zeros([1]) as Tensor1D;
    const train = batchNormTrain(h, g, b);
    const evalY = batchNormEval(h, g, b, running);
    const trainOut = tf.moments(train.y, 0);
    const evalOut = tf.moments(evalY, 0);
    return {
      batchMean: train.mean,
      batchVar: train.variance,
      runMean: running.mean,
      runVar: running.variance,
      trainXHat: normalizeWith(h, train.mean, train.variance, one, zero),
      trainY: train.y,
      evalXHat: normalizeWith(h, running.mean, running.variance, one, zero),
      evalY,
      trainOutMean: trainOut.mean,
      trainOutVar: trainOut.variance,
      evalOutMean: evalOut.mean,
      evalOutVar: evalOut.variance,
    };
  });

  try {
    const v = await readAll(t);
    const moments = (mean: Float32Array, variance: Float32Array): Moments => ({
      mean: mean[0]!,
      std: Math.sqrt(variance[0]!),
    });
    const batch = moments(v.batchMean, v.batchVar);
    const run = moments(v.runMean, v.runVar);
    return {
      settings,
      seed,
      inputs,
      batch,
      running: run,
      train: { usedStats: batch, normalized: v.trainXHat, outputs: v.trainY, output: moments(v.trainOutMean, v.trainOutVar) },
      eval: { usedStats: run, normalized: v.evalXHat, outputs: v.evalY, output: moments(v.evalOutMean, v.evalOutVar) },
    };
  } finally {
    // Also disposes the running statistics, which `t` holds as runMean/runVar.
    tf.dispose(Object.values(t));
  }
}

/** Running statistics after HISTORY_BATCHES training steps on batches like the current one. */
function accumulateRunning(seed: number, batchSize: number, shift: number, scale: number): RunningStats {
  const rng = stream(seed, 'explorer/history');
  let running = initialRunning(1);
  for (let step = 0; step < HISTORY_BATCHES; step++) {
    const x = drawPreActivations(rng, batchSize, shift, scale);
    const batchStats = tf.tidy(() => {
      const { mean, variance } = tf.moments(tf.tensor2d(x, [batchSize, 1]), 0);
      return { mean: mean as Tensor1D, variance: variance as Tensor1D };
    });
    const next = updateRunning(running, batchStats, BN_MOMENTUM);
    tf.dispose([running.mean, running.variance, batchStats.mean, batchStats.variance]);
    running = next;
  }
  return running;
}

/** Reads every tensor asynchronously (never dataSync: the page must not block). */
async function readAll<K extends string>(tensors: Record<K, Tensor>): Promise<Record<K, Float32Array>> {
  const keys = Object.keys(tensors) as K[];
  const values = await Promise.all(keys.map((k) => tensors[k].data() as Promise<Float32Array>));
  return Object.fromEntries(keys.map((k, i) => [k, values[i]])) as Record<K, Float32Array>;
}
