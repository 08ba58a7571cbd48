/**
 * The layered model's forward pass (layered.ts) and its hand-written backward pass. On wasm the lab's
 * small networks are bound by kernel launches, not arithmetic, and tfjs's autodiff launches many that do
 * no work (Identity clones of every recorded op's inputs, reshapes, products with ones) besides walking
 * the tape. Here each gradient is the chain of matMuls, masks and sums autodiff computes, issued with the
 * operands autodiff uses (tfjs-core 4.22's gradient functions, tf.ts's untransposed matMul gradient, and
 * the normalizations' own closed forms, norms/off-tape.ts), so the numbers are bit for bit those of
 * tf.valueAndGrads of the model's `loss` (tests/unit/lab/layered-backprop.test.ts asserts equality).
 */
import { tf } from '../tf';
import type { Scalar, Tensor, Tensor1D, Tensor2D } from '@tensorflow/tfjs-core';
import type { Batch, ForwardContext, ForwardResult, Params, RunningStats } from '../types';
import { applyNoise } from '../norms/noise';
import { applyNorm, applyNormByHand, type HandNormOutput, type NormKind } from '../norms/normalization';
import { crossEntropy, type TrainingPass } from './network';

export type Activation = 'relu' | 'tanh' | 'linear';
export type LossKind = 'softmax-cross-entropy' | 'sum-squared-error';

/** Where layer l's parameters sit in `Params`. */
export interface LayerSlots {
  weight: number;
  bias?: number;
  gamma?: number;
  beta?: number;
}

export interface Stack {
  slots: readonly LayerSlots[];
  activation: Activation;
  norm: NormKind;
  loss: LossKind;
}

/** What the backward pass reads of hidden layer l. */
interface HiddenRecord {
  norm: HandNormOutput['backward'];
  noiseScale?: Tensor2D;
  /** The activation's input z_l and output a_l. */
  z: Tensor2D;
  a: Tensor2D;
}

interface Pass extends ForwardResult {
  /** Layer l's input a_{l−1}, at index l − 1. */
  inputs: Tensor2D[];
  hidden: HiddenRecord[];
}

function activate(kind: Activation, z: Tensor2D): Tensor2D {
  switch (kind) {
    case 'relu':
      return tf.relu(z);
    case 'tanh':
      return tf.tanh(z);
    case 'linear':
      return z;
  }
}

/** ∂L/∂z from ∂L/∂a for a = act(z), as tfjs's Relu and Tanh gradients form it (the convnet's too). */
export function activationBackward<T extends Tensor>(kind: Activation, dA: T, { z, a }: { z: T; a: T }): T {
  switch (kind) {
    case 'relu':
      return tf.mul(dA, tf.step(z));
    case 'tanh':
      return tf.mul(tf.sub(tf.scalar(1), tf.square(a)), dA);
    case 'linear':
      return dA;
  }
}

/**
 * h_l = a_{l−1}·W_l [+ b_l], then for hidden layers z_l = noise(norm(h_l)), a_l = act(z_l). `byHand` runs the
 * normalizations off the tape and records what `backward` needs; otherwise they are autodiff's ops.
 */
export function forwardLayers(stack: Stack, params: Params, x: Tensor2D, ctx: ForwardContext, byHand: boolean): Pass {
  const depth = stack.slots.length;
  const pass: Pass = { output: x, activations: new Map<number, Tensor2D>(), batchStats: new Map<number, RunningStats>(), inputs: [], hidden: [] };
  let a = x;
  for (let l = 1; l <= depth; l++) {
    const s = stack.slots[l - 1]!;
    pass.inputs.push(a);
    let h = tf.matMul(a, params[s.weight] as Tensor2D) as Tensor2D;
    if (s.bias !== undefined) h = tf.add(h, params[s.bias]!) as Tensor2D;
    if (l === depth) {
      pass.output = h;
      return pass;
    }
    const gamma = s.gamma === undefined ? undefined : (params[s.gamma] as Tensor1D);
    const beta = s.beta === undefined ? undefined : (params[s.beta] as Tensor1D);
    const normed: HandNormOutput = byHand
      ? applyNormByHand(stack.norm, h, gamma, beta, ctx.mode)
      : applyNorm(stack.norm, h, gamma, beta, ctx.mode, ctx.running?.get(l));
    if (normed.batchStats) pass.batchStats.set(l, normed.batchStats);
    const noise = ctx.mode === 'train' ? ctx.noise?.get(l) : undefined;
    const z = noise ? applyNoise(normed.y, noise) : normed.y;
    pass.activations.set(l, z);
    a = activate(stack.activation, z);
    pass.hidden.push({ norm: normed.backward, ...(noise ? { noiseScale: noise.scale } : {}), z, a });
  }
  throw new Error('unreachable: the loop returns at the last layer');
}

/** Σ (output − y)², the regression loss, from output − y. */
export const sumOfSquares = (diff: Tensor2D): Scalar => tf.sum(tf.square(diff));

/** The loss and ∂loss/∂output, as the Neg, Mean, Sum, Mul and logSoftmax (or Sum, Square, Sub) gradients give it. */
export function lossAndSeed(kind: LossKind, output: Tensor2D, y: Tensor2D): { value: Scalar; dOut: Tensor2D } {
  if (kind === 'sum-squared-error') {
    const diff = tf.sub(output, y) as Tensor2D;
    return { value: sumOfSquares(diff), dOut: tf.mul(diff, 2) };
  }
  const logProbs = tf.logSoftmax(output) as Tensor2D;
  // ∂/∂logProbs = −y/m: the mean's gradient is −1/m (a float32 division, as tf.scalar rounds it).
  const dLogProbs = tf.mul(y, tf.scalar(-1 / output.shape[0]));
  const dOut = tf.sub(dLogProbs, tf.mul(tf.sum(dLogProbs, 1, true), tf.exp(logProbs))) as Tensor2D;
  return { value: crossEntropy(logProbs, y), dOut };
}

/** Loss, gradients and forward results; call inside tf.tidy. Train or probe mode. */
export function layeredValueAndGrads(stack: Stack, params: Params, batch: Batch, ctx: ForwardContext): TrainingPass {
  const pass = forwardLayers(stack, params, batch.x, ctx, true);
  const { value, dOut } = lossAndSeed(stack.loss, pass.output, batch.y);
  const grads: Params = [];
  // d = ∂L/∂h_l, walking down from the output layer.
  let d = dOut;
  for (let l = stack.slots.length; l >= 1; l--) {
    const s = stack.slots[l - 1]!;
    grads[s.weight] = tf.matMul(tf.transpose(pass.inputs[l - 1]!), d);
    if (s.bias !== undefined) grads[s.bias] = tf.sum(d, 0);
    if (l === 1) break;
    // Down through hidden layer l − 1: its activation, noise and normalization.
    const below = pass.hidden[l - 2]!;
    let dZ = activationBackward(stack.activation, tf.matMul(d, tf.transpose(params[s.weight]!)) as Tensor2D, below);
    if (below.noiseScale) dZ = tf.mul(dZ, below.noiseScale);
    if (!below.norm) {
      d = dZ;
      continue;
    }
    const { gamma, beta } = stack.slots[l - 2]!;
    [d, grads[gamma!], grads[beta!]] = below.norm(dZ);
  }
  const { output, activations, batchStats } = pass;
  return { output, activations, batchStats, value, grads };
}
