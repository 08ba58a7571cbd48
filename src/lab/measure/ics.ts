/**
 * Internal covariate shift as the paper's Definition 2.1 (docs/protocol.md, R3). For layer i at step t:
 *   G  = ∇_{W_i} L(W_1…W_k)             — the gradient the simultaneous update uses,
 *   G′ = ∇_{W_i} L(W′_1…W′_{i−1}, W_i…W_k) — the same gradient once only the earlier layers (their
 *        γ/β included: they belong to layers < i) took the step the optimiser would take,
 * both on the same batch with the same forward context. Metrics: icsL2 = ‖G − G′‖₂, icsCos = cos(G, G′).
 * The hypothetical step is computed with the optimiser's own `update` and thrown away, so no
 * training state changes.
 */
import { tf } from '../tf';
import type { Batch, ForwardContext, Params } from '../types';
import type { Network } from '../models/network';
import { disposePass, trainingPass } from '../models/training-pass';
import type { Optimizer, OptimizerState } from '../optim/optimizer';

export interface IcsMeasure {
  icsL2: number;
  icsCos: number;
}

export function measureIcs(
  model: Network,
  params: Params,
  grads: Params,
  batch: Batch,
  ctx: ForwardContext,
  layer: number,
  optimizer: Optimizer,
  optState: OptimizerState,
): IcsMeasure {
  if (layer < 2 || layer > model.depth) throw new Error(`ICS layer must be between 2 and ${model.depth} (got ${layer})`);
  const index = model.weightIndex(layer);
  const [l2, cos] = tf.tidy(() => {
    const stepped = optimizer.update(params, grads, optState);
    const shifted = params.map((p, i) => (model.specs[i]!.layer < layer ? stepped.params[i]! : p));
    // Every gradient at the shifted point (hand-written backprop computes them all at little extra cost);
    // G′ is layer i's, the same numbers as differentiating with respect to W_i alone.
    const pass = trainingPass(model, shifted, batch, ctx);
    try {
      const g = grads[index]!;
      const gPrime = pass.grads[index]!;
      const dot = tf.sum(tf.mul(g, gPrime));
      const cosine = tf.div(dot, tf.mul(tf.norm(g), tf.norm(gPrime)));
      return [tf.norm(tf.sub(g, gPrime)).dataSync()[0]!, cosine.dataSync()[0]!];
    } finally {
      disposePass(pass);
    }
  });
  return { icsL2: l2!, icsCos: cos! };
}
