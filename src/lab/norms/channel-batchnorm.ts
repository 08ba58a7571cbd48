/**
 * BatchNorm of a convolution's output in training (and probe) mode, per channel (docs/protocol.md,
 * Definitions), computed channel-first with its gradient written out. The MLP's BatchNorm on the
 * [m·H·W, C] view spent most of the convnet's normalization time in two wasm costs: every statistic and
 * every γ/β gradient reduces over the outer axis (a transpose inside each reduction), and every
 * per-channel product broadcasts a C-vector over rows of C = 8 or 16 values, which XNNPACK runs row by
 * row (about 6× slower than the same product with a [C, 1] column over [C, m·H·W]). Here the activations
 * are transposed once to [C, m·H·W], so reductions run over the inner axis and broadcasts over long rows,
 * and transposed back once; the backward pass does the same to dy. Autodiff of the forward would take
 * about twice as many full-size operations; the closed form (Ioffe and Szegedy's) takes five:
 *   d = h − μ, r = 1/√(σ² + ε), k = γ·r, y = d·k + β;
 *   dβ = Σ dy, dγ = r·Σ dy·d, dh = dy·k − d·(k·r²·Σ dy·d)/M − k·dβ/M, over the M = m·H·W values.
 */
import { tf } from '../tf';
import type { GradSaveFunc, Tensor, Tensor1D, Tensor2D, Tensor4D } from '@tensorflow/tfjs-core';
import { BN_EPSILON, type BatchNormOutput } from './batchnorm';

export interface ChannelBatchNormOutput extends Omit<BatchNormOutput, 'y'> {
  y: Tensor4D;
}

/** [N, H, W, C] → [C, N·H·W]. */
const channelsFirst = (t: Tensor, c: number) => tf.reshape(tf.transpose(t, [3, 0, 1, 2]), [c, -1]) as Tensor2D;
/** [C, N·H·W] → [N, H, W, C]. */
const channelsLast = (t: Tensor, [n, h, w, c]: readonly number[]) => tf.transpose(tf.reshape(t, [c!, n!, h!, w!]), [1, 2, 3, 0]) as Tensor4D;

/**
 * Training mode on x [N, H, W, C]: normalise each channel with its batch statistics over N·H·W values. The
 * statistics are computed before the custom-gradient op and read by its gradient from this scope (tf.grads
 * runs forward and backward inside one scope, so they are alive; saving them would copy them): the op's
 * own inputs are x, γ and β, so gradients reach the parameters only through its closed form.
 */
export function channelBatchNormTrain(x: Tensor4D, gamma: Tensor1D, beta: Tensor1D, eps = BN_EPSILON): ChannelBatchNormOutput {
  const c = x.shape[3];
  const column = (t: Tensor) => tf.reshape(t, [c, 1]);
  const xt = channelsFirst(x, c);
  const mean = tf.mean(xt, 1, true);
  const d = tf.sub(xt, mean);
  const variance = tf.mean(tf.square(d), 1, true);
  const r = tf.rsqrt(tf.add(variance, eps));
  const k = tf.mul(column(gamma), r);
  const norm = tf.customGrad((...args: (Tensor | GradSaveFunc)[]) => {
    const [h, , b, save] = args as [Tensor, Tensor, Tensor, GradSaveFunc];
    save([d, r, k]);
    return {
      value: channelsLast(tf.add(tf.mul(d, k), column(b)), h.shape),
      gradFunc: (dy: Tensor, saved: Tensor[]) => {
        const [dc, rc, kc] = saved as [Tensor, Tensor, Tensor];
        const dyt = channelsFirst(dy, c);
        const count = dyt.shape[1];
        const dBeta = tf.sum(dyt, 1, true);
        const dyd = tf.sum(tf.mul(dyt, dc), 1, true);
        const perD = tf.div(tf.mul(tf.mul(kc, tf.square(rc)), dyd), count);
        const dht = tf.sub(tf.mul(dyt, kc), tf.add(tf.mul(dc, perD), tf.div(tf.mul(kc, dBeta), count)));
        return [channelsLast(dht, h.shape), tf.reshape(tf.mul(rc, dyd), [c]), tf.reshape(dBeta, [c])];
      },
    };
  });
  const y = norm(x, gamma, beta) as Tensor4D;
  return {
    y,
    mean: tf.reshape(mean, [c]) as Tensor1D,
    variance: tf.reshape(variance, [c]) as Tensor1D,
  };
}
