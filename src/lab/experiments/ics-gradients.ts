/**
 * 'ics-gradients' — internal covariate shift measured through gradients, Definition 2.1 and Fig. 3
 * (docs/protocol.md, R3). Every `measureEvery` steps, for the chosen layer i: G = its gradient, G′ = its
 * gradient after layers 1…i−1 (γ/β included) took their SGD step on the same batch.
 * Default: the deep linear network at browser scale — 10 layers of 10×10, 200 Gaussian samples,
 * full-batch GD at lr 1e-6 for 2,000 steps, layer 9 (paper: 25 layers, 1000 samples, lr 1e-6, layers 9
 * and 17). At lr 1e-5 the plain network reached the edge of stability on some seeds, so its own G and G′
 * stopped agreeing; at lr 1e-6 they agree on every seed (docs/protocol.md, Changes to the protocol).
 * The digits MLP is selectable (use lr ≈ 0.1 for it; layers 2…hiddenLayers+1), and the convnet (model=convnet:
 * its presets are lr 0.05, 200 steps, layer 2, the second convolution; layers 2…convolutions+1).
 *
 * Arms: standard, batchnorm.
 * Metrics every step: loss; MLP only: accuracy, act.<layer>.q05…q95, dMean, dVar. Every `measureEvery` steps: icsL2 = ‖G − G′‖₂,
 *   icsCos = cos(G, G′), gradNorm.<layer>. MLP only: trainAccuracy, testAccuracy every 50 steps.
 */
import type { Experiment } from '../types';
import { defaultsOf } from '../schema';
import { runEither } from './setups';
import { summarizeArms } from './summary';
import { checkIcsLayer, ICS_GRADIENTS_ARMS as ARMS, ICS_GRADIENTS_SCHEMA as SCHEMA, type IcsGradientsConfig } from './ics-gradients-schema';

export type { IcsGradientsConfig };

export const icsGradients: Experiment<IcsGradientsConfig> = {
  id: 'ics-gradients',
  title: 'Internal covariate shift, measured through gradients',
  arms: ARMS,
  schema: SCHEMA,
  defaults: defaultsOf<IcsGradientsConfig>(SCHEMA),
  check: checkIcsLayer,
  run: (config, ctx) =>
    runEither(config, ctx, ARMS, { measureEvery: config.measureEvery, gradNorms: true, icsLayer: config.icsLayer }),
  summarize: (records) => summarizeArms(records, ARMS),
};
