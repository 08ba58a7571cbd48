/** The functional optimisers agree with tfjs's own (tf.train.*) and never mutate their inputs. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Tensor, Variable } from '@tensorflow/tfjs-core';
import { initBackend, tf } from '../../../src/lab/tf';
import { sgd } from '../../../src/lab/optim/sgd';
import { adam } from '../../../src/lab/optim/adam';
import { rmsprop } from '../../../src/lab/optim/rmsprop';
import { disposeState, type Optimizer } from '../../../src/lab/optim/optimizer';
import { snapshot } from './helpers';

beforeAll(async () => {
  await initBackend('wasm');
});

const STEPS = 5;
/** A non-quadratic loss so that the gradient changes from step to step. */
const lossOf = (w: Tensor, b: Tensor) => tf.add(tf.sum(tf.pow(tf.sub(w, 1), 4)), tf.sum(tf.square(tf.mul(b, 3))));
const start = () => [tf.tensor1d([0.5, -2, 3]), tf.tensor1d([0.1, -0.4])];

function ours(optimizer: Optimizer): number[][] {
  let params: Tensor[] = start();
  let state = optimizer.init(params);
  for (let t = 0; t < STEPS; t++) {
    const grads = tf.grads((w: Tensor, b: Tensor) => lossOf(w, b) as tf.Scalar)(params);
    const before = snapshot(params);
    const next = optimizer.update(params, grads, state);
    expect(snapshot(params)).toEqual(before);
    tf.dispose([...params, ...grads]);
    disposeState(state);
    ({ params, state } = next);
  }
  expect(state.step).toBe(STEPS);
  return snapshot(params);
}

function reference(optimizer: tf.Optimizer): number[][] {
  const vars = start().map((t) => tf.variable(t)) as Variable[];
  for (let t = 0; t < STEPS; t++) optimizer.minimize(() => lossOf(vars[0]!, vars[1]!) as tf.Scalar, false, vars);
  return snapshot(vars);
}

function expectClose(a: number[][], b: number[][]) {
  a.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(b[i]![j]!, 5)));
}

describe('optimisers', () => {
  it('SGD matches tf.train.sgd', () => expectClose(ours(sgd(0.01)), reference(tf.train.sgd(0.01))));
  it('Adam matches tf.train.adam', () =>
    expectClose(ours(adam(0.05, { beta1: 0.5, beta2: 0.9 })), reference(tf.train.adam(0.05, 0.5, 0.9, 1e-8))));
  it('RMSProp matches tf.train.rmsprop', () =>
    expectClose(ours(rmsprop(0.01, { decay: 0.9, epsilon: 1e-7 })), reference(tf.train.rmsprop(0.01, 0.9, 0, 1e-7))));
});
