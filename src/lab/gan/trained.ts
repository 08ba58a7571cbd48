/**
 * A GAN net and its optimiser. On wasm, each step is one kernel launch (the optimiser's `fused` step,
 * src/lab/ops/optimizer-kernels.ts) over the params in their own shapes, where the flat update below launched about
 * 27 (a concat, Adam's 14 elementwise ops, a split, reshapes): on these small nets launches, more than arithmetic,
 * are the cost (docs/performance.md). Elsewhere (the cpu backend) the params are updated as one flat vector with the
 * optimiser's ops: they are elementwise, so updating all params end to end gives bit for bit the numbers of
 * updating them one by one, with a sixth of the kernels; the nets read `params`, views of the vector.
 */
import { tf } from '../tf';
import { onWasm } from '../ops/wasm-heap';
import { disposeState, type FusedOptimizer, type FusedState, type Optimizer, type OptimizerState } from '../optim/optimizer';
import type { Tensor, Tensor1D } from '@tensorflow/tfjs-core';
import type { Params } from '../types';

/** Every tensor end to end (biases are 1-D already: reshaping them would only launch kernels). */
const flatten = (tensors: readonly Tensor[]): Tensor1D => tf.tidy(() => tf.concat(tensors.map((t) => (t.rank === 1 ? t : tf.reshape(t, [-1])))) as Tensor1D);

/** How the params are updated: by the fused kernel, or by the optimiser's ops on the flat vector (`params` its views). */
type Updating = { fused: FusedOptimizer; state: FusedState } | { flat: Tensor1D; state: OptimizerState };

export class Trained {
  params: Params;
  private updating: Updating;
  private readonly shapes: number[][];

  /** Takes ownership of `params`. */
  constructor(
    params: Params,
    private readonly optimizer: Optimizer,
  ) {
    this.shapes = params.map((p) => p.shape);
    const fused = onWasm() ? optimizer.fused : undefined;
    if (fused) {
      this.params = params;
      this.updating = { fused, state: fused.init(params) };
    } else {
      const flat = flatten(params);
      tf.dispose(params);
      this.params = this.views(flat);
      this.updating = { flat, state: optimizer.init([flat]) };
    }
  }

  /** One optimiser step, then clipping to [−clip, clip] when `clip` is given; takes ownership of `grads`. */
  step(grads: Params, clip?: number): void {
    const u = this.updating;
    if ('fused' in u) {
      const next = u.fused.update(this.params, grads, u.state, clip);
      tf.dispose([...this.params, ...grads]);
      this.params = next;
      return;
    }
    const g = flatten(grads);
    const next = this.optimizer.update([u.flat], [g], u.state);
    const updated = next.params[0] as Tensor1D;
    const flat = clip === undefined ? updated : tf.clipByValue(updated, -clip, clip);
    tf.dispose([u.flat, ...this.params, g, ...grads, ...(clip === undefined ? [] : [updated])]);
    disposeState(u.state);
    this.updating = { flat, state: next.state };
    this.params = this.views(flat);
  }

  dispose(): void {
    tf.dispose(this.params);
    if ('flat' in this.updating) {
      this.updating.flat.dispose();
      disposeState(this.updating.state);
    }
  }

  private views(flat: Tensor1D): Params {
    return tf.tidy(() => {
      const parts = tf.split(flat, this.shapes.map((s) => s.reduce((a, b) => a * b, 1)));
      return parts.map((p, i) => (this.shapes[i]!.length === 1 ? p : tf.reshape(p, this.shapes[i]!)));
    });
  }
}
