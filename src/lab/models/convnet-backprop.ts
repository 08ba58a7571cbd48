/**
 * The convnet's forward pass (convnet.ts) and its hand-written backward pass, as layered-backprop.ts is for
 * the MLP. Autodiff of the convnet recorded every op on the tape and cloned its inputs (Identity kernels),
 * besides the reshapes and casts its gradient functions issue. Here each gradient is issued with the ops
 * and operands autodiff uses: the Conv2D gradient registered in ops/conv2d.ts (input, then filter
 * gradient), the max-pool's custom gradient (ops/max-pool.ts), the normalizations' closed forms
 * (norms/off-tape.ts), tfjs-core 4.22's Relu, Mul and Add gradients and tf.ts's untransposed matMul
 * gradient. No tensor on the loss's path feeds two differentiated ops (the batch statistics feed only the
 * running averages), so no gradient is a sum that autodiff could have added in another order; the loss and
 * every gradient are bit for bit those of tf.valueAndGrads (tests/unit/lab/convnet-backprop.test.ts).
 */
import { tf } from '../tf';
import type { Tensor1D, Tensor2D, Tensor4D } from '@tensorflow/tfjs-core';
import type { Batch, ForwardContext, ForwardResult, LayerNoise, Params, RunningStats } from '../types';
import { applyChannelNoise, channelNoiseGradient } from '../norms/noise';
import { applyChannelNorm, applyChannelNormByHand, type ChannelNormByHand, type NormKind } from '../norms/normalization';
import { conv2d, filterGradient, inputGradient } from '../ops/conv2d';
import { maxPool2x2OfRelu, maxPool2x2OfReluByHand } from '../ops/max-pool';
import { activationBackward, lossAndSeed } from './layered-backprop';
import type { TrainingPass } from './network';

/** Where convolution l's parameters sit in `Params`, and what follows it. */
export interface ConvSlots {
  weight: number;
  bias?: number;
  gamma?: number;
  beta?: number;
  /** Output channels. */
  channels: number;
  /** Whether a 2×2 max-pool follows (last convolution of a block). */
  pools: boolean;
}

export interface ConvStack {
  convs: readonly ConvSlots[];
  norm: NormKind;
  /** Side of the square input image. */
  side: number;
  denseWeight: number;
  denseBias: number;
  /** The dense layer's inputs: the last map, flattened. */
  features: number;
}

/** What the backward pass reads of convolution l. */
interface ConvRecord {
  /** The convolution's input a_{l−1}. */
  input: Tensor4D;
  /** The ReLU's input z_l and output a_l (before pooling). */
  z: Tensor4D;
  a: Tensor4D;
  norm?: ChannelNormByHand['backward'];
  noise?: LayerNoise;
  pool?: (dy: Tensor4D) => Tensor4D;
}

interface Pass extends ForwardResult {
  /** The last map, then flattened: the dense layer's input. */
  map: Tensor4D;
  flat: Tensor2D;
  convs: ConvRecord[];
}

/**
 * h_l = conv(a_{l−1}, W_l) [+ b_l], z_l = noise(norm(h_l)), a_l = ReLU(z_l) [pooled], then the dense layer.
 * `byHand` runs the normalizations and the pooling off the tape and records what the backward pass needs;
 * otherwise they are autodiff's ops (and eval mode's).
 */
export function forwardConvs(stack: ConvStack, params: Params, x: Tensor2D, ctx: ForwardContext, byHand: boolean): Pass {
  const activations = new Map<number, Tensor2D>();
  const batchStats = new Map<number, RunningStats>();
  const records: ConvRecord[] = [];
  const m = x.shape[0];
  let map = tf.reshape(x, [m, stack.side, stack.side, 1]) as Tensor4D;
  stack.convs.forEach((s, i) => {
    const l = i + 1;
    const input = map;
    let h = conv2d(input, params[s.weight] as Tensor4D, 'same');
    if (s.bias !== undefined) h = tf.add(h, params[s.bias]!) as Tensor4D;
    const gamma = s.gamma === undefined ? undefined : (params[s.gamma] as Tensor1D);
    const beta = s.beta === undefined ? undefined : (params[s.beta] as Tensor1D);
    const normed: ChannelNormByHand = byHand
      ? applyChannelNormByHand(stack.norm, h, gamma, beta, ctx.mode)
      : applyChannelNorm(stack.norm, h, gamma, beta, ctx.mode, ctx.running?.get(l));
    if (normed.batchStats) batchStats.set(l, normed.batchStats);
    const noise = ctx.mode === 'train' ? ctx.noise?.get(l) : undefined;
    const z = noise ? applyChannelNoise(normed.y, noise) : normed.y;
    activations.set(l, tf.reshape(z, [-1, s.channels]) as Tensor2D);
    const a = tf.relu(z);
    const record: ConvRecord = { input, z, a, ...(normed.backward ? { norm: normed.backward } : {}), ...(noise ? { noise } : {}) };
    map = a;
    if (s.pools && byHand) {
      const pooled = maxPool2x2OfReluByHand(a);
      [map, record.pool] = [pooled.y, pooled.backward];
    } else if (s.pools) {
      map = maxPool2x2OfRelu(a);
    }
    records.push(record);
  });
  const flat = tf.reshape(map, [m, stack.features]) as Tensor2D;
  const output = tf.add(tf.matMul(flat, params[stack.denseWeight] as Tensor2D), params[stack.denseBias]!) as Tensor2D;
  return { output, activations, batchStats, map, flat, convs: records };
}

/** Loss, gradients and forward results; call inside tf.tidy. Train or probe mode. */
export function convnetValueAndGrads(stack: ConvStack, params: Params, batch: Batch, ctx: ForwardContext): TrainingPass {
  const pass = forwardConvs(stack, params, batch.x, ctx, true);
  const { value, dOut } = lossAndSeed('softmax-cross-entropy', pass.output, batch.y);
  const grads: Params = [];
  // In autodiff's order: each node's inputs in turn, the nodes from the loss down.
  grads[stack.denseBias] = tf.sum(dOut, 0);
  let dA = tf.reshape(tf.matMul(dOut, tf.transpose(params[stack.denseWeight]!)), pass.map.shape) as Tensor4D;
  grads[stack.denseWeight] = tf.matMul(tf.transpose(pass.flat), dOut);
  for (let i = stack.convs.length - 1; i >= 0; i--) {
    const s = stack.convs[i]!;
    const record = pass.convs[i]!;
    if (record.pool) dA = record.pool(dA);
    // d = ∂L/∂h_l, down through the ReLU, the noise and the normalization.
    let d = activationBackward('relu', dA, record);
    if (record.noise) d = channelNoiseGradient(d, record.noise);
    if (record.norm) [d, grads[s.gamma!], grads[s.beta!]] = record.norm(d);
    if (s.bias !== undefined) grads[s.bias] = tf.sum(d, [0, 1, 2]);
    const weight = params[s.weight] as Tensor4D;
    if (i > 0) dA = inputGradient(d, weight, 'same');
    grads[s.weight] = filterGradient(record.input, d, weight.shape, 'same');
  }
  const { output, activations, batchStats } = pass;
  return { output, activations, batchStats, value, grads };
}
