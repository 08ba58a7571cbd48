/**
 * 'noisy-bn' — the paper's Fig. 2 / Fig. 8 (science.md §3, R2): BatchNorm followed by Algorithm 1's
 * time-varying, non-zero-mean, non-unit-scale noise trains about as well as BatchNorm, while the same
 * noise in the plain net ("standard-noisy", the paper's control) nearly stops training at lr 0.5.
 * Noise sits after BN's γ, β, before the ReLU, is re-drawn every step, and is off for evaluation.
 * Paper: VGG/CIFAR-10, layers 2, 9, 13; here the R1 MLP, layers 2 and 5. The noise strengths n_μ, n_σ
 * are settings (paper: 0.5, 1.25); r_μ, r_σ stay at Algorithm 1's 0.1.
 *
 * Arms: standard, batchnorm, noisy-batchnorm, standard-noisy.
 * Metrics every step: loss, accuracy, act.<layer>.q05…q95, act.<layer>.dMean, act.<layer>.dVar (the
 *   moments are of the post-noise activations, so noisy arms show their instability — Fig. 8 analog).
 * Every `measureEvery` steps: gradNorm.<layer>. Every 50 steps and at the end: trainAccuracy, testAccuracy.
 */
import type { Experiment, NumberField } from '../types';
import { ALGORITHM_1 } from '../norms/noise';
import { defaultsOf } from '../schema';
import { learningRateField, measureEveryField, MLP_FIELDS, stepsField } from './fields';
import { runMlp } from './setups';
import { summarizeArms } from './summary';
import type { BnVsStandardConfig } from './bn-vs-standard';

export type NoisyBnConfig = BnVsStandardConfig & { nMu: number; nSigma: number };

const ARMS = ['standard', 'batchnorm', 'noisy-batchnorm', 'standard-noisy'] as const;

const NOISE_FIELDS: readonly NumberField[] = [
  {
    key: 'nMu',
    label: 'Noise mean range n_μ',
    type: 'number',
    default: ALGORITHM_1.meanRange,
    min: 0,
    max: 3,
    step: 0.05,
    help: 'Each step, every unit’s noise mean μ_j is drawn from U(−n_μ, n_μ) (the paper: 0.5).',
  },
  {
    key: 'nSigma',
    label: 'Noise scale bound n_σ',
    type: 'number',
    default: ALGORITHM_1.scaleMax,
    min: 1,
    max: 4,
    step: 0.05,
    help: 'Each step, every unit’s noise scale σ_j is drawn from U(1, n_σ) (the paper: 1.25).',
  },
];

const SCHEMA = [
  learningRateField(0.5),
  stepsField(300),
  ...MLP_FIELDS,
  ...NOISE_FIELDS,
  measureEveryField(10, 'per-layer gradient norms'),
];

export const noisyBn: Experiment<NoisyBnConfig> = {
  id: 'noisy-bn',
  title: '“Noisy” BatchNorm: unstable layer inputs, same training',
  arms: ARMS,
  schema: SCHEMA,
  defaults: defaultsOf<NoisyBnConfig>(SCHEMA),
  run: (config, ctx) =>
    runMlp(
      config,
      ctx,
      ARMS,
      { measureEvery: config.measureEvery, gradNorms: true },
      { ...ALGORITHM_1, meanRange: config.nMu, scaleMax: config.nSigma },
    ),
  summarize: (records) => summarizeArms(records, ARMS),
};
