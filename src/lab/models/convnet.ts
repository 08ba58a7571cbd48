/**
 * A small VGG-style convolutional network on the 28×28 digits, the paper's kind of network (its Figs. 1–4
 * train VGG on CIFAR-10) at browser scale: `blocks` blocks of `convsPerBlock` 3×3 'same' convolutions,
 * the first block with `channels` channels and each next block twice as many, 2×2 max-pooling after every
 * block, then one dense layer from the flattened map to the 10 classes; softmax cross-entropy as the MLP.
 *
 * Convolution l (1-based) computes h_l = conv(a_{l−1}, W_l) [+ b_l], then z_l = norm(h_l) → noise(z_l)
 * (train mode, noisy arms) → a_l = ReLU(z_l). Normalizations and Algorithm 1's noise take their
 * per-channel forms (norms/normalization.ts, norms/noise.ts): a channel is the unit, its batch the
 * m·H·W values of the mini-batch. As in the MLP a normalized layer has no bias (β replaces it), the
 * layers are numbered so G′ (Definition 2.1) and the probes see layers 1…depth, and weight draws (He for
 * the convolutions, Glorot for the dense layer) happen only for weights, in layer order, so every arm of one seed starts from the same weights.
 *
 * Activations are reported as the [m·H·W, C] view: one unit's distribution is its channel over the batch
 * and all positions, the population its BatchNorm normalizes.
 *
 * Parameters, in order, per convolution: W_l [3, 3, cIn, cOut]; then γ_l, β_l when normalized, else b_l;
 * last the dense W [S·S·C, 10] and b.
 *
 * The layer loop itself, and the hand-written backward pass that training uses instead of autodiff, are in
 * convnet-backprop.ts.
 */
import { tf } from '../tf';
import type { Tensor2D } from '@tensorflow/tfjs-core';
import { stream } from '../random';
import type { Batch, ForwardContext, ForwardResult, ParamSpec, Params } from '../types';
import { DIGIT_CLASSES, DIGIT_PIXELS } from '../data/digits';
import { hasAffine, keepsRunningStats, type NormKind } from '../norms/normalization';
import { glorotUniform, heUniformConv } from './init';
import { softmaxCrossEntropy, type Network } from './network';
import { convnetValueAndGrads, forwardConvs, type ConvSlots, type ConvStack } from './convnet-backprop';

/** 3×3 kernels, as VGG. */
export const KERNEL = 3;
const SIDE = Math.sqrt(DIGIT_PIXELS);
/** Whole-set evaluation in chunks: the first convolution of 4,000 digits at once would take ~100 MB per tensor. */
const EVAL_ROWS = 500;

export interface ConvnetConfig {
  blocks: number;
  convsPerBlock: number;
  /** Channels of the first block; each next block doubles them. */
  channels: number;
  norm: NormKind;
}

export interface ConvnetModel extends Network {
  readonly config: ConvnetConfig;
}

export function convnet(config: ConvnetConfig): ConvnetModel {
  const { blocks, convsPerBlock, channels, norm } = config;
  if (blocks < 1 || convsPerBlock < 1 || channels < 1) throw new Error('a convnet needs at least one block of one convolution with one channel');
  const side = Math.floor(SIDE / 2 ** blocks);
  if (side < 1) throw new Error(`${blocks} blocks of 2×2 pooling leave nothing of a ${SIDE}×${SIDE} digit`);
  const normalized = hasAffine(norm);
  const specs: ParamSpec[] = [];
  const convs: ConvSlots[] = [];
  for (let b = 0; b < blocks; b++) {
    for (let c = 0; c < convsPerBlock; c++) {
      const l = convs.length + 1;
      const slot: ConvSlots = {
        weight: specs.push({ name: `W${l}`, layer: l, kind: 'weight' }) - 1,
        channels: channels * 2 ** b,
        pools: c === convsPerBlock - 1,
      };
      if (normalized) {
        slot.gamma = specs.push({ name: `gamma${l}`, layer: l, kind: 'gamma' }) - 1;
        slot.beta = specs.push({ name: `beta${l}`, layer: l, kind: 'beta' }) - 1;
      } else {
        slot.bias = specs.push({ name: `b${l}`, layer: l, kind: 'bias' }) - 1;
      }
      convs.push(slot);
    }
  }
  const depth = convs.length + 1;
  const denseWeight = specs.push({ name: `W${depth}`, layer: depth, kind: 'weight' }) - 1;
  const denseBias = specs.push({ name: `b${depth}`, layer: depth, kind: 'bias' }) - 1;
  const features = side * side * convs.at(-1)!.channels;

  const stack: ConvStack = { convs, norm, side: SIDE, denseWeight, denseBias, features };

  const forward = (params: Params, x: Tensor2D, ctx: ForwardContext): ForwardResult => {
    const { output, activations, batchStats } = forwardConvs(stack, params, x, ctx, false);
    return { output, activations, batchStats };
  };

  return {
    config,
    classifies: true,
    specs,
    depth,
    hiddenLayers: convs.map((_, i) => i + 1),
    keepsRunningStats: keepsRunningStats(norm),
    evalRows: EVAL_ROWS,
    units: (layer) => convs[layer - 1]!.channels,
    weightIndex: (layer) => (layer === depth ? denseWeight : convs[layer - 1]!.weight),
    init(seed) {
      const rng = stream(seed, 'init');
      return tf.tidy(() => {
        const params: Params = [];
        let cIn = 1;
        for (const s of convs) {
          params[s.weight] = heUniformConv(rng, KERNEL, cIn, s.channels);
          if (s.bias !== undefined) params[s.bias] = tf.zeros([s.channels]);
          if (s.gamma !== undefined) params[s.gamma] = tf.ones([s.channels]);
          if (s.beta !== undefined) params[s.beta] = tf.zeros([s.channels]);
          cIn = s.channels;
        }
        params[denseWeight] = glorotUniform(rng, features, DIGIT_CLASSES);
        params[denseBias] = tf.zeros([DIGIT_CLASSES]);
        return params;
      });
    },
    forward,
    outputLoss: softmaxCrossEntropy,
    loss: (params: Params, batch: Batch, ctx: ForwardContext) => softmaxCrossEntropy(forward(params, batch.x, ctx).output, batch.y),
    valueAndGrads: (params: Params, batch: Batch, ctx: ForwardContext) => convnetValueAndGrads(stack, params, batch, ctx),
  };
}
