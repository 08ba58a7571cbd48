/**
 * The loss of a real network along its own gradient direction, as a 1-D function for the
 * Lipschitz-ratio figure: train the landscape experiment's two MLPs (same init, same batches) for
 * `atStep` steps, then on that step's batch, in probe mode (batch statistics, no state touched), with
 * u = g/‖g‖ the unit gradient direction,
 *   f(x)  = L(w − x·u)              loss after moving a distance x downhill,
 *   f′(x) = −⟨u, ∇L(w − x·u)⟩       its slope, from the gradient at the moved point.
 * Distances rather than step sizes η (x = η‖g‖), so the ratios are the Lipschitz constants of the loss
 * and of its gradient along that line, in parameter space.
 */
import { tf } from '../tf';
import type { Tensor } from '@tensorflow/tfjs-core';
import type { Batch, RunContext } from '../types';
import { digitBatches } from '../data/batches';
import { armPlans, mlpFor } from '../experiments/setups';
import type { LandscapeConfig } from '../experiments/landscape-schema';
import type { ArmId } from '../experiments/arms';
import { ArmTrainer } from '../train/arm-trainer';
import type { Network } from '../models/network';
import { disposePass, trainingPass } from '../models/training-pass';
import type { Samples } from './curves';

export interface SlicePlan {
  /** Training steps before the slice is taken. */
  atStep: number;
  /** Largest distance moved along −g. */
  maxDistance: number;
  /** Number of sample points from 0 to maxDistance. */
  points: number;
}

export interface ArmSlice extends Samples {
  arm: string;
  /** ‖g‖ at the sliced point (= −f′(0)). */
  gradNorm: number;
}

export const SLICE_ARMS: readonly ArmId[] = ['standard', 'batchnorm'];

export async function gradientSlices(config: LandscapeConfig, plan: SlicePlan, ctx: Pick<RunContext, 'seed' | 'loadDigits'>): Promise<ArmSlice[]> {
  const digits = await ctx.loadDigits();
  const batches = digitBatches(digits.train, config.batchSize, ctx.seed);
  const arms = armPlans(SLICE_ARMS, config.lr, (norm) => mlpFor(config, norm));
  const trainers = arms.map((arm) => new ArmTrainer(arm.model, arm.optimizer, ctx.seed));
  try {
    for (let step = 0; step < plan.atStep; step++) {
      const batch = batches.take(step);
      for (const trainer of trainers) trainer.step(batch);
      batches.release(batch);
    }
    const batch = batches.take(plan.atStep);
    try {
      return trainers.map((trainer, i) => ({ arm: arms[i]!.id, ...sliceAlongGradient(trainer.model, trainer.params, batch, plan) }));
    } finally {
      batches.release(batch);
    }
  } finally {
    for (const trainer of trainers) trainer.dispose();
    batches.dispose();
  }
}

/** f and f′ at x = k·maxDistance/(points − 1) along −g/‖g‖ from `params`. */
export function sliceAlongGradient(model: Network, params: Tensor[], batch: Batch, plan: SlicePlan): Samples & { gradNorm: number } {
  /** Loss and gradients at w (the caller frees them with disposePass). */
  const at = (w: Tensor[]) => trainingPass(model, w, batch, { mode: 'probe' });
  const step = plan.maxDistance / (plan.points - 1);
  const direction = tf.tidy(() => {
    const pass = at(params);
    try {
      const norm = tf.sqrt(tf.addN(pass.grads.map((t) => tf.sum(tf.square(t)))));
      return { unit: pass.grads.map((t) => tf.div(t, norm)), norm: norm.dataSync()[0]! };
    } finally {
      disposePass(pass);
    }
  });
  const values: number[] = [];
  const slopes: number[] = [];
  try {
    for (let k = 0; k < plan.points; k++) {
      const [value, slope] = tf.tidy(() => {
        const moved = params.map((p, i) => tf.sub(p, tf.mul(direction.unit[i]!, k * step)));
        const pass = at(moved);
        try {
          const along = tf.addN(pass.grads.map((g, i) => tf.sum(tf.mul(g, direction.unit[i]!))));
          return [pass.value.dataSync()[0]!, -along.dataSync()[0]!];
        } finally {
          disposePass(pass);
        }
      });
      values.push(value!);
      slopes.push(slope!);
    }
  } finally {
    tf.dispose(direction.unit);
  }
  return { lo: 0, step, values, slopes, gradNorm: direction.norm };
}
