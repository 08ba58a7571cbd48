/**
 * The GAN aside's small ReLU networks (docs/protocol.md, R6): G 2→64→64→2 and D 2→64→64→1, written
 * functionally like the rest of the lab (params = [W1, b1, W2, b2, W3, b3], W as [in, out]).
 *
 * Only `relu` is used on purpose: WGAN-GP differentiates the critic twice, and tfjs 4.22 has no
 * second-order gradient for tf.leakyRelu / tf.elu / tf.maximum (docs/protocol.md, R6 pitfall).
 */
import { tf } from '../tf';
import type { Rng } from '../random';
import type { Scalar, Tensor1D, Tensor2D } from '@tensorflow/tfjs-core';
import type { Params } from '../types';
import { forwardPass, rowNorms } from './backprop';

export const HIDDEN_UNITS = 64;
export const GENERATOR_SIZES = [2, HIDDEN_UNITS, HIDDEN_UNITS, 2] as const;
export const CRITIC_SIZES = [2, HIDDEN_UNITS, HIDDEN_UNITS, 1] as const;

/**
 * He-normal weights N(0, 2/fanIn) (gan_toy.py uses He init; plain rather than Keras's truncated
 * normal), zero biases, drawn in JS from a seeded stream.
 */
export function heNormalNet(sizes: readonly number[], rng: Rng): Params {
  const params: Params = [];
  for (let l = 1; l < sizes.length; l++) {
    const fanIn = sizes[l - 1]!;
    const fanOut = sizes[l]!;
    params.push(tf.tensor2d(rng.normalArray(fanIn * fanOut, 0, Math.sqrt(2 / fanIn)), [fanIn, fanOut]));
    params.push(tf.zeros([fanOut]));
  }
  return params;
}

/** The weight matrices of a net's params (every other entry). */
export function weightsOf(params: Params): Tensor2D[] {
  return params.filter((_, i) => i % 2 === 0) as Tensor2D[];
}

/** ReLU on hidden layers, linear output. */
export function forward(params: Params, x: Tensor2D): Tensor2D {
  return forwardPass(params, x).out!;
}

/**
 * ‖∇ₓ f(x)‖₂ per row, [n], for a scalar-output net f (rows are independent, so the gradient of the
 * sum gives each row's own). Differentiable again (WGAN-GP), so no tidy here: call it inside one.
 */
export function inputGradNorms(f: (x: Tensor2D) => Tensor2D, x: Tensor2D): Tensor1D {
  const g = tf.grad((xs) => tf.sum(f(xs as Tensor2D)))(x);
  return rowNorms(g as Tensor2D);
}

/** E D(real) − E D(fake): the critic's estimate of K·W₁; real and fake go through D in one pass (half the kernels). */
export function criticGap(d: (x: Tensor2D) => Tensor2D, real: Tensor2D, fake: Tensor2D): Scalar {
  return gapOf(d(tf.concat([real, fake], 0)));
}

/** E D(real) − E D(fake) from D's output on [real; fake] (two halves of equal size). */
export function gapOf(out: Tensor2D): Scalar {
  const [onReal, onFake] = tf.split(out, 2, 0);
  return tf.sub(tf.mean(onReal!), tf.mean(onFake!));
}
