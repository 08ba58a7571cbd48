/**
 * 'landscape' — the optimization landscape along the gradient, Fig. 4 (docs/protocol.md, R4), on the R1
 * MLP at lr 0.1 for 200 steps. Every `measureEvery` steps, on the same batch and in probe mode (no
 * state touched), for η ∈ lr × {½, 1, 2, 4} by default (the paper's VGG range [0.05, 0.4] at lr 0.1;
 * the `etaRange` setting stretches it): the loss band of L(w − ηg), the gradient change
 * max_η ‖g − ∇L(w − ηg)‖ and the effective β, and both per η for the figure's slice.
 * At this scale the loss band and gradient change separate the arms clearly; the effective β barely
 * does (docs/protocol.md, R4: not reproduced) — the text must say so. model=convnet probes the convnet
 * (lr 0.05, 200 steps).
 *
 * Arms: standard, batchnorm.
 * Metrics every step: loss, accuracy, act.<layer>.q05…q95, dMean, dVar. Every `measureEvery` steps: lossMin, lossMax, gradChange, betaEff,
 *   loss.eta<k>, gradChange.eta<k> (k = 0…3, ascending η), gradNorm.<layer>. Every 50 steps and at the end: trainAccuracy, testAccuracy.
 */
import type { Experiment } from '../types';
import { defaultsOf } from '../schema';
import { runDigits } from './setups';
import { summarizeArms } from './summary';
import { LANDSCAPE_ARMS as ARMS, LANDSCAPE_SCHEMA as SCHEMA, probeEtas, type LandscapeConfig } from './landscape-schema';

export type { LandscapeConfig };

export const landscape: Experiment<LandscapeConfig> = {
  id: 'landscape',
  title: 'The loss landscape along the gradient',
  arms: ARMS,
  schema: SCHEMA,
  defaults: defaultsOf<LandscapeConfig>(SCHEMA),
  run: (config, ctx) =>
    runDigits(config, ctx, ARMS, {
      measureEvery: config.measureEvery,
      gradNorms: true,
      probe: { etas: probeEtas(config), gradients: true },
    }),
  summarize: (records) => summarizeArms(records, ARMS),
};
