/**
 * The settings of 'noisy-bn' (noisy-bn.ts), apart from its run: pages build their controls from this
 * module without loading tfjs. n_μ, n_σ default to Algorithm 1's constants (norms/noise.ts ALGORITHM_1).
 */
import type { NumberField } from '../types';
import { DIGITS_MODEL_FIELD, learningRateField, measureEveryField, MLP_FIELDS, stepsField } from './fields';
import { CONVNET_FIELDS } from './convnet-fields';
import type { BnVsStandardConfig } from './bn-vs-standard';

export type NoisyBnConfig = BnVsStandardConfig & { nMu: number; nSigma: number };

export const NOISY_BN_ARMS = ['standard', 'batchnorm', 'noisy-batchnorm', 'standard-noisy'] as const;

const NOISE_FIELDS: readonly NumberField[] = [
  {
    key: 'nMu',
    label: 'Noise mean range n_μ',
    type: 'number',
    default: 0.5,
    min: 0,
    max: 3,
    step: 0.05,
    help: 'Each step, every unit’s noise mean μ_j is drawn from U(−n_μ, n_μ) (the paper: 0.5).',
  },
  {
    key: 'nSigma',
    label: 'Noise scale bound n_σ',
    type: 'number',
    default: 1.25,
    min: 1,
    max: 4,
    step: 0.05,
    help: 'Each step, every unit’s noise scale σ_j is drawn from U(1, n_σ) (the paper: 1.25).',
  },
];

/** The convnet's own defaults (docs/protocol.md, convnet set-up): lr 0.05, where both plain arms train. */
const CONVNET_PRESETS = { lr: 0.05, steps: 200 };

export const NOISY_BN_SCHEMA = [
  DIGITS_MODEL_FIELD(CONVNET_PRESETS),
  learningRateField(0.5),
  stepsField(300),
  ...MLP_FIELDS,
  ...CONVNET_FIELDS,
  ...NOISE_FIELDS,
  measureEveryField(10, 'per-layer gradient norms'),
];
