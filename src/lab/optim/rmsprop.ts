/**
 * RMSProp without momentum, the update of tf.train.rmsprop (ms ← ρ·ms + (1−ρ)·g²; p ← p − lr·g/√(ms+ε)).
 * The WGAN paper trains with it at lr 5e-5 (docs/protocol.md, R6).
 */
import { tf } from '../tf';
import type { Tensor } from '@tensorflow/tfjs-core';
import { rmsPropStepKernel } from '../ops/optimizer-kernels';
import { zeroFusedState, zeroSlots, type Optimizer } from './optimizer';

export interface RmsPropOptions {
  decay?: number;
  epsilon?: number;
}

const RMSPROP_DEFAULTS = { decay: 0.9, epsilon: 1e-7 };

export function rmsprop(learningRate: number, options: RmsPropOptions = {}): Optimizer {
  const { decay, epsilon } = { ...RMSPROP_DEFAULTS, ...options };
  return {
    name: 'rmsprop',
    learningRate,
    init: (params) => ({ step: 0, slots: zeroSlots(params, 1) }),
    update: (params, grads, state) => {
      // Arrays from the tidy, not an object (src/lab/tf.ts).
      const [next, ms] = tf.tidy((): [Tensor[], Tensor[]] => {
        const ms = params.map((_, i) => tf.add(tf.mul(state.slots[i]!, decay), tf.mul(tf.square(grads[i]!), 1 - decay)));
        const next = params.map((p, i) =>
          tf.sub(p, tf.mul(tf.div(grads[i]!, tf.sqrt(tf.add(ms[i]!, epsilon))), learningRate)),
        );
        return [next, ms];
      });
      return { params: next, state: { step: state.step + 1, slots: ms } };
    },
    fused: {
      init: (params) => zeroFusedState(params, 1),
      update: (params, grads, state, clip) => {
        state.step++;
        return rmsPropStepKernel(params, grads, state.slots, { decay, epsilon, learningRate, clip: clip ?? null });
      },
    },
  };
}
