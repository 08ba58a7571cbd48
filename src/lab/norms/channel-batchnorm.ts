/**
 * BatchNorm of a convolution's output in training (and probe) mode, per channel (docs/protocol.md,
 * Definitions), computed channel-first with its gradient written out. The MLP's BatchNorm on the
 * [m·H·W, C] view spent most of the convnet's normalization time in two wasm costs: every statistic and
 * every γ/β gradient reduces over the outer axis (a transpose inside each reduction), and every
 * per-channel product broadcasts a C-vector over rows of C = 8 or 16 values, which XNNPACK runs row by
 * row (about 6× slower than the same product with a [C, 1] column over [C, m·H·W]). Here the activations
 * are transposed once to [C, m·H·W], so reductions run over the inner axis and broadcasts over long rows,
 * and transposed back once (autodiff of the reshape and transpose does the same to dy), around the closed
 * form every training-mode BatchNorm here uses (batchnorm-closed-form.ts).
 */
import { tf } from '../tf';
import type { Tensor, Tensor1D, Tensor2D, Tensor4D } from '@tensorflow/tfjs-core';
import { BN_EPSILON, type BatchNormOutput } from './batchnorm';
import { closedFormBatchNorm } from './batchnorm-closed-form';

export interface ChannelBatchNormOutput extends Omit<BatchNormOutput, 'y'> {
  y: Tensor4D;
}

/** [N, H, W, C] → [C, N·H·W]. */
const channelsFirst = (t: Tensor, c: number) => tf.reshape(tf.transpose(t, [3, 0, 1, 2]), [c, -1]) as Tensor2D;
/** [C, N·H·W] → [N, H, W, C]. */
const channelsLast = (t: Tensor, [n, h, w, c]: readonly number[]) => tf.transpose(tf.reshape(t, [c!, n!, h!, w!]), [1, 2, 3, 0]) as Tensor4D;

/** Training mode on x [N, H, W, C]: normalise each channel with its batch statistics over N·H·W values. */
export function channelBatchNormTrain(x: Tensor4D, gamma: Tensor1D, beta: Tensor1D, eps = BN_EPSILON): ChannelBatchNormOutput {
  const c = x.shape[3];
  const column = (t: Tensor) => tf.reshape(t, [c, 1]) as Tensor2D;
  const { y, mean, variance } = closedFormBatchNorm(channelsFirst(x, c), column(gamma), column(beta), 1, eps);
  return {
    y: channelsLast(y, x.shape),
    mean: tf.reshape(mean, [c]) as Tensor1D,
    variance: tf.reshape(variance, [c]) as Tensor1D,
  };
}
