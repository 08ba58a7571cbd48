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
import { batchNormForm } from './batchnorm-closed-form';
import { normalizeByHand, normalizeOnTape, type ClosedForm } from './off-tape';

export interface ChannelBatchNormOutput extends Omit<BatchNormOutput, 'y'> {
  y: Tensor4D;
}

/** The same, off the tape, with its backward: [∂/∂x, ∂/∂γ, ∂/∂β] from ∂/∂y. */
export interface ChannelBatchNormByHand extends ChannelBatchNormOutput {
  backward(dy: Tensor4D): [Tensor4D, Tensor1D, Tensor1D];
}

/** [N, H, W, C] → [C, N·H·W]. */
const channelsFirst = (t: Tensor, c: number) => tf.reshape(tf.transpose(t, [3, 0, 1, 2]), [c, -1]) as Tensor2D;
/** [C, N·H·W] → [N, H, W, C]. */
const channelsLast = (t: Tensor, [n, h, w, c]: readonly number[]) => tf.transpose(tf.reshape(t, [c!, n!, h!, w!]), [1, 2, 3, 0]) as Tensor4D;

/** The closed form on the channel-first view, run by `normalize` (on the tape or by hand), and that run. */
function channelFirst<R extends { y: Tensor; stats: Tensor[] }>(
  x: Tensor4D,
  gamma: Tensor1D,
  beta: Tensor1D,
  eps: number,
  normalize: (form: ClosedForm, v: Tensor, g: Tensor, b: Tensor) => R,
): { output: ChannelBatchNormOutput; run: R } {
  const c = x.shape[3];
  const column = (t: Tensor) => tf.reshape(t, [c, 1]) as Tensor2D;
  const run = normalize(batchNormForm(1, eps), channelsFirst(x, c), column(gamma), column(beta));
  return { output: { y: channelsLast(run.y, x.shape), mean: tf.reshape(run.stats[0]!, [c]) as Tensor1D, variance: tf.reshape(run.stats[1]!, [c]) as Tensor1D }, run };
}

/** Training mode on x [N, H, W, C]: normalise each channel with its batch statistics over N·H·W values. */
export function channelBatchNormTrain(x: Tensor4D, gamma: Tensor1D, beta: Tensor1D, eps = BN_EPSILON): ChannelBatchNormOutput {
  return channelFirst(x, gamma, beta, eps, normalizeOnTape).output;
}

/**
 * `channelBatchNormTrain` off the tape, for hand-written backprop (models/convnet-backprop.ts). Its backward
 * wraps the view's in what autodiff of the reshapes and transposes does: dy goes channel-first as x did, and
 * the gradients come back to x's and γ's shapes.
 */
export function channelBatchNormByHand(x: Tensor4D, gamma: Tensor1D, beta: Tensor1D, eps = BN_EPSILON): ChannelBatchNormByHand {
  const c = x.shape[3];
  const { output, run } = channelFirst(x, gamma, beta, eps, normalizeByHand);
  return {
    ...output,
    backward(dy) {
      const [dx, dGamma, dBeta] = run.backward(channelsFirst(dy, c));
      return [channelsLast(dx, x.shape), tf.reshape(dGamma, [c]) as Tensor1D, tf.reshape(dBeta, [c]) as Tensor1D];
    },
  };
}
