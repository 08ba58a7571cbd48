/**
 * Theorem 4.1 and BatchNorm's scale invariance (Lemma 4.5's key step), computed by the lab: gradients by
 * tf.grad through the hand-written BatchNorm (norms/batchnorm.ts) with γ fixed and β = 0, as the paper's
 * §4 setup treats them. ε = 0 here, so the identities are exact (the course's training BN uses 1e-5,
 * which perturbs them by about ε/σ²). Runs on the cpu backend on the page's main thread: a few dozen
 * numbers, not training. Results are read asynchronously (never dataSync on the page).
 *
 * Setup (docs/protocol.md, Theory): L̂ is the loss with BN after the unit, z = γ·ŷ + β with ŷ = (y − μ1)/σ, and the
 * same downstream loss, so ĝ = ∂L̂/∂z. Here the downstream loss is linear, L̂ = ⟨ĝ, z⟩: the gradient
 * through BN depends on the downstream map only through ĝ, so this is no loss of generality.
 */
import { tf, initBackend } from '../tf';
import type { Scalar, Tensor, Tensor1D, Tensor2D } from '@tensorflow/tfjs-core';
import { batchNormTrain } from '../norms/batchnorm';
import { INPUT_DIM, type LayerBatch, type UnitBatch } from './draw';

export interface Theorem41 {
  m: number;
  gamma: number;
  /** Batch standard deviation σ_j (biased). */
  sigma: number;
  /** ‖∇_{y_j} L̂‖², by tf.grad. */
  lhs: number;
  /** ‖ĝ‖², ⟨1, ĝ⟩², ⟨ĝ, ŷ⟩² and ‖ŷ‖². */
  gNormSq: number;
  meanTermSq: number;
  projTermSq: number;
  yHatNormSq: number;
  /** γ²/σ² (‖ĝ‖² − ⟨1,ĝ⟩²/m − ⟨ĝ,ŷ⟩²/m): equals lhs. */
  rhsOneOverM: number;
  /** The same with the printed 1/√m on the last term: smaller than lhs, so the printed bound fails. */
  rhsOneOverSqrtM: number;
}

export interface ScaleInvariance {
  a: number;
  /** max_i |z_i(a·w) − z_i(w)|. */
  outputChange: number;
  /** ‖∇_w L̂‖ at w and at a·w. */
  gradNorm: number;
  gradNormScaled: number;
  /** ⟨w, ∇_w L̂(w)⟩ / (‖w‖‖∇_w L̂‖): 0, because the loss does not change along w. */
  cosGradWeight: number;
}

let cpuReady: Promise<unknown> | undefined;
const ready = () => (cpuReady ??= initBackend('cpu'));

const NO_SHIFT = (n: number) => tf.zeros([n]) as Tensor1D;

/** z = γ·BN(y) + 0 for a [m, 1] column, ε = 0. */
function bnColumn(y: Tensor2D, gamma: number): Tensor2D {
  return batchNormTrain(y, tf.fill([1], gamma) as Tensor1D, NO_SHIFT(1), 0).y;
}

export async function checkTheorem41(batch: UnitBatch, gamma: number): Promise<Theorem41> {
  await ready();
  const { m } = batch;
  const t = tf.tidy(() => {
    const y = tf.tensor2d(batch.y, [m, 1]);
    const gHat = tf.tensor2d(batch.gHat, [m, 1]);
    const lossOf = (yv: Tensor): Scalar => tf.sum(tf.mul(gHat, bnColumn(yv as Tensor2D, gamma)));
    const grad = tf.grad(lossOf)(y);
    const { mean, variance } = tf.moments(y);
    const yHat = tf.div(tf.sub(y, mean), tf.sqrt(variance));
    return {
      lhs: tf.sum(tf.square(grad)),
      variance,
      gNormSq: tf.sum(tf.square(gHat)),
      meanTermSq: tf.square(tf.sum(gHat)),
      projTermSq: tf.square(tf.sum(tf.mul(gHat, yHat))),
      yHatNormSq: tf.sum(tf.square(yHat)),
    };
  });
  const v = await readScalars(t);
  const scale = (gamma * gamma) / v.variance;
  const rhs = (projCoefficient: number) => scale * (v.gNormSq - v.meanTermSq / m - projCoefficient * v.projTermSq);
  return {
    m,
    gamma,
    sigma: Math.sqrt(v.variance),
    lhs: v.lhs,
    gNormSq: v.gNormSq,
    meanTermSq: v.meanTermSq,
    projTermSq: v.projTermSq,
    yHatNormSq: v.yHatNormSq,
    rhsOneOverM: rhs(1 / m),
    rhsOneOverSqrtM: rhs(1 / Math.sqrt(m)),
  };
}

export async function checkScaleInvariance(batch: LayerBatch, gamma: number, a: number): Promise<ScaleInvariance> {
  await ready();
  const t = tf.tidy(() => {
    const x = tf.tensor2d(batch.x, [batch.m, INPUT_DIM]);
    const w = tf.tensor2d(batch.w, [INPUT_DIM, 1]);
    const gHat = tf.tensor2d(batch.gHat, [batch.m, 1]);
    const outputOf = (wv: Tensor) => bnColumn(tf.matMul(x, wv as Tensor2D), gamma);
    const lossOf = (wv: Tensor): Scalar => tf.sum(tf.mul(gHat, outputOf(wv)));
    const aw = tf.mul(w, a);
    const grad = tf.grad(lossOf)(w);
    const gradScaled = tf.grad(lossOf)(aw);
    const gradNorm = tf.norm(grad);
    return {
      outputChange: tf.max(tf.abs(tf.sub(outputOf(aw), outputOf(w)))),
      gradNorm,
      gradNormScaled: tf.norm(gradScaled),
      cosGradWeight: tf.div(tf.sum(tf.mul(w, grad)), tf.mul(tf.norm(w), gradNorm)),
    };
  });
  return { a, ...(await readScalars(t)) };
}

/** Reads and disposes scalar tensors, asynchronously. */
async function readScalars<K extends string>(tensors: Record<K, Tensor>): Promise<Record<K, number>> {
  const keys = Object.keys(tensors) as K[];
  try {
    const values = await Promise.all(keys.map((k) => tensors[k].data()));
    return Object.fromEntries(keys.map((k, i) => [k, values[i]![0]!])) as Record<K, number>;
  } finally {
    tf.dispose(Object.values(tensors) as Tensor[]);
  }
}
