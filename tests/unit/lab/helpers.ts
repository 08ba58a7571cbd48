/** Shared test helpers: gradient checks (finite differences, autodiff references) and tensor snapshots. */
import { expect } from 'vitest';
import { tf } from '../../../src/lab/tf';
import type { Scalar, Tensor, Tensor2D } from '@tensorflow/tfjs-core';
import { lpScale, type LpKind } from '../../../src/lab/norms/lp';
import { stream } from '../../../src/lab/random';
import type { Network } from '../../../src/lab/models/network';
import { disposePass, trainingPass } from '../../../src/lab/models/training-pass';
import { disposeNoise, drawNoise } from '../../../src/lab/norms/noise';
import { ArmTrainer } from '../../../src/lab/train/arm-trainer';
import { sgd } from '../../../src/lab/optim/sgd';
import type { Batch, ForwardContext, NormMode, Params } from '../../../src/lab/types';

/**
 * Largest violation of |fd − g| ≤ RTOL·|g| + ATOL·max|g| over every entry of every input, where fd is
 * the central difference (f(x + ε) − f(x − ε))/2ε. float32 limits ε: 1e-3 keeps the rounding error
 * (~6e-8·|f|/ε) and the truncation error (~ε²) both well below 1e-2 relative for these small nets.
 * Returns ≤ 0 when every entry passes.
 */
export function gradientCheckExcess(f: (...xs: Tensor[]) => Scalar, inputs: Tensor[], eps = 1e-3): number {
  const RTOL = 1e-2;
  const ATOL = 1e-3;
  const analytic = tf.tidy(() => tf.grads(f)(inputs).map((g) => g.dataSync()));
  const gMax = Math.max(...analytic.flatMap((g) => Array.from(g, Math.abs)));
  let worst = -Infinity;
  inputs.forEach((x, k) => {
    const base = x.dataSync().slice();
    for (let e = 0; e < base.length; e++) {
      const at = (delta: number) =>
        tf.tidy(() => {
          const moved = base.slice();
          moved[e]! += delta;
          const xs = inputs.map((t, j) => (j === k ? tf.tensor(moved, t.shape) : t));
          return f(...xs).dataSync()[0]!;
        });
      const fd = (at(eps) - at(-eps)) / (2 * eps);
      const g = analytic[k]![e]!;
      worst = Math.max(worst, Math.abs(fd - g) - (RTOL * Math.abs(g) + ATOL * gMax));
    }
  });
  return worst;
}

/** Copies of tensor values, for bit-exact before/after comparisons. */
export function snapshot(tensors: readonly Tensor[]): number[][] {
  return tensors.map((t) => Array.from(t.dataSync()));
}

/**
 * BatchNorm in training mode as plain autodiffed ops (tf.moments, then (h − μ)/√(σ² + ε)·γ + β): the
 * reference the lab's closed-form gradient (src/lab/norms/batchnorm-closed-form.ts) is checked against.
 */
export function autodiffBatchNorm(h: Tensor, gamma: Tensor, beta: Tensor, eps = 1e-5): Tensor {
  const { mean, variance } = tf.moments(h, 0);
  return tf.add(tf.mul(tf.mul(tf.sub(h, mean), tf.rsqrt(tf.add(variance, eps))), gamma), beta);
}

/** ℓp normalization in training mode as plain autodiffed ops, (h − μ)/(s_p + ε)·γ + β: the reference for lp.ts. */
export function autodiffLpNorm(h: Tensor, kind: LpKind, gamma: Tensor, beta: Tensor, eps = 1e-5): Tensor {
  const centred = tf.sub(h, tf.mean(h, 0));
  return tf.add(tf.mul(tf.div(centred, tf.add(lpScale(h as Tensor2D, kind), eps)), gamma), beta);
}

export const maxAbsDiff = (a: Tensor, b: Tensor) => tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]!);
export const maxAbs = (a: Tensor) => tf.tidy(() => tf.max(tf.abs(a)).dataSync()[0]!);

/**
 * Asserts that `ours` has `reference`'s gradients for x, γ and β to 10⁻⁵ relative, and that taking them keeps
 * no tensor but the three gradients.
 */
export function expectReferenceGradients(ours: (...xs: Tensor[]) => Tensor, reference: (...xs: Tensor[]) => Tensor, inputs: Tensor[]): void {
  const expected = tf.grads(reference)(inputs);
  const before = tf.memory().numTensors;
  const grads = tf.grads(ours)(inputs);
  expect(tf.memory().numTensors).toBe(before + inputs.length);
  grads.forEach((g, i) => expect(maxAbsDiff(g, expected[i]!) / maxAbs(expected[i]!), ['x', 'γ', 'β'][i]).toBeLessThan(1e-5));
  tf.dispose([...grads, ...expected]);
}

/** The same network with its hand-written backprop removed: training-pass.ts then runs autodiff. */
export const autodiffOf = (model: Network): Network => ({ ...model, valueAndGrads: undefined });

/** Parameters away from their init (γ ≠ 1, β ≠ 0, biases ≠ 0: normal noise of `std`), so every gradient term matters. */
export function paramsAwayFromInit(model: Network, seed: number, std: number): Params {
  const rng = stream(seed, 'params');
  return model.init(seed).map((p) => {
    const q = tf.add(p, tf.tensor(rng.normalArray(p.size, 0, std), p.shape));
    p.dispose();
    return q;
  });
}

/**
 * Asserts that `model`'s hand-written pass equals autodiff's bit for bit (loss, every gradient, output, activations,
 * batch statistics, kept in train mode by every normalized layer) in `mode`, with Algorithm 1's noise drawn from `noiseSeed` when given,
 * and leaves no tensor behind. Returns the gradients' values.
 */
export function expectHandEqualsAutodiff(model: Network, params: Params, batch: Batch, mode: NormMode, noiseSeed?: number): number[][] {
  const m = batch.x.shape[0];
  const noise = noiseSeed === undefined ? undefined : drawNoise(stream(noiseSeed, 'noise'), m, new Map(model.hiddenLayers.map((l) => [l, model.units(l)])));
  const ctx: ForwardContext = { mode, ...(noise ? { noise } : {}) };
  const before = tf.memory().numTensors;
  const hand = trainingPass(model, params, batch, ctx, model.hiddenLayers);
  const auto = trainingPass(autodiffOf(model), params, batch, ctx, model.hiddenLayers);
  const stats = (pass: typeof hand) => [...pass.batchStats.values()].flatMap((st) => [st.mean, st.variance]);
  const grads = snapshot(hand.grads);
  expect(snapshot([hand.value, ...hand.grads])).toEqual(snapshot([auto.value, ...auto.grads]));
  expect(snapshot([hand.output, ...hand.activations.values(), ...stats(hand)])).toEqual(snapshot([auto.output, ...auto.activations.values(), ...stats(auto)]));
  // Batch statistics in train mode only, one per normalized (γ-carrying) layer.
  const normalized = model.specs.some((spec) => spec.kind === 'gamma');
  expect([...hand.batchStats.keys()]).toEqual(mode === 'train' && normalized ? model.hiddenLayers : []);
  expect(hand.grads.map((g) => g.shape)).toEqual(params.map((p) => p.shape));
  disposePass(hand);
  disposePass(auto);
  expect(tf.memory().numTensors).toBe(before);
  if (noise) disposeNoise(noise);
  return grads;
}

/** Kernels one training step launches (tf.profile), after a first step has warmed the trainer; no tensor kept. */
export async function stepKernels(model: Network, batch: Batch): Promise<number> {
  const trainer = new ArmTrainer(model, sgd(0.01), 1);
  trainer.step(batch);
  const before = tf.memory().numTensors;
  const profile = await tf.profile(() => {
    trainer.step(batch);
  });
  expect(tf.memory().numTensors).toBe(before);
  trainer.dispose();
  return profile.kernels.length;
}
