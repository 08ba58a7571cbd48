/**
 * Why the normalizations' training-mode forward passes are custom-gradient ops: on wasm a small layer's
 * step is bound by per-op cost, not arithmetic, and every op tfjs records for autodiff costs about four
 * times an unrecorded one (its inputs are cloned for the backward pass, the tape is walked, and it is
 * differentiated op by op: 53 against 13 µs per op on the development machine). Ops that run inside a
 * custom-gradient op are not recorded. One step of the default deep linear network (10 layers of 10×10,
 * 200 samples) launched 1,327 kernels with autodiffed BatchNorm against 229 without.
 */
import { tf } from '../tf';
import type { GradSaveFunc, Tensor } from '@tensorflow/tfjs-core';

/**
 * Per-unit batch statistics that feed the running averages and the read-outs but no differentiated value
 * except through a closed-form gradient that accounts for them: computed as one op off the tape, its
 * results stacked and then unstacked (two tape nodes however many ops `compute` takes).
 */
export function statisticsOffTape(x: Tensor, compute: (x: Tensor) => Tensor[]): Tensor[] {
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
