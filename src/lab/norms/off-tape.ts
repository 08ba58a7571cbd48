/**
 * Why the normalizations' training-mode forward passes are custom-gradient ops: on wasm a small layer's
 * step is bound by per-op cost, not arithmetic, and every op tfjs records for autodiff costs about four
 * times an unrecorded one (its inputs are cloned for the backward pass, the tape is walked, and it is
 * differentiated op by op: 53 against 13 µs per op on the development machine). Ops that run inside a
 * custom-gradient op are not recorded. One step of the default deep linear network (10 layers of 10×10,
 * 200 samples) launched 1,327 kernels with autodiffed BatchNorm against 229 without.
 *
 * A normalization is written once as a `ClosedForm` (statistics, forward, backward) and run two ways:
 * on the tape for autodiff (`normalizeOnTape`: `tf.grad` of a model's `loss`), or by hand (`normalizeByHand`), its
 * backward called directly by the hand-written backprop (models/layered-backprop.ts, models/convnet-backprop.ts).
 * Both issue the same ops on the same operands, so their numbers are the same bit for bit.
 */
import { tf } from '../tf';
import type { GradSaveFunc, Tensor } from '@tensorflow/tfjs-core';

/** A normalization y = f(x; statistics of x, γ, β) whose gradient is written out in closed form. */
export interface ClosedForm {
  /** Per-unit batch statistics of x, which the gradient below accounts for. */
  statistics(x: Tensor): Tensor[];
  /** y and the tensors `backward` reads, from x, its statistics, γ and β. */
  forward(x: Tensor, stats: Tensor[], gamma: Tensor, beta: Tensor): { y: Tensor; saved: Tensor[] };
  /** [∂/∂x, ∂/∂γ, ∂/∂β] from ∂/∂y. */
  backward(dy: Tensor, saved: Tensor[]): [Tensor, Tensor, Tensor];
}

/**
 * Per-unit batch statistics that feed the running averages and the read-outs but no differentiated value
 * except through a closed-form gradient that accounts for them: computed as one op off the tape, its
 * results stacked and then unstacked (two tape nodes however many ops `compute` takes).
 */
function statisticsOffTape(x: Tensor, compute: (x: Tensor) => Tensor[]): Tensor[] {
  const statistics = tf.customGrad((...args: (Tensor | GradSaveFunc)[]) => {
    const input = args[0] as Tensor;
    return {
      value: tf.stack(compute(input)),
      // Never called: every gradient that depends on the statistics is in the normalization's closed form.
      gradFunc: () => tf.zerosLike(input),
    };
  });
  return tf.unstack(statistics(x));
}

/** The normalization as custom-gradient ops that autodiff differentiates: y and the statistics. */
export function normalizeOnTape(form: ClosedForm, x: Tensor, gamma: Tensor, beta: Tensor): { y: Tensor; stats: Tensor[] } {
  const stats = statisticsOffTape(x, (input) => form.statistics(input));
  const normalize = tf.customGrad((...args: (Tensor | GradSaveFunc)[]) => {
    const [input, g, b, save] = args as [Tensor, Tensor, Tensor, GradSaveFunc];
    const { y, saved } = form.forward(input, stats, g, b);
    save(saved);
    return { value: y, gradFunc: (dy: Tensor, kept: Tensor[]) => form.backward(dy, kept) };
  });
  return { y: normalize(x, gamma, beta), stats };
}

/** The normalization off the tape, with its backward to call by hand. */
export function normalizeByHand(
  form: ClosedForm,
  x: Tensor,
  gamma: Tensor,
  beta: Tensor,
): { y: Tensor; stats: Tensor[]; backward: (dy: Tensor) => [Tensor, Tensor, Tensor] } {
  const stats = form.statistics(x);
  const { y, saved } = form.forward(x, stats, gamma, beta);
  return { y, stats, backward: (dy) => form.backward(dy, saved) };
}
