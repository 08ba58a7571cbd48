/**
 * Turns a config into runnable arms and data for the workloads every experiment here uses: a digits
 * network, the MLP or the convnet (mini-batch SGD, accuracies on the whole train/test sets), and the deep
 * linear network (full-batch GD on synthetic Gaussian regression).
 */
import type { DigitData, MetricRecord, RunContext } from '../types';
import { mlp } from '../models/mlp';
import { dln } from '../models/dln';
import { convnet } from '../models/convnet';
import type { Activation, LayeredModel } from '../models/layered';
import type { Network } from '../models/network';
import type { ConvnetSettings } from './convnet-fields';
import type { NormKind } from '../norms/normalization';
import type { NoiseSpec } from '../norms/noise';
import { sgd } from '../optim/sgd';
import { digitBatches, disposeBatch, wholeSet } from '../data/batches';
import { fullBatch, gaussianRegression } from '../data/synthetic';
import { runArms, type ArmPlan, type RunPlan } from '../train/run-arms';
import { ARM_SETUPS, type ArmId } from './arms';
import { chosenArms } from './chosen-arms';

/** The config keys of MLP_FIELDS plus lr and steps (type aliases, so configs stay plain records). */
export type MlpSettings = {
  lr: number;
  steps: number;
  batchSize: number;
  hiddenLayers: number;
  width: number;
  activation: string;
};

/** The config keys of DLN_FIELDS plus lr and steps. */
export type DlnSettings = {
  lr: number;
  steps: number;
  dlnLayers: number;
  dlnDim: number;
  samples: number;
};

/** Experiments on digits that offer the MLP and the convnet (DIGITS_MODEL_FIELD). */
export type DigitsSettings = MlpSettings & ConvnetSettings & { model: string };

/** Experiments that offer every network through MODEL_FIELD. */
export type EitherSettings = DigitsSettings & DlnSettings;

/** Accuracy on the whole train and test sets this often (and after the last step). */
export const EVAL_EVERY = 50;

export function mlpFor(config: MlpSettings, norm: NormKind): LayeredModel {
  return mlp({ hiddenLayers: config.hiddenLayers, width: config.width, activation: config.activation as Activation, norm });
}

export function convnetFor(config: ConvnetSettings, norm: NormKind): Network {
  return convnet({ blocks: config.convBlocks, convsPerBlock: config.convsPerBlock, channels: config.convChannels, norm });
}

export function dlnFor(config: DlnSettings, norm: NormKind): LayeredModel {
  return dln({ layers: config.dlnLayers, dim: config.dlnDim, norm });
}

/** `noiseSpec` replaces Algorithm 1's constants in the noisy arms (the noise-strength controls). */
export function armPlans(
  ids: readonly ArmId[],
  lr: number,
  modelFor: (norm: NormKind) => Network,
  noiseSpec?: NoiseSpec,
): ArmPlan[] {
  return ids.map((id) => {
    const { norm, noise } = ARM_SETUPS[id];
    return { id, model: modelFor(norm), optimizer: sgd(lr), ...(noise ? { noise: noiseSpec ?? noise } : {}) };
  });
}

/** Layers 2 and 5 of the default 6-layer MLP (docs/protocol.md, R1), clamped to smaller nets. */
export function trackedMlpLayers(hiddenLayers: number): number[] {
  return [...new Set([Math.min(2, hiddenLayers), Math.max(1, hiddenLayers - 1)])];
}

/** The first and the last convolution. */
export function trackedConvLayers(config: ConvnetSettings): number[] {
  return [...new Set([1, config.convBlocks * config.convsPerBlock])];
}

type Measurements = Pick<RunPlan, 'measureEvery' | 'gradNorms' | 'icsLayer' | 'probe'>;

/**
 * The digits network the config's `model` picks (the MLP unless it is 'convnet'); activation statistics
 * every step of MLP layers 2 and 5 (trackedMlpLayers), or of the first and last convolution.
 */
export async function* runDigits(
  config: DigitsSettings,
  ctx: RunContext,
  arms: readonly ArmId[],
  measurements: Measurements,
  noiseSpec?: NoiseSpec,
): AsyncGenerator<MetricRecord, void, undefined> {
  const conv = config.model === 'convnet' ? config : undefined;
  const digits: DigitData = await ctx.loadDigits();
  const sets = { trainAccuracy: wholeSet(digits.train), testAccuracy: wholeSet(digits.test) };
  try {
    yield* runArms({
      seed: ctx.seed,
      steps: ctx.steps ?? config.steps,
      arms: armPlans(chosenArms(arms, ctx), config.lr, conv ? (norm) => convnetFor(conv, norm) : (norm) => mlpFor(config, norm), noiseSpec),
      batches: digitBatches(digits.train, config.batchSize, ctx.seed),
      evaluation: { sets, every: EVAL_EVERY },
      trackedLayers: conv ? trackedConvLayers(conv) : trackedMlpLayers(config.hiddenLayers),
      ...measurements,
      ...(ctx.signal ? { signal: ctx.signal } : {}),
    });
  } finally {
    disposeBatch(sets.trainAccuracy);
    disposeBatch(sets.testAccuracy);
  }
}

/** The deep linear network, full batch; no activation statistics (its layers are linear). */
export async function* runDln(
  config: DlnSettings,
  ctx: RunContext,
  arms: readonly ArmId[],
  measurements: Measurements,
): AsyncGenerator<MetricRecord, void, undefined> {
  yield* runArms({
    seed: ctx.seed,
    steps: ctx.steps ?? config.steps,
    arms: armPlans(chosenArms(arms, ctx), config.lr, (norm) => dlnFor(config, norm)),
    batches: fullBatch(gaussianRegression(ctx.seed, config.samples, config.dlnDim)),
    ...measurements,
    ...(ctx.signal ? { signal: ctx.signal } : {}),
  });
}

/** The network the config's `model` field picks. */
export function runEither(
  config: EitherSettings,
  ctx: RunContext,
  arms: readonly ArmId[],
  measurements: Measurements,
): AsyncGenerator<MetricRecord, void, undefined> {
  return config.model === 'dln' ? runDln(config, ctx, arms, measurements) : runDigits(config, ctx, arms, measurements);
}
