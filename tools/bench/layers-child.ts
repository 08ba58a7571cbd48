/**
 * The stock tf.LayersModel baseline, run by index.ts in its own process: it loads the umbrella
 * `@tensorflow/tfjs`, which must never share a process with the lab's tfjs. Same MLPs, same wasm
 * backend, `trainOnBatch` per step (it reads the loss back). With `--fix` the lab's tf.ts is
 * imported first, registering its matMul-gradient fix on this same tfjs-core.
 * Serves two subjects over stdio (remote.ts): 0 = plain MLP, 1 = BN-MLP.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { trainOnBatchSubject } from './layers-subject';
import { serveSubjects } from './remote';
import { CLASSES, HIDDEN_LAYERS, INPUTS, LEARNING_RATE, WIDTH } from './workload';

if (process.argv.includes('--fix')) await import('../../src/lab/tf');
if (!(await tf.setBackend('wasm'))) throw new Error('the wasm backend did not start');

function model(batchnorm: boolean): tf.LayersModel {
  const net = tf.sequential();
  for (let l = 0; l < HIDDEN_LAYERS; l++) {
    const inputShape = l === 0 ? { inputShape: [INPUTS] } : {};
    if (batchnorm) {
      net.add(tf.layers.dense({ units: WIDTH, useBias: false, kernelInitializer: 'heNormal', ...inputShape }));
      net.add(tf.layers.batchNormalization());
      net.add(tf.layers.activation({ activation: 'relu' }));
    } else {
      net.add(tf.layers.dense({ units: WIDTH, activation: 'relu', kernelInitializer: 'heNormal', ...inputShape }));
    }
  }
  net.add(tf.layers.dense({ units: CLASSES, activation: 'softmax' }));
  net.compile({ optimizer: tf.train.sgd(LEARNING_RATE), loss: 'categoricalCrossentropy' });
  return net;
}

await serveSubjects([trainOnBatchSubject(model(false)), trainOnBatchSubject(model(true))]);
