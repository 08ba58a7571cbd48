/**
 * A stack of linear layers, each hidden one followed by an optional normalization, optional
 * Algorithm 1 noise and a nonlinearity. The MLP and the deep linear network are thin presets of it.
 *
 * Layer l (1-based) computes h_l = a_{l−1}·W_l [+ b_l], then for hidden layers
 *   z_l = norm(h_l) → noise(z_l) (train mode, noisy arms) → a_l = act(z_l).
 * The normalization sits before the nonlinearity (docs/protocol.md, Definitions). A normalized layer has no bias:
 * the norm subtracts the batch mean, so a bias would have zero gradient, and β replaces it
 * (Ioffe–Szegedy). Forward passes use plain tf.matMul: transposed operands are slow on wasm.
 *
 * Parameters, in order, per layer: W_l; then γ_l, β_l when normalized, else b_l when the model has biases.
 * Glorot draws happen only for weights, in layer order, so arms of equal shapes (with/without BN,
 * with/without biases) share exactly the same initial weights for the same seed.
 *
 * The layer loop itself, and the hand-written backward pass that training uses instead of autodiff, are
 * in layered-backprop.ts.
 */
import { tf } from '../tf';
import type { Tensor2D } from '@tensorflow/tfjs-core';
import { stream } from '../random';
import type { Batch, ForwardContext, ForwardResult, ParamSpec, Params } from '../types';
import { hasAffine, keepsRunningStats, type NormKind } from '../norms/normalization';
import { glorotUniform } from './init';
import { softmaxCrossEntropy, type Network } from './network';
import { forwardLayers, layeredValueAndGrads, sumOfSquares, type Activation, type LayerSlots, type LossKind, type Stack } from './layered-backprop';

export type { Activation, LossKind };

export interface LayeredConfig {
  /** Layer widths [inputs, hidden…, outputs]; the model has sizes.length − 1 linear layers. */
  sizes: readonly number[];
  activation: Activation;
  norm: NormKind;
  /** Biases on layers that have no normalization (the DLN has none at all). */
  bias: boolean;
  loss: LossKind;
}

export interface LayeredModel extends Network {
  readonly config: LayeredConfig;
}

export function layeredModel(config: LayeredConfig): LayeredModel {
  const depth = config.sizes.length - 1;
  if (depth < 1) throw new Error('a network needs at least one layer');
  const normalized = hasAffine(config.norm);
  const specs: ParamSpec[] = [];
  const slots: LayerSlots[] = [];
  for (let l = 1; l <= depth; l++) {
    const layer: LayerSlots = { weight: specs.push({ name: `W${l}`, layer: l, kind: 'weight' }) - 1 };
    if (l < depth && normalized) {
      layer.gamma = specs.push({ name: `gamma${l}`, layer: l, kind: 'gamma' }) - 1;
      layer.beta = specs.push({ name: `beta${l}`, layer: l, kind: 'beta' }) - 1;
    } else if (config.bias) {
      layer.bias = specs.push({ name: `b${l}`, layer: l, kind: 'bias' }) - 1;
    }
    slots.push(layer);
  }
  const hiddenLayers = Array.from({ length: depth - 1 }, (_, i) => i + 1);
  const stack: Stack = { slots, activation: config.activation, norm: config.norm, loss: config.loss };

  const outputLoss = (output: Tensor2D, y: Tensor2D) =>
    config.loss === 'softmax-cross-entropy' ? softmaxCrossEntropy(output, y) : sumOfSquares(tf.sub(output, y));

  const forward = (params: Params, x: Tensor2D, ctx: ForwardContext): ForwardResult => {
    const { output, activations, batchStats } = forwardLayers(stack, params, x, ctx, false);
    return { output, activations, batchStats };
  };

  const classifies = config.loss === 'softmax-cross-entropy';
  return {
    config,
    classifies,
    specs,
    depth,
    hiddenLayers,
    // Eval mode, the only reader of running statistics, is for accuracy: a regression network (the deep
    // linear network) never runs it, so it skips their update, six ops per normalized layer and step.
    keepsRunningStats: classifies && keepsRunningStats(config.norm),
    units: (layer) => config.sizes[layer]!,
    weightIndex: (layer) => slots[layer - 1]!.weight,
    init(seed) {
      const rng = stream(seed, 'init');
      return tf.tidy(() => {
        const params: Params = [];
        for (let l = 1; l <= depth; l++) {
          const s = slots[l - 1]!;
          const [fanIn, fanOut] = [config.sizes[l - 1]!, config.sizes[l]!];
          params[s.weight] = glorotUniform(rng, fanIn, fanOut);
          if (s.bias !== undefined) params[s.bias] = tf.zeros([fanOut]);
          if (s.gamma !== undefined) params[s.gamma] = tf.ones([fanOut]);
          if (s.beta !== undefined) params[s.beta] = tf.zeros([fanOut]);
        }
        return params;
      });
    },
    forward,
    outputLoss,
    loss: (params: Params, batch: Batch, ctx: ForwardContext) => outputLoss(forward(params, batch.x, ctx).output, batch.y),
    valueAndGrads: (params: Params, batch: Batch, ctx: ForwardContext) => layeredValueAndGrads(stack, params, batch, ctx),
  };
}
