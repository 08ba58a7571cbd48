/**
 * The settings of 'lp-norms' (lp-norms.ts), apart from its run: pages build their controls and label
 * the probed step sizes from this module without loading tfjs.
 */
import { DLN_FIELDS, learningRateField, measureEveryField, MLP_FIELDS, MODEL_FIELD, stepsField } from './fields';
import { CONVNET_FIELDS } from './convnet-fields';
import { probeEtas } from './landscape-schema';
import type { EitherSettings } from './setups';

export type LpNormsConfig = EitherSettings & { measureEvery: number };

export const LP_NORMS_ARMS = ['standard', 'batchnorm', 'l1', 'l2', 'linf'] as const;

/** The convnet's own defaults (docs/protocol.md, convnet set-up). */
const CONVNET_PRESETS = { lr: 0.05, steps: 200 };

export const LP_NORMS_SCHEMA = [
  MODEL_FIELD('mlp', CONVNET_PRESETS),
  learningRateField(0.5),
  stepsField(300),
  measureEveryField(20, 'the landscape probes and per-layer gradient norms'),
  ...MLP_FIELDS,
  ...DLN_FIELDS,
  ...CONVNET_FIELDS,
];

/** The landscape chapter's default probe range (lr × {½, 1, 2, 4}), so the loss bands of the two
 *  figures read alike (the paper's Figs. 12–13 (b) repeat Fig. 4 (a) for the ℓp nets). */
export const LP_ETA_RANGE = 4;

/** The probed step sizes η of a config, ascending (index k ↔ metrics loss.eta<k>, gradChange.eta<k>). */
export const lpProbeEtas = (config: Pick<LpNormsConfig, 'lr'>): number[] => probeEtas({ lr: config.lr, etaRange: LP_ETA_RANGE });
