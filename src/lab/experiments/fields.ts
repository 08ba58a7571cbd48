/**
 * Schema fields shared by several experiments (one definition each, so labels, ranges and help agree
 * across the site, the CLI and the captions). Defaults follow docs/protocol.md.
 */
import type { ChoiceField, ConfigValue, NumberField } from '../types';
import { CONVNET_ONLY } from './convnet-fields';

export const learningRateField = (defaultValue: number, min = 1e-7, max = 2): NumberField => ({
  key: 'lr',
  label: 'Learning rate',
  type: 'number',
  default: defaultValue,
  min,
  max,
  scale: 'log',
  help: 'Step size of plain SGD (the paper’s optimiser).',
});

export const stepsField = (defaultValue: number): NumberField => ({
  key: 'steps',
  label: 'Training steps',
  type: 'number',
  default: defaultValue,
  min: 1,
  max: 5000,
  integer: true,
  unit: 'steps',
  help: 'The paper trains 15,000 steps on CIFAR-10; a few hundred suffice for the browser-scale MLP.',
});

export const measureEveryField = (defaultValue: number, what: string): NumberField => ({
  key: 'measureEvery',
  label: 'Measure every',
  type: 'number',
  default: defaultValue,
  min: 1,
  max: 1000,
  integer: true,
  unit: 'steps',
  help: `How often to measure ${what}; each measurement costs a few training steps.`,
});

/** The R1 MLP: 784 → [64] × 6 → 10, ReLU, batch 64 (the paper's VGG on CIFAR-10 is out of browser reach). */
export const MLP_FIELDS: readonly (NumberField | ChoiceField)[] = [
  {
    key: 'batchSize',
    label: 'Batch size',
    type: 'number',
    default: 64,
    min: 2,
    max: 1000,
    integer: true,
    unit: 'samples',
    help: 'Mini-batch size (the paper: 128).',
  },
  {
    key: 'hiddenLayers',
    label: 'Hidden layers',
    type: 'number',
    default: 6,
    min: 1,
    max: 20,
    integer: true,
    help: 'Number of hidden layers, each followed by its normalization and nonlinearity.',
  },
  {
    key: 'width',
    label: 'Width',
    type: 'number',
    default: 64,
    min: 2,
    max: 512,
    integer: true,
    unit: 'units',
    help: 'Units per hidden layer.',
  },
  {
    key: 'activation',
    label: 'Activation',
    type: 'choice',
    default: 'relu',
    options: [
      { value: 'relu', label: 'ReLU' },
      { value: 'tanh', label: 'tanh' },
      { value: 'linear', label: 'linear' },
    ],
    help: 'Nonlinearity after each (normalized) hidden layer.',
  },
];

/** The R3 deep linear network: 10 square 10×10 layers, 200 Gaussian samples, full batch (paper: 25, 1000). */
export const DLN_FIELDS: readonly NumberField[] = [
  {
    key: 'dlnLayers',
    label: 'DLN layers',
    type: 'number',
    default: 10,
    min: 2,
    max: 30,
    integer: true,
    help: 'Number of square linear layers (the paper: 25).',
  },
  {
    key: 'dlnDim',
    label: 'DLN width',
    type: 'number',
    default: 10,
    min: 2,
    max: 64,
    integer: true,
    unit: 'units',
    help: 'Size of each square layer (the paper: 10).',
  },
  {
    key: 'samples',
    label: 'Samples',
    type: 'number',
    default: 200,
    min: 2,
    max: 2000,
    integer: true,
    unit: 'samples',
    help: 'Gaussian training points, used as one full batch (the paper: 1000).',
  },
];

/** The settings the convnet brings along in one experiment (its learning rate, steps, …): see ChoiceOption.presets. */
export type ConvnetPresets = Readonly<Record<string, ConfigValue>>;

const convnetOption = (presets: ConvnetPresets) => ({ value: 'convnet', label: 'Convnet on digits', presets });

export const MODEL_FIELD = (defaultValue: 'mlp' | 'dln', convnetPresets: ConvnetPresets): ChoiceField => ({
  key: 'model',
  label: 'Network',
  type: 'choice',
  default: defaultValue,
  options: [{ value: 'mlp', label: 'MLP on digits' }, { value: 'dln', label: 'Deep linear network' }, convnetOption(convnetPresets)],
  help: 'The digits MLP and the convnet train with mini-batches and cross-entropy; the deep linear network with full-batch squared error.',
});

/**
 * The network of the experiments that began with the MLP alone. Hashed only when it is the convnet, so
 * the MLP runs' configHash, and their committed traces and replication files, are what they were.
 */
export const DIGITS_MODEL_FIELD = (convnetPresets: ConvnetPresets): ChoiceField => ({
  key: 'model',
  label: 'Network',
  type: 'choice',
  default: 'mlp',
  options: [{ value: 'mlp', label: 'MLP on digits' }, convnetOption(convnetPresets)],
  help: 'The fully connected MLP, or the small VGG-style convnet (3×3 convolutions, BatchNorm per channel, 2×2 max-pooling).',
  hashedOnlyWhen: CONVNET_ONLY,
});
