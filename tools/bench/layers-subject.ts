/**
 * A stock tf.LayersModel trained by `trainOnBatch` on the bench's batches, one step per call: the unit
 * of work of both stock baselines (layers-child.ts, layers-convnet-child.ts). Imported only by those
 * child processes, which already hold the umbrella `@tensorflow/tfjs`.
 */
import * as tf from '@tensorflow/tfjs';
import { localSubject, type Subject } from './timing';
import { BATCH, CLASSES, INPUTS, rawBatches } from './workload';

export function trainOnBatchSubject(net: tf.LayersModel): Subject {
  const batches = rawBatches().map(({ x, y }) => [tf.tensor2d(x, [BATCH, INPUTS]), tf.tensor2d(y, [BATCH, CLASSES])] as const);
  let i = 0;
  return localSubject(
    () => {
      const [x, y] = batches[i++ % batches.length]!;
      return net.trainOnBatch(x, y);
    },
    () => {
      net.dispose();
      for (const b of batches) tf.dispose([...b]);
    },
  );
}
