/**
 * 'lp-norms' — normalizing by ℓ1, ℓ2 or ℓ∞ batch statistics instead of the variance (paper §3.3,
 * docs/protocol.md, R5): centred by the batch mean, divided by the batch ℓp magnitude of the raw values,
 * then γ, β. Default: the R1 MLP at lr 0.5, where all ℓp variants ≈ BN ≫ standard. The deep linear
 * network (R3 settings, lr 1e-5) is selectable; there the paper's "ℓ1 beats BN" did not reproduce at
 * browser scale (docs/protocol.md, R5) and ℓ∞ trained worse than no normalization. The convnet (model=convnet,
 * lr 0.05, 200 steps) normalizes per channel.
 *
 * Arms: standard, batchnorm, l1, l2, linf.
 * Metrics every step: loss (and accuracy, MLP), act.<layer>.q05…q95, dMean, dVar (MLP: Fig. 6 analog).
 * Every `measureEvery` steps: gradNorm.<layer>, and the loss half of the landscape probe of Figs. 12–13 (b)
 *   at η = lr × {½, 1, 2, 4}: lossMin, lossMax, loss.eta<k>. The loss band is all the figure and the
 *   chapter draw; leaving out the gradient at each w − ηg (gradChange, betaEff: chapter 5's) takes a
 *   tenth off the run's CPU time, the losses unchanged bit for bit.
 * MLP, every 50 steps and at the end: trainAccuracy, testAccuracy (ℓp nets normalise the evaluation
 *   set with its own batch statistics).
 */
import type { Experiment } from '../types';
import { defaultsOf } from '../schema';
import { runEither } from './setups';
import { summarizeArms } from './summary';
import { LP_NORMS_ARMS as ARMS, LP_NORMS_SCHEMA as SCHEMA, lpProbeEtas, type LpNormsConfig } from './lp-norms-schema';

export type { LpNormsConfig };

export const lpNorms: Experiment<LpNormsConfig> = {
  id: 'lp-norms',
  title: 'ℓp normalizations work too',
  arms: ARMS,
  schema: SCHEMA,
  defaults: defaultsOf<LpNormsConfig>(SCHEMA),
  run: (config, ctx) =>
    runEither(config, ctx, ARMS, { measureEvery: config.measureEvery, gradNorms: true, probe: { etas: lpProbeEtas(config), gradients: false } }),
  summarize: (records) => summarizeArms(records, ARMS),
};
