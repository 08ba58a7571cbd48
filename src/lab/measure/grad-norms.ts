/**
 * Gradient ℓ2 norm per layer (all of a layer's parameters, γ/β included) — the paper's proxy for the
 * loss's Lipschitzness (docs/protocol.md, Definitions). Metric names: `gradNorm.<layer>`.
 */
import { tf } from '../tf';
import type { ParamSpec, Params } from '../types';
import { sumOfSquares } from './tensor-norms';

export function gradNormsByLayer(specs: readonly ParamSpec[], grads: Params): Record<string, number> {
  const layers = [...new Set(specs.map((s) => s.layer))];
  // The tensor leaves the tidy, not its values: a tidy walks a typed array's result entry by entry.
  const normsTensor = tf.tidy(() => tf.sqrt(tf.stack(layers.map((l) => sumOfSquares(grads.filter((_, i) => specs[i]!.layer === l))))));
  const norms = normsTensor.dataSync();
  normsTensor.dispose();
  return Object.fromEntries(layers.map((l, k) => [`gradNorm.${l}`, norms[k]!]));
}
