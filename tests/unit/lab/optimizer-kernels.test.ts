/**
 * The optimisers' fused wasm steps (src/lab/ops/optimizer-kernels.ts) must give the bits of their ops (adam.ts,
 * rmsprop.ts, then tf.clipByValue for the WGAN's clipped critic), step after step, since the WGAN figure's committed
 * numbers come through them: params and slots compared as floats (−0 is not +0), on a critic's shapes, with zero,
 * negative and −0 params and gradients, gradients from tiny to large, and values clipped at both bounds.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Tensor } from '@tensorflow/tfjs-core';
import { initBackend, tf } from '../../../src/lab/tf';
import { stream } from '../../../src/lab/random';
import { adam } from '../../../src/lab/optim/adam';
import { rmsprop } from '../../../src/lab/optim/rmsprop';
import { disposeState, type Optimizer } from '../../../src/lab/optim/optimizer';
import type { Params } from '../../../src/lab/types';

beforeAll(async () => {
  expect((await initBackend('wasm')).backend).toBe('wasm');
});

/** The WGAN critic's shapes, 2→64→64→1. */
const SHAPES = [[2, 64], [64], [64, 64], [64], [64, 1], [1]];
const STEPS = 4;

/** Normal draws at `scale`, with a few entries set to 0, −0 and values far larger or smaller than the rest. */
function tensorsAt(seed: number, scale: number): Params {
  return SHAPES.map((shape, i) => {
    const size = shape.reduce((a, b) => a * b, 1);
    const values = Float32Array.from(stream(seed, `optimizer-kernels/${i}`).normalArray(size), (v) => v * scale);
    values[0] = 0;
    if (size > 1) values[1] = -0;
    if (size > 3) [values[2], values[3]] = [scale * 1e3, scale * 1e-6];
    return tf.tensor(values, shape);
  });
}

/** The entries of the two arrays that are not the same float. */
const differences = (a: ArrayLike<number>, b: ArrayLike<number>) => Array.from(a).filter((v, i) => !Object.is(v, b[i])).length;

function flatValues(tensors: readonly Tensor[]): Float32Array {
  return Float32Array.from(tensors.flatMap((t) => Array.from(t.dataSync())));
}

/** Runs both ways for STEPS steps, checking params and slots after each; returns the last params' entries. */
function compare(optimizer: Optimizer, clip?: number): number[] {
  let byOps: Params = tensorsAt(1, 0.05);
  let byKernel: Params = byOps.map((p) => p.clone());
  let opsState = optimizer.init(byOps);
  const fusedState = optimizer.fused!.init(byKernel);
  for (let t = 0; t < STEPS; t++) {
    // Gradients change scale from step to step so that the slots hold a mix of old and new magnitudes.
    const grads = tensorsAt(10 + t, 10 ** (t - 2));
    const next = optimizer.update(byOps, grads, opsState);
    const nextOps = clip === undefined ? next.params : tf.tidy(() => next.params.map((p) => tf.clipByValue(p, -clip, clip)));
    const nextKernel = optimizer.fused!.update(byKernel, grads, fusedState, clip);
    expect(nextKernel.map((p) => p.shape)).toEqual(SHAPES);
    expect(differences(flatValues(nextOps), flatValues(nextKernel))).toBe(0);
    const slotsPerParam = next.state.slots.length / SHAPES.length;
    for (let s = 0; s < slotsPerParam; s++) {
      const opsSlot = flatValues(next.state.slots.slice(s * SHAPES.length, (s + 1) * SHAPES.length));
      expect(differences(opsSlot, fusedState.slots[s]!)).toBe(0);
    }
    if (clip !== undefined) tf.dispose(next.params);
    tf.dispose([...byOps, ...byKernel, ...grads]);
    disposeState(opsState);
    [byOps, byKernel, opsState] = [nextOps, nextKernel, next.state];
  }
  expect(fusedState.step).toBe(STEPS);
  const last = Array.from(flatValues(byKernel));
  tf.dispose([...byOps, ...byKernel]);
  disposeState(opsState);
  return last;
}

describe('fused optimiser steps on wasm', () => {
  it.each([
    ['Adam, tf.train.adam’s defaults', adam(1e-3)],
    ['Adam as the WGAN trains (β = 0.5, 0.9)', adam(2e-3, { beta1: 0.5, beta2: 0.9 })],
    ['RMSProp', rmsprop(5e-4)],
  ])('%s: the ops’ params and slots bit for bit, and keeps no tensor', (_, optimizer) => {
    const before = tf.memory().numTensors;
    const last = compare(optimizer);
    expect(last.some((v) => Object.is(v, -0) || v < 0)).toBe(true);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('RMSProp with clipping: the ops and tf.clipByValue bit for bit, both bounds reached', () => {
    const clip = 0.01;
    const last = compare(rmsprop(5e-4), clip);
    expect(last.filter((v) => v === Math.fround(clip)).length).toBeGreaterThan(0);
    expect(last.filter((v) => v === Math.fround(-clip)).length).toBeGreaterThan(0);
    expect(last.filter((v) => Math.abs(v) < Math.fround(clip)).length).toBeGreaterThan(0);
  });
});
