/**
 * The MNIST MLP of docs/protocol.md, R1: 784 → [width] × hiddenLayers → 10, softmax cross-entropy (mean
 * over the batch). The paper uses a VGG-like conv net on CIFAR-10; a small MLP on digits is the
 * browser-scale stand-in (R1 measured the same qualitative gaps).
 */
import { DIGIT_CLASSES, DIGIT_PIXELS } from '../data/digits';
import type { NormKind } from '../norms/normalization';
import { layeredModel, type Activation, type LayeredModel } from './layered';

export interface MlpConfig {
  hiddenLayers: number;
  width: number;
  activation: Activation;
  norm: NormKind;
  inputs?: number;
  outputs?: number;
}

export function mlp({ hiddenLayers, width, activation, norm, inputs = DIGIT_PIXELS, outputs = DIGIT_CLASSES }: MlpConfig): LayeredModel {
  return layeredModel({
    sizes: [inputs, ...Array<number>(hiddenLayers).fill(width), outputs],
    activation,
    norm,
    bias: true,
    loss: 'softmax-cross-entropy',
  });
}
