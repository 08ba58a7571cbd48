/**
 * 'noisy-bn' — the paper's Fig. 2 / Fig. 8 (docs/protocol.md, R2): BatchNorm followed by Algorithm 1's
 * time-varying, non-zero-mean, non-unit-scale noise trains about as well as BatchNorm, while the same
 * noise in the plain net ("standard-noisy", the paper's control) nearly stops training at lr 0.5.
 * Noise sits after BN's γ, β, before the ReLU, is re-drawn every step, and is off for evaluation.
 * Paper: VGG/CIFAR-10, layers 2, 9, 13; here the R1 MLP, layers 2 and 5. The noise strengths n_μ, n_σ
 * are settings (paper: 0.5, 1.25); r_μ, r_σ stay at Algorithm 1's 0.1. On the convnet (model=convnet, lr 0.05,
 * 200 steps) the noise follows every convolution, per channel; act.<layer> are its first and last convolutions.
 *
 * Arms: standard, batchnorm, noisy-batchnorm, standard-noisy.
 * Metrics every step: loss, accuracy, act.<layer>.q05…q95, act.<layer>.dMean, act.<layer>.dVar (the
 *   moments are of the post-noise activations, so noisy arms show their instability — Fig. 8 analog).
 * Every `measureEvery` steps: gradNorm.<layer>. Every 50 steps and at the end: trainAccuracy, testAccuracy.
 */
import type { Experiment } from '../types';
import { ALGORITHM_1 } from '../norms/noise';
import { defaultsOf } from '../schema';
import { runDigits } from './setups';
import { summarizeArms } from './summary';
import { NOISY_BN_ARMS as ARMS, NOISY_BN_SCHEMA as SCHEMA, type NoisyBnConfig } from './noisy-bn-schema';

export type { NoisyBnConfig };

export const noisyBn: Experiment<NoisyBnConfig> = {
  id: 'noisy-bn',
  title: '“Noisy” BatchNorm: unstable layer inputs, same training',
  arms: ARMS,
  schema: SCHEMA,
  defaults: defaultsOf<NoisyBnConfig>(SCHEMA),
  run: (config, ctx) =>
    runDigits(
      config,
      ctx,
      ARMS,
      { measureEvery: config.measureEvery, gradNorms: true },
      { ...ALGORITHM_1, meanRange: config.nMu, scaleMax: config.nSigma },
    ),
  summarize: (records) => summarizeArms(records, ARMS),
};
