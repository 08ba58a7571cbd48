/**
 * Every experiment by its public id: the one list the CLI, the worker host and the site look up.
 * Ids and arms are a public contract (links, embeds and the CLI's JSON name them); adding an experiment means adding it here.
 */
import type { Experiment } from '../types';
import { bnVsStandard } from './bn-vs-standard';
import { noisyBn } from './noisy-bn';
import { icsGradients } from './ics-gradients';
import { landscape } from './landscape';
import { lpNorms } from './lp-norms';
import { wgan } from './wgan';
import { spectralNorm } from './spectral-norm';

const EXPERIMENTS: readonly Experiment[] = [bnVsStandard, noisyBn, icsGradients, landscape, lpNorms, wgan, spectralNorm] as readonly Experiment[];

const BY_ID = new Map(EXPERIMENTS.map((e) => [e.id, e]));

/** The public ids, in the order of the course. */
export const EXPERIMENT_IDS: readonly string[] = EXPERIMENTS.map((e) => e.id);

/** The experiment with this id, or an Error that lists the valid ids. */
export function getExperiment(id: string): Experiment {
  const experiment = BY_ID.get(id);
  if (!experiment) throw new Error(`unknown experiment "${id}"; valid experiments: ${EXPERIMENT_IDS.join(', ')}`);
  return experiment;
}
