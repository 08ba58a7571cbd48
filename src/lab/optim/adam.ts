/**
 * Adam (Kingma & Ba) with bias correction, same update as tf.train.adam. WGAN-GP uses it with
 * β1 = 0 or 0.5 and β2 = 0.9 (docs/protocol.md, R6).
 */
import { tf } from '../tf';
import type { Tensor } from '@tensorflow/tfjs-core';
import { adamStepKernel } from '../ops/optimizer-kernels';
import { zeroFusedState, zeroSlots, type Optimizer } from './optimizer';

export interface AdamOptions {
  beta1?: number;
  beta2?: number;
  epsilon?: number;
}

const ADAM_DEFAULTS = { beta1: 0.9, beta2: 0.999, epsilon: 1e-8 };

export function adam(learningRate: number, options: AdamOptions = {}): Optimizer {
  const { beta1, beta2, epsilon } = { ...ADAM_DEFAULTS, ...options };
  return {
    name: 'adam',
    learningRate,
    init: (params) => ({ step: 0, slots: zeroSlots(params, 2) }),
    update: (params, grads, state) => {
      const n = params.length;
      const t = state.step + 1;
      const correction1 = 1 - beta1 ** t;
      const correction2 = 1 - beta2 ** t;
      // Arrays from the tidy, not an object (src/lab/tf.ts).
      const [next, slots] = tf.tidy((): [Tensor[], Tensor[]] => {
        const m = params.map((_, i) => tf.add(tf.mul(state.slots[i]!, beta1), tf.mul(grads[i]!, 1 - beta1)));
        const v = params.map((_, i) =>
          tf.add(tf.mul(state.slots[n + i]!, beta2), tf.mul(tf.square(grads[i]!), 1 - beta2)),
        );
        const next = params.map((p, i) => {
          const mHat = tf.div(m[i]!, correction1);
          const vHat = tf.div(v[i]!, correction2);
          return tf.sub(p, tf.mul(tf.div(mHat, tf.add(tf.sqrt(vHat), epsilon)), learningRate));
        });
        return [next, [...m, ...v]];
      });
      return { params: next, state: { step: t, slots } };
    },
    fused: {
      init: (params) => zeroFusedState(params, 2),
      update: (params, grads, state, clip) => {
        const t = ++state.step;
        const corrections = { correction1: 1 - beta1 ** t, correction2: 1 - beta2 ** t };
        return adamStepKernel(params, grads, state.slots, { beta1, beta2, epsilon, learningRate, ...corrections, clip: clip ?? null });
      },
    },
  };
}
