/**
 * A GAN net and its optimiser, updated as one flat vector. The optimisers and clipping are elementwise,
 * so updating all params end to end gives bit for bit the numbers of updating them one by one, with a
 * sixth of the kernels (Adam's 14 per tensor were ~half of a WGAN iteration's launches on wasm;
 * docs/performance.md). The nets read `params`, views of the vector in their own shapes.
 */
import { tf } from '../tf';
import { disposeState, type Optimizer, type OptimizerState } from '../optim/optimizer';
import type { Tensor, Tensor1D } from '@tensorflow/tfjs-core';
import type { Params } from '../types';

/** Every tensor end to end (biases are 1-D already: reshaping them would only launch kernels). */
const flatten = (tensors: readonly Tensor[]): Tensor1D => tf.tidy(() => tf.concat(tensors.map((t) => (t.rank === 1 ? t : tf.reshape(t, [-1])))) as Tensor1D);

export class Trained {
  params: Params;
  private flat: Tensor1D;
  private state: OptimizerState;
  private readonly shapes: number[][];

  /** Takes ownership of `params`. */
  constructor(
    params: Params,
    private readonly optimizer: Optimizer,
  ) {
    this.shapes = params.map((p) => p.shape);
    this.flat = flatten(params);
    tf.dispose(params);
    this.params = this.views();
    this.state = optimizer.init([this.flat]);
  }

  /** One optimiser step, then `after` on the updated vector (clipping); takes ownership of `grads`. */
  step(grads: Params, after?: (flat: Tensor1D) => Tensor1D): void {
    const g = flatten(grads);
    const next = this.optimizer.update([this.flat], [g], this.state);
    const updated = next.params[0] as Tensor1D;
    const flat = after ? tf.tidy(() => after(updated)) : updated;
    tf.dispose([this.flat, ...this.params, g, ...grads, ...(after ? [updated] : [])]);
    disposeState(this.state);
    this.flat = flat;
    this.params = this.views();
    this.state = next.state;
  }

  dispose(): void {
    tf.dispose([this.flat, ...this.params]);
    disposeState(this.state);
  }

  private views(): Params {
    return tf.tidy(() => {
      const parts = tf.split(this.flat, this.shapes.map((s) => s.reduce((a, b) => a * b, 1)));
      return parts.map((p, i) => (this.shapes[i]!.length === 1 ? p : tf.reshape(p, this.shapes[i]!)));
    });
  }
}
