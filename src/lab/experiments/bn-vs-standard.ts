/**
 * 'bn-vs-standard' — the paper's Fig. 1 at browser scale (docs/protocol.md, R1): the same MLP with and
 * without BatchNorm, plain SGD. Fig. 1 compares lr 0.1 and 0.5: run this experiment once per lr.
 * Paper: VGG on CIFAR-10, batch 128, 15,000 steps; here 784 → [64]×6 → 10 on digits, batch 64, 300 steps,
 * or (model=convnet) two blocks of 3×3 convolutions with 8 and 16 channels, lr 0.05, 200 steps.
 *
 * Arms: standard, batchnorm.
 * Metrics every step: loss, accuracy (this batch), act.<layer>.q05/q25/q50/q75/q95 (one random unit of
 *   layers 2 and 5, after normalization, before ReLU), act.<layer>.dMean, act.<layer>.dVar.
 * Every `measureEvery` steps: gradNorm.<layer>. Every 50 steps and at the end: trainAccuracy, testAccuracy
 *   (whole sets, eval mode: BatchNorm uses its running statistics). Divergence: diverged = 1.
 */
import type { Experiment } from '../types';
import { defaultsOf } from '../schema';
import { DIGITS_MODEL_FIELD, learningRateField, measureEveryField, MLP_FIELDS, stepsField } from './fields';
import { CONVNET_FIELDS } from './convnet-fields';
import { runDigits, type DigitsSettings } from './setups';
import { summarizeArms } from './summary';

export type BnVsStandardConfig = DigitsSettings & { measureEvery: number };

const ARMS = ['standard', 'batchnorm'] as const;
/** The convnet's own defaults (docs/protocol.md, convnet set-up): at lr 0.1 the BatchNorm convnet's first steps
 *  blow its loss up (3 → 12); at 0.05 both arms train (72% and 85% test accuracy after 40 steps, seed 1). */
const CONVNET_PRESETS = { lr: 0.05, steps: 200 };
const SCHEMA = [
  DIGITS_MODEL_FIELD(CONVNET_PRESETS),
  learningRateField(0.1),
  stepsField(300),
  ...MLP_FIELDS,
  ...CONVNET_FIELDS,
  measureEveryField(10, 'per-layer gradient norms'),
];

export const bnVsStandard: Experiment<BnVsStandardConfig> = {
  id: 'bn-vs-standard',
  title: 'Training with and without BatchNorm',
  arms: ARMS,
  schema: SCHEMA,
  defaults: defaultsOf<BnVsStandardConfig>(SCHEMA),
  run: (config, ctx) => runDigits(config, ctx, ARMS, { measureEvery: config.measureEvery, gradNorms: true }),
  summarize: (records) => summarizeArms(records, ARMS),
};
