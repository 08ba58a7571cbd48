/**
 * The one way the trainer and the measurements (G′, landscape probes, the gradient slice) get a loss and
 * its gradients: the network's hand-written backprop when it has one (the layered MLP, the deep linear
 * network and the convnet all do), autodiff otherwise (the reference the backprop tests compare it with).
 * Both give the same numbers bit for bit.
 */
import { tf } from '../tf';
import type { Tensor } from '@tensorflow/tfjs-core';
import type { Batch, ForwardContext, ForwardResult, Params } from '../types';
import type { Network, TrainingPass } from './network';

/**
 * Loss, gradients and forward results at `params`, the activations of the `tracked` layers only. Every
 * tensor returned is kept (tf.keep: the forward's intermediates are freed inside) and the caller's to free
 * with `disposePass`, inside a tidy or not.
 */
export function trainingPass(model: Network, params: Params, batch: Batch, ctx: ForwardContext, tracked: readonly number[] = []): TrainingPass {
  const keepForward = (fwd: ForwardResult): ForwardResult => ({
    output: tf.keep(fwd.output),
    batchStats: new Map([...fwd.batchStats].map(([l, s]) => [l, { mean: tf.keep(s.mean), variance: tf.keep(s.variance) }])),
    activations: new Map(tracked.map((l) => [l, tf.keep(fwd.activations.get(l)!)])),
  });
  let forward: ForwardResult | undefined;
  if (model.valueAndGrads) {
    let kept: TrainingPass | undefined;
    tf.tidy(() => {
      const pass = model.valueAndGrads!(params, batch, ctx);
      kept = { ...keepForward(pass), value: tf.keep(pass.value), grads: pass.grads.map((g) => tf.keep(g)) };
    });
    return kept!;
  }
  const { value, grads } = tf.valueAndGrads((...p: Tensor[]) => {
    const fwd = model.forward(p, batch.x, ctx);
    forward = keepForward(fwd);
    return model.outputLoss(fwd.output, batch.y);
  })(params);
  return { ...forward!, value: tf.keep(value), grads: grads.map((g) => tf.keep(g)) };
}

export function disposePass(pass: TrainingPass): void {
  tf.dispose([pass.value, ...pass.grads, pass.output]);
  for (const s of pass.batchStats.values()) tf.dispose([s.mean, s.variance]);
  tf.dispose([...pass.activations.values()]);
}
