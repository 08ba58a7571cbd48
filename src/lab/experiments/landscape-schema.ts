/**
 * The settings of 'landscape' (landscape.ts), apart from its run: pages build their controls and
 * label the probed step sizes from this module without loading tfjs.
 */
import { learningRateField, measureEveryField, MLP_FIELDS, stepsField } from './fields';
import type { BnVsStandardConfig } from './bn-vs-standard';

export type LandscapeConfig = BnVsStandardConfig;

export const LANDSCAPE_ARMS = ['standard', 'batchnorm'] as const;

/** Probe step lengths as multiples of the learning rate (science.md R4). */
export const PROBE_ETA_MULTIPLES: readonly number[] = [0.5, 1, 2, 4];

export const LANDSCAPE_SCHEMA = [learningRateField(0.1), stepsField(200), ...MLP_FIELDS, measureEveryField(20, 'the landscape probes')];
