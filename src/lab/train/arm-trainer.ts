/**
 * One arm's training state — parameters, BatchNorm running statistics, optimiser state — and the
 * step that advances it. The trainer owns every tensor it holds: a step wraps its work in tf.tidy,
 * replaces the params/stats/state it updated and disposes the old ones, so tf.memory() stays flat.
 *
 * A step: forward + backward in 'train' mode → measurements at w_t (activation statistics, gradient
 * norms, ICS G vs G′, landscape probes), all of which leave the state untouched → optimiser update →
 * running-average update. A NaN/Inf loss marks the arm diverged; it then takes no more steps.
 */
import { tf } from '../tf';
import type { Tensor2D } from '@tensorflow/tfjs-core';
import type { Batch, ForwardContext, LayerNoise, Params, RunningStats } from '../types';
import { initialRunning, updateRunning } from '../norms/batchnorm';
import type { Network } from '../models/network';
import { disposePass, trainingPass } from '../models/training-pass';
import { disposeState, type Optimizer, type OptimizerState } from '../optim/optimizer';
import { ActivationTracker } from '../measure/activations';
import { gradNormsByLayer } from '../measure/grad-norms';
import { measureIcs } from '../measure/ics';
import { probeLandscape, probeLossAlongGradient } from '../measure/landscape';

/** What to measure at this step besides the loss. */
export interface StepPlan {
  noise?: ReadonlyMap<number, LayerNoise>;
  /** Per-layer gradient norms. */
  gradNorms?: boolean;
  /** Layer whose ICS (G vs G′) to measure. */
  icsLayer?: number;
  /** Landscape probes along −g. */
  probe?: ProbePlan;
}

/**
 * Landscape probes at step lengths η: the loss at w − ηg, and with `gradients` the gradient there too (gradient
 * change, effective β); a figure that draws only the loss probes without them, for less than half the cost.
 */
export interface ProbePlan {
  etas: readonly number[];
  gradients: boolean;
}

export interface StepOutcome {
  /** Loss at w_t on this batch (NaN/Inf when diverged). */
  loss: number;
  diverged: boolean;
  metrics: Record<string, number>;
}

export class ArmTrainer {
  params: Params;
  running = new Map<number, RunningStats>();
  optState: OptimizerState;
  private readonly trackers: ActivationTracker[];

  constructor(
    readonly model: Network,
    readonly optimizer: Optimizer,
    seed: number,
    /** Tracked layer → tracked unit (activation statistics). */
    tracked: ReadonlyMap<number, number> = new Map(),
  ) {
    this.params = model.init(seed);
    this.optState = optimizer.init(this.params);
    if (model.keepsRunningStats) for (const l of model.hiddenLayers) this.running.set(l, initialRunning(model.units(l)));
    this.trackers = [...tracked].map(([layer, unit]) => new ActivationTracker(layer, unit));
  }

  step(batch: Batch, plan: StepPlan = {}): StepOutcome {
    const ctx: ForwardContext = { mode: 'train', ...(plan.noise ? { noise: plan.noise } : {}) };
    const pass = trainingPass(this.model, this.params, batch, ctx, this.trackers.map((t) => t.layer));
    const { value, grads, output, batchStats, activations } = pass;
    try {
      const loss = value.dataSync()[0]!;
      if (!Number.isFinite(loss)) return { loss, diverged: true, metrics: {} };
      const metrics: Record<string, number> = { loss };
      if (this.model.classifies) metrics.accuracy = accuracyOf(output, batch.y);
      for (const t of this.trackers) Object.assign(metrics, t.observe(activations.get(t.layer)!));
      if (plan.gradNorms) Object.assign(metrics, gradNormsByLayer(this.model.specs, grads));
      if (plan.icsLayer !== undefined) {
        Object.assign(
          metrics,
          measureIcs(this.model, this.params, grads, batch, ctx, plan.icsLayer, this.optimizer, this.optState),
        );
      }
      if (plan.probe) {
        const probe = plan.probe.gradients ? probeLandscape : probeLossAlongGradient;
        Object.assign(metrics, probe(this.model, this.params, grads, batch, plan.probe.etas));
      }
      this.applyUpdate(grads, batchStats);
      return { loss, diverged: false, metrics };
    } finally {
      disposePass(pass);
    }
  }

  /** Classification accuracy on a whole set in 'eval' mode (running statistics for BatchNorm), in
   *  chunks of the model's evalRows when it has them (eval mode treats every row on its own). */
  accuracy(batch: Batch): number {
    const ctx: ForwardContext = { mode: 'eval', running: this.running };
    const rows = batch.x.shape[0];
    const chunk = this.model.evalRows ?? rows;
    if (chunk >= rows) return tf.tidy(() => accuracyOf(this.model.forward(this.params, batch.x, ctx).output, batch.y));
    let correct = 0;
    for (let start = 0; start < rows; start += chunk) {
      const size = Math.min(chunk, rows - start);
      correct += tf.tidy(() => {
        const part = (t: Tensor2D) => tf.slice(t, [start, 0], [size, -1]);
        return accuracyOf(this.model.forward(this.params, part(batch.x), ctx).output, part(batch.y)) * size;
      });
    }
    return correct / rows;
  }

  dispose(): void {
    tf.dispose(this.params);
    disposeState(this.optState);
    for (const s of this.running.values()) tf.dispose([s.mean, s.variance]);
  }

  private applyUpdate(grads: Params, batchStats: ReadonlyMap<number, RunningStats>): void {
    const next = this.optimizer.update(this.params, grads, this.optState);
    tf.dispose(this.params);
    disposeState(this.optState);
    this.params = next.params;
    this.optState = next.state;
    if (!this.model.keepsRunningStats) return;
    for (const [l, stats] of batchStats) {
      const old = this.running.get(l)!;
      this.running.set(l, updateRunning(old, stats));
      tf.dispose([old.mean, old.variance]);
    }
  }
}

/** Fraction of rows whose arg-max output matches the one-hot target. */
function accuracyOf(output: Tensor2D, y: Tensor2D): number {
  return tf.tidy(() => tf.mean(tf.cast(tf.equal(tf.argMax(output, 1), tf.argMax(y, 1)), 'float32')).dataSync()[0]!);
}
