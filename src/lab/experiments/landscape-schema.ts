/**
 * The settings of 'landscape' (landscape.ts), apart from its run: pages build their controls and
 * label the probed step sizes from this module without loading tfjs.
 */
import type { NumberField } from '../types';
import { DIGITS_MODEL_FIELD, learningRateField, measureEveryField, MLP_FIELDS, stepsField } from './fields';
import { CONVNET_FIELDS } from './convnet-fields';
import type { BnVsStandardConfig } from './bn-vs-standard';

export type LandscapeConfig = BnVsStandardConfig & { etaRange: number };

export const LANDSCAPE_ARMS = ['standard', 'batchnorm'] as const;

/** The smallest probe step, as a multiple of the learning rate: the grid starts here whatever its reach
 *  (docs/protocol.md, R4), so a wider range adds larger steps and never drops the small ones. */
export const SMALLEST_PROBE = 1 / 2;

const ETA_RANGE_FIELD: NumberField = {
  key: 'etaRange',
  label: 'Largest probe step',
  type: 'number',
  default: 4,
  min: 0.5,
  max: 16,
  scale: 'log',
  unit: '× learning rate',
  help: 'The probes step η along −g from half the learning rate, doubling, up to this multiple of it (½, 1, 2, 4 by default, as the paper); a wider range adds larger steps.',
};

/** The convnet's own defaults (docs/protocol.md, convnet set-up). */
const CONVNET_PRESETS = { lr: 0.05, steps: 200 };

export const LANDSCAPE_SCHEMA = [
  DIGITS_MODEL_FIELD(CONVNET_PRESETS),
  learningRateField(0.1),
  stepsField(200),
  ...MLP_FIELDS,
  ...CONVNET_FIELDS,
  ETA_RANGE_FIELD,
  measureEveryField(20, 'the landscape probes'),
];

/**
 * The probed step sizes η of a config, ascending (index k ↔ metrics loss.eta<k>, gradChange.eta<k>):
 * lr × {½, 1, 2, 4, …} doubling up to lr × etaRange, and lr × etaRange itself when it is not on the
 * doubling grid. A maximum over probes (the effective β) is only comparable between runs on the same
 * grid, so every range shares the small steps.
 */
export function probeEtas(config: Pick<LandscapeConfig, 'lr' | 'etaRange'>): number[] {
  const multiples: number[] = [];
  for (let m = SMALLEST_PROBE; m <= config.etaRange * (1 + 1e-9); m *= 2) multiples.push(m);
  const last = multiples.at(-1);
  if (last === undefined || last < config.etaRange * (1 - 1e-9)) multiples.push(config.etaRange);
  return multiples.map((m) => m * config.lr);
}

/** How many step sizes the default grid has (lr × {½, 1, 2, 4}): the traces keep that many. */
export const DEFAULT_PROBE_COUNT = probeEtas({ lr: 1, etaRange: ETA_RANGE_FIELD.default }).length;
