/** Plain SGD, the paper's optimiser (no momentum, no weight decay: docs/protocol.md, R1 leaves them unstated). */
import { tf } from '../tf';
import type { Optimizer } from './optimizer';

export function sgd(learningRate: number): Optimizer {
  return {
    name: 'sgd',
    learningRate,
    init: () => ({ step: 0, slots: [] }),
    update: (params, grads, state) => ({
      params: tf.tidy(() => params.map((p, i) => tf.sub(p, tf.mul(grads[i]!, learningRate)))),
      state: { step: state.step + 1, slots: [] },
    }),
  };
}
