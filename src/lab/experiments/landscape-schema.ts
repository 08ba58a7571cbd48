/**
 * The settings of 'landscape' (landscape.ts), apart from its run: pages build their controls and
 * label the probed step sizes from this module without loading tfjs.
 */
import type { NumberField } from '../types';
import { learningRateField, measureEveryField, MLP_FIELDS, stepsField } from './fields';
import type { BnVsStandardConfig } from './bn-vs-standard';

export type LandscapeConfig = BnVsStandardConfig & { etaRange: number };

export const LANDSCAPE_ARMS = ['standard', 'batchnorm'] as const;

/** Probe step lengths as fractions of the largest, ascending; with the default range 4 they are
 *  lr × {½, 1, 2, 4} (docs/protocol.md, R4, the paper's VGG range [0.05, 0.4] at lr 0.1). */
export const PROBE_ETA_FRACTIONS: readonly number[] = [1 / 8, 1 / 4, 1 / 2, 1];

const ETA_RANGE_FIELD: NumberField = {
  key: 'etaRange',
  label: 'Largest probe step',
  type: 'number',
  default: 4,
  min: 0.5,
  max: 16,
  scale: 'log',
  unit: '× learning rate',
  help: 'The probes step η along −g for η up to this multiple of the learning rate (¹⁄₈, ¼, ½ and all of it); the paper: 4.',
};

export const LANDSCAPE_SCHEMA = [
  learningRateField(0.1),
  stepsField(200),
  ...MLP_FIELDS,
  ETA_RANGE_FIELD,
  measureEveryField(20, 'the landscape probes'),
];

/** The probed step sizes η of a config, ascending (index k ↔ metrics loss.eta<k>, gradChange.eta<k>). */
export function probeEtas(config: Pick<LandscapeConfig, 'lr' | 'etaRange'>): number[] {
  return PROBE_ETA_FRACTIONS.map((f) => f * config.etaRange * config.lr);
}
