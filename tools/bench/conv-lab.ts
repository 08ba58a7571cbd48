/**
 * The lab's convnet subjects: the default convnet of the experiments (experiments/convnet-fields.ts)
 * trained by the lab's step at batch 64, and its widest convolution alone — forward, input gradient and
 * filter gradient — whose FLOP rate the bench holds against the in-run matMul rate.
 */
import type { Tensor, Tensor4D } from '@tensorflow/tfjs-core';
import { tf } from '../../src/lab/tf';
import { conv2d } from '../../src/lab/ops/conv2d';
import { convnet } from '../../src/lab/models/convnet';
import { sgd } from '../../src/lab/optim/sgd';
import { ArmTrainer } from '../../src/lab/train/arm-trainer';
import type { NormKind } from '../../src/lab/norms/normalization';
import { defaultsOf } from '../../src/lab/schema';
import { CONVNET_FIELDS, type ConvnetSettings } from '../../src/lab/experiments/convnet-fields';
import { localSubject, type Subject } from './timing';
import { BATCH, CLASSES, INPUTS, LEARNING_RATE, rawBatches } from './workload';

export const CONVNET = defaultsOf<ConvnetSettings>(CONVNET_FIELDS);

/** One call = one training step of the lab's default convnet with `norm`. */
export function labConvnetStep(norm: NormKind): Subject {
  const model = convnet({ blocks: CONVNET.convBlocks, convsPerBlock: CONVNET.convsPerBlock, channels: CONVNET.convChannels, norm });
  const trainer = new ArmTrainer(model, sgd(LEARNING_RATE), 1);
  const batches = rawBatches().map(({ x, y }) => ({ x: tf.tensor2d(x, [BATCH, INPUTS]), y: tf.tensor2d(y, [BATCH, CLASSES]) }));
  let i = 0;
  return localSubject(
    () => trainer.step(batches[i++ % batches.length]!),
    () => {
      trainer.dispose();
      for (const b of batches) tf.dispose([b.x, b.y]);
    },
  );
}

/**
 * One call = the second block's first convolution (14×14, cIn → 2·cIn channels, batch 64): forward, input
 * and filter gradients, read back. Each of the three is one 2·(N·H·W)·(9·cIn)·cOut-FLOP product.
 */
export function convLayerPass(): Subject & { flops: number } {
  const side = 14;
  const cIn = CONVNET.convChannels;
  const cOut = 2 * cIn;
  const x = tf.randomUniform([BATCH, side, side, cIn]) as Tensor4D;
  const filter = tf.randomUniform([3, 3, cIn, cOut]) as Tensor4D;
  const pass = tf.grads((a: Tensor, b: Tensor) => tf.sum(conv2d(a as Tensor4D, b as Tensor4D, 'same')));
  const subject = localSubject(
    async () => {
      const grads = pass([x, filter]);
      await Promise.all(grads.map((g) => g.data()));
      tf.dispose(grads);
    },
    () => tf.dispose([x, filter]),
  );
  return { ...subject, flops: 3 * 2 * BATCH * side * side * 9 * cIn * cOut };
}
