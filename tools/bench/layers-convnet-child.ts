/**
 * The stock tf.LayersModel convnet, run by index.ts in its own process (the umbrella `@tensorflow/tfjs`
 * must never share one with the lab's tfjs): the default convnet's shape with conv2d + batchNormalization
 * + ReLU + maxPooling2d per block, trainOnBatch per step, on the backend named by `--backend`.
 * tfjs-backend-wasm has no Conv2DBackpropFilter kernel, so on wasm the first step throws; the child then
 * answers every trial with 0 and says why on stderr, and the bench reports the cpu row instead.
 * Serves one subject over stdio (remote.ts).
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import type { Subject } from './timing';
import { trainOnBatchSubject } from './layers-subject';
import { serveSubjects } from './remote';
import { CLASSES, INPUTS, LEARNING_RATE } from './workload';
import { defaultsOf } from '../../src/lab/schema';
import { CONVNET_FIELDS, type ConvnetSettings } from '../../src/lab/experiments/convnet-fields';

/** Type-only and plain-data modules of the lab: no lab tfjs enters this process. */
const SHAPE = defaultsOf<ConvnetSettings>(CONVNET_FIELDS);

const backend = process.argv[process.argv.indexOf('--backend') + 1]!;
if (!(await tf.setBackend(backend))) throw new Error(`the ${backend} backend did not start`);

function model(): tf.LayersModel {
  const net = tf.sequential();
  net.add(tf.layers.reshape({ targetShape: [28, 28, 1], inputShape: [INPUTS] }));
  for (let b = 0; b < SHAPE.convBlocks; b++) {
    for (let c = 0; c < SHAPE.convsPerBlock; c++) {
      net.add(tf.layers.conv2d({ filters: SHAPE.convChannels * 2 ** b, kernelSize: 3, padding: 'same', useBias: false }));
      net.add(tf.layers.batchNormalization());
      net.add(tf.layers.activation({ activation: 'relu' }));
    }
    net.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  }
  net.add(tf.layers.flatten());
  net.add(tf.layers.dense({ units: CLASSES, activation: 'softmax' }));
  net.compile({ optimizer: tf.train.sgd(LEARNING_RATE), loss: 'categoricalCrossentropy' });
  return net;
}

/** Stock training that fails on a backend (wasm: no Conv2DBackpropFilter) answers 0 after saying why. */
function layersStep(): Subject {
  const net = model();
  let failure: string | undefined;
  const step = trainOnBatchSubject(net);
  return {
    async trial(seconds) {
      if (failure) return 0;
      try {
        return await step.trial(seconds);
      } catch (err) {
        failure = (err as Error).message;
        process.stderr.write(`  stock Layers convnet cannot train on ${backend}: ${failure}\n`);
        return 0;
      }
    },
    dispose: step.dispose!,
  };
}

await serveSubjects([layersStep()]);
