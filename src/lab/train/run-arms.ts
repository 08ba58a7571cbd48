/**
 * Runs several arms side by side on the same batches and yields one record per arm per step, arms
 * interleaved (step 0 of every arm, then step 1, …), so a chart can draw all curves as they grow.
 * Arms share initialisation (same seed, same shapes) and batch order; a diverged arm gets one record
 * `{ diverged: 1 }` at the step its loss went NaN/Inf and stops, the others go on.
 *
 * Cancellation is cooperative: `signal` is checked before every step. Hosts that need to react to
 * messages (the worker) should yield to their event loop between records; this loop only awaits the
 * consumer. Every tensor (arms, batches, noise) is disposed when the run ends, is cancelled, or the
 * consumer stops iterating.
 */
import type { Batch, MetricRecord } from '../types';
import { stream } from '../random';
import { SharedNoise } from './shared-noise';
import type { BatchSource } from '../data/batches';
import type { Network } from '../models/network';
import type { Optimizer } from '../optim/optimizer';
import type { NoiseSpec } from '../norms/noise';
import { ArmTrainer, type ProbePlan, type StepPlan } from './arm-trainer';

export interface ArmPlan {
  id: string;
  model: Network;
  optimizer: Optimizer;
  /** Algorithm 1 noise after every hidden layer's normalization (or linear map, with no norm); alike noisy arms share it (shared-noise.ts). */
  noise?: NoiseSpec;
}

export interface RunPlan {
  seed: number;
  steps: number;
  arms: readonly ArmPlan[];
  batches: BatchSource;
  /** Measure gradient norms / ICS / probes at steps t with t % measureEvery === 0. */
  measureEvery: number;
  gradNorms?: boolean;
  icsLayer?: number;
  probe?: ProbePlan;
  /** Hidden layers whose activation statistics are recorded every step. */
  trackedLayers?: readonly number[];
  /** Accuracy on whole sets every `evalEvery` steps and after the last step (classification). */
  evaluation?: { sets: { trainAccuracy: Batch; testAccuracy: Batch }; every: number };
  signal?: AbortSignal;
}

interface LiveArm {
  plan: ArmPlan;
  trainer: ArmTrainer;
  ended: boolean;
}

export async function* runArms(plan: RunPlan): AsyncGenerator<MetricRecord, void, undefined> {
  const tracked = trackedUnits(plan);
  const arms: LiveArm[] = plan.arms.map((arm) => ({
    plan: arm,
    trainer: new ArmTrainer(arm.model, arm.optimizer, plan.seed, tracked),
    ended: false,
  }));
  const noise = new SharedNoise(plan.seed);
  try {
    for (let step = 0; step < plan.steps; step++) {
      if (plan.signal?.aborted || arms.every((a) => a.ended)) return;
      const batch = plan.batches.take(step);
      const records: MetricRecord[] = [];
      try {
        for (const arm of arms) {
          if (!arm.ended) records.push(stepArm(arm, batch, step, plan, noise));
        }
      } finally {
        noise.release();
        plan.batches.release(batch);
      }
      yield* records;
    }
  } finally {
    for (const arm of arms) arm.trainer.dispose();
    plan.batches.dispose();
  }
}

function stepArm(arm: LiveArm, batch: Batch, step: number, plan: RunPlan, shared: SharedNoise): MetricRecord {
  const { model } = arm.plan;
  const measuring = step % plan.measureEvery === 0;
  const noise = arm.plan.noise
    ? shared.at(step, batch.x.shape[0], new Map(model.hiddenLayers.map((l) => [l, model.units(l)])), arm.plan.noise)
    : undefined;
  const stepPlan: StepPlan = {
    ...(noise ? { noise } : {}),
    ...(measuring && plan.gradNorms ? { gradNorms: true } : {}),
    ...(measuring && plan.icsLayer !== undefined ? { icsLayer: plan.icsLayer } : {}),
    ...(measuring && plan.probe ? { probe: plan.probe } : {}),
  };
  const outcome = arm.trainer.step(batch, stepPlan);
  if (outcome.diverged) {
    arm.ended = true;
    return { arm: arm.plan.id, step, metrics: { diverged: 1 } };
  }
  const ev = plan.evaluation;
  if (ev && ((step + 1) % ev.every === 0 || step === plan.steps - 1)) {
    for (const [key, set] of Object.entries(ev.sets)) outcome.metrics[key] = arm.trainer.accuracy(set);
  }
  return { arm: arm.plan.id, step, metrics: outcome.metrics };
}

/** One randomly chosen unit per tracked layer, the same for every arm (stream(seed, 'tracked')). */
function trackedUnits(plan: RunPlan): Map<number, number> {
  const rng = stream(plan.seed, 'tracked');
  const model = plan.arms[0]?.model;
  const tracked = new Map<number, number>();
  for (const layer of plan.trackedLayers ?? []) {
    if (!model || !model.hiddenLayers.includes(layer)) {
      throw new Error(`tracked layer ${layer} is not a hidden layer (1…${(model?.depth ?? 1) - 1})`);
    }
    tracked.set(layer, rng.int(model.units(layer)));
  }
  return tracked;
}
