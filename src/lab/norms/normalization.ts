/**
 * The normalizations a hidden layer can carry, behind one function so models do not branch on them.
 * Each sits after the layer's linear map and before its nonlinearity (docs/protocol.md, R1).
 */
import { tf } from '../tf';
import type { Tensor1D, Tensor2D, Tensor4D } from '@tensorflow/tfjs-core';
import type { NormMode, RunningStats } from '../types';
import { BN_EPSILON, batchNormEval, batchNormTrain } from './batchnorm';
import { lpForm, lpNormEval, lpNormTrain } from './lp';
import { channelBatchNormByHand, channelBatchNormTrain } from './channel-batchnorm';
import { batchNormForm } from './batchnorm-closed-form';
import { normalizeByHand } from './off-tape';

export type NormKind = 'none' | 'batchnorm' | 'l1' | 'l2' | 'linf';

export interface NormOutput {
  y: Tensor2D;
  /** Batch statistics to fold into running averages (train mode only). */
  batchStats?: RunningStats;
}

/** Whether the normalization has learned γ, β (all but 'none'); those layers drop their bias. */
export function hasAffine(kind: NormKind): boolean {
  return kind !== 'none';
}

/** Whether eval mode reads running statistics: every normalization keeps them, so BatchNorm and the ℓp
 *  variants are evaluated by one protocol (docs/protocol.md, Definitions). */
export function keepsRunningStats(kind: NormKind): boolean {
  return kind !== 'none';
}

export function applyNorm(
  kind: NormKind,
  h: Tensor2D,
  gamma: Tensor1D | undefined,
  beta: Tensor1D | undefined,
  mode: NormMode,
  running: RunningStats | undefined,
): NormOutput {
  if (kind === 'none') return { y: h };
  if (!gamma || !beta) throw new Error(`${kind} needs γ and β`);
  if (mode === 'eval' && !running) throw new Error(`${kind} in eval mode needs running statistics`);
  if (kind === 'batchnorm') {
    if (mode === 'eval') return { y: batchNormEval(h, gamma, beta, running!) };
    const { y, mean, variance } = batchNormTrain(h, gamma, beta);
    return mode === 'train' ? { y, batchStats: { mean, variance } } : { y };
  }
  // ℓp keeps s_p where BatchNorm keeps its variance (RunningStats.variance).
  if (mode === 'eval') return { y: lpNormEval(h, gamma, beta, { mean: running!.mean, scale: running!.variance }) };
  const { y, mean, scale } = lpNormTrain(h, kind, gamma, beta);
  return mode === 'train' ? { y, batchStats: { mean, variance: scale } } : { y };
}

export interface HandNormOutput extends NormOutput {
  /** [∂/∂h, ∂/∂γ, ∂/∂β] from ∂/∂y; absent for 'none', whose y is h. */
  backward?: (dy: Tensor2D) => [Tensor2D, Tensor1D, Tensor1D];
}

/**
 * `applyNorm` in train or probe mode off the tape, for hand-written backprop (models/layered-backprop.ts):
 * the same closed forms, whose ops and numbers are those autodiff runs through `applyNorm`.
 */
export function applyNormByHand(kind: NormKind, h: Tensor2D, gamma: Tensor1D | undefined, beta: Tensor1D | undefined, mode: NormMode): HandNormOutput {
  if (kind === 'none') return { y: h };
  if (!gamma || !beta) throw new Error(`${kind} needs γ and β`);
  if (mode === 'eval') throw new Error('eval mode is never differentiated');
  const form = kind === 'batchnorm' ? batchNormForm(0, BN_EPSILON) : lpForm(kind);
  const { y, stats, backward } = normalizeByHand(form, h, gamma, beta);
  return {
    y: y as Tensor2D,
    backward: backward as HandNormOutput['backward'],
    ...(mode === 'train' ? { batchStats: { mean: stats[0] as Tensor1D, variance: stats[1] as Tensor1D } } : {}),
  };
}

/**
 * The per-channel form on a convolution's output [m, H, W, C] (Ioffe and Szegedy §3.2): a channel is the
 * unit, and its statistics run over the batch and every position, m·H·W values, so the same feature is
 * normalized the same way wherever it appears. It is `applyNorm` on the [m·H·W, C] view, except BatchNorm
 * with batch statistics, which has its own channel-first form (channel-batchnorm.ts: the same numbers to
 * float rounding, faster on wasm).
 */
export function applyChannelNorm(
  kind: NormKind,
  h: Tensor4D,
  gamma: Tensor1D | undefined,
  beta: Tensor1D | undefined,
  mode: NormMode,
  running: RunningStats | undefined,
): { y: Tensor4D; batchStats?: RunningStats } {
  if (kind === 'batchnorm' && mode !== 'eval') {
    if (!gamma || !beta) throw new Error(`${kind} needs γ and β`);
    const { y, mean, variance } = channelBatchNormTrain(h, gamma, beta);
    return mode === 'train' ? { y, batchStats: { mean, variance } } : { y };
  }
  const { y, batchStats } = applyNorm(kind, tf.reshape(h, [-1, h.shape[3]]), gamma, beta, mode, running);
  return { y: tf.reshape(y, h.shape), ...(batchStats ? { batchStats } : {}) };
}

export interface ChannelNormByHand {
  y: Tensor4D;
  batchStats?: RunningStats;
  /** [∂/∂h, ∂/∂γ, ∂/∂β] from ∂/∂y; absent for 'none', whose y is h. */
  backward?: (dy: Tensor4D) => [Tensor4D, Tensor1D, Tensor1D];
}

/**
 * `applyChannelNorm` in train or probe mode off the tape, for hand-written backprop (models/convnet-backprop.ts):
 * the channel-first BatchNorm or `applyNormByHand` on the [m·H·W, C] view, the ops autodiff runs through
 * `applyChannelNorm`, the view's reshapes undone around the backward as autodiff's Reshape gradient does.
 */
export function applyChannelNormByHand(kind: NormKind, h: Tensor4D, gamma: Tensor1D | undefined, beta: Tensor1D | undefined, mode: NormMode): ChannelNormByHand {
  if (kind === 'batchnorm' && mode !== 'eval') {
    if (!gamma || !beta) throw new Error(`${kind} needs γ and β`);
    const { y, mean, variance, backward } = channelBatchNormByHand(h, gamma, beta);
    return { y, backward, ...(mode === 'train' ? { batchStats: { mean, variance } } : {}) };
  }
  const c = h.shape[3];
  const { y, batchStats, backward } = applyNormByHand(kind, tf.reshape(h, [-1, c]), gamma, beta, mode);
  return {
    y: tf.reshape(y, h.shape),
    ...(batchStats ? { batchStats } : {}),
    ...(backward
      ? {
          backward: (dy: Tensor4D) => {
            const [dh, dGamma, dBeta] = backward(tf.reshape(dy, [-1, c]));
            return [tf.reshape(dh, h.shape), dGamma, dBeta];
          },
        }
      : {}),
  };
}
