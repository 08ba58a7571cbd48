/**
 * The lab's own subjects: its MLP with and without BatchNorm trained by the lab's step (ArmTrainer:
 * forward, backward, SGD update, loss read back), optionally measuring G′ or a landscape probe, and
 * the plain matMul that bounds it all.
 */
import { tf } from '../../src/lab/tf';
import { mlp } from '../../src/lab/models/mlp';
import { sgd } from '../../src/lab/optim/sgd';
import { ArmTrainer, type StepPlan } from '../../src/lab/train/arm-trainer';
import type { NormKind } from '../../src/lab/norms/normalization';
import { localSubject, type Subject } from './timing';
import { BATCH, CLASSES, HIDDEN_LAYERS, INPUTS, LEARNING_RATE, WIDTH, rawBatches } from './workload';

/** One call = one training step of the lab's MLP with `norm`, plus what `plan` measures. */
export function labStep(norm: NormKind, plan: StepPlan = {}): Subject {
  const model = mlp({ hiddenLayers: HIDDEN_LAYERS, width: WIDTH, activation: 'relu', norm });
  const trainer = new ArmTrainer(model, sgd(LEARNING_RATE), 1);
  const batches = rawBatches().map(({ x, y }) => ({ x: tf.tensor2d(x, [BATCH, INPUTS]), y: tf.tensor2d(y, [BATCH, CLASSES]) }));
  let i = 0;
  return localSubject(
    () => trainer.step(batches[i++ % batches.length]!, plan),
    () => {
      trainer.dispose();
      for (const b of batches) tf.dispose([b.x, b.y]);
    },
  );
}

/** One call = a plain (untransposed) m×k·k×n matMul, result read back: 2·m·k·n FLOP. */
export function matMul(m: number, k: number, n: number): Subject & { flops: number } {
  const a = tf.randomUniform([m, k]);
  const b = tf.randomUniform([k, n]);
  const subject = localSubject(
    async () => {
      const c = tf.matMul(a, b);
      await c.data();
      c.dispose();
    },
    () => tf.dispose([a, b]),
  );
  return { ...subject, flops: 2 * m * k * n };
}
