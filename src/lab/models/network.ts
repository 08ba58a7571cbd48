/**
 * What training and the measurements (activation statistics, G′, landscape probes) need of a network:
 * the layered MLP / deep linear network and the convnet both provide it, so every experiment runs on
 * either unchanged.
 */
import { tf } from '../tf';
import type { Scalar, Tensor2D } from '@tensorflow/tfjs-core';
import type { Batch, ForwardContext, ForwardResult, Model, Params } from '../types';

/** One forward and backward pass: the forward's results, the loss and ∂loss/∂params (in `specs` order). */
export interface TrainingPass extends ForwardResult {
  value: Scalar;
  grads: Params;
}

export interface Network extends Model {
  /** Whether the output is class logits (then the trainer also reports the batch accuracy). */
  readonly classifies: boolean;
  /** Units of hidden layer l (1-based): a dense layer's width, a convolution's channels. */
  units(layer: number): number;
  /** Hidden layers 1…depth−1, those that carry the normalization and the noise. */
  readonly hiddenLayers: readonly number[];
  /** Whether eval mode needs running statistics. */
  readonly keepsRunningStats: boolean;
  /** Index in `specs`/`Params` of layer l's weight. */
  weightIndex(layer: number): number;
  /** The loss of a network output against targets (what `loss` applies after `forward`). */
  outputLoss(output: Tensor2D, y: Tensor2D): Scalar;
  /** Rows per forward pass when a whole set is evaluated, when it cannot be one pass (memory). */
  readonly evalRows?: number;
  /**
   * `loss` and its gradients by hand-written backprop, equal bit for bit to tf.valueAndGrads of `loss` but
   * with fewer kernels; train or probe mode; call inside tf.tidy. Networks without it use autodiff
   * (training-pass.ts picks).
   */
  valueAndGrads?(params: Params, batch: Batch, ctx: ForwardContext): TrainingPass;
}

/** Mean over the batch of −Σ y · log softmax(output). */
export function softmaxCrossEntropy(output: Tensor2D, y: Tensor2D): Scalar {
  return crossEntropy(tf.logSoftmax(output), y);
}

/** The same from log softmax(output), which hand-written backprop also reads. */
export function crossEntropy(logProbs: Tensor2D, y: Tensor2D): Scalar {
  return tf.neg(tf.mean(tf.sum(tf.mul(y, logProbs), 1))) as Scalar;
}
