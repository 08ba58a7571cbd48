/**
 * The settings of 'ics-gradients' (ics-gradients.ts), apart from its run: pages build their controls
 * from this module without loading tfjs.
 */
import type { NumberField } from '../types';
import { DLN_FIELDS, learningRateField, measureEveryField, MLP_FIELDS, MODEL_FIELD, stepsField } from './fields';
import { CONVNET_FIELDS } from './convnet-fields';
import type { EitherSettings } from './setups';

export type IcsGradientsConfig = EitherSettings & { icsLayer: number; measureEvery: number };

export const ICS_GRADIENTS_ARMS = ['standard', 'batchnorm'] as const;

export const ICS_LAYER_FIELD: NumberField = {
  key: 'icsLayer',
  label: 'Layer',
  type: 'number',
  default: 9,
  min: 2,
  max: 30,
  integer: true,
  help: 'The layer i whose gradient is compared before (G) and after (G′) the earlier layers update; at most the number of linear layers.',
};

/** The convnet's own defaults (docs/protocol.md, convnet set-up): G′ of the second convolution. */
const CONVNET_PRESETS = { lr: 0.05, steps: 200, icsLayer: 2 };

export const ICS_GRADIENTS_SCHEMA = [
  MODEL_FIELD('dln', CONVNET_PRESETS),
  learningRateField(1e-6),
  stepsField(2000),
  ICS_LAYER_FIELD,
  measureEveryField(20, 'G and G′'),
  ...DLN_FIELDS,
  ...MLP_FIELDS,
  ...CONVNET_FIELDS,
];

/** How many linear layers (convolutions and dense layers) the chosen network has: G′ can look at layers 2…that. */
export function linearLayersOf(config: IcsGradientsConfig): number {
  if (config.model === 'dln') return config.dlnLayers;
  if (config.model === 'convnet') return config.convBlocks * config.convsPerBlock + 1;
  return config.hiddenLayers + 1;
}

/** A layer beyond the chosen network's depth: no single field shows it, so the run would fail at its first measurement. */
export function checkIcsLayer(config: IcsGradientsConfig): string | null {
  const layers = linearLayersOf(config);
  return config.icsLayer > layers ? `icsLayer ${config.icsLayer} is beyond the ${config.model} network's ${layers} linear layers (choose 2 to ${layers})` : null;
}
