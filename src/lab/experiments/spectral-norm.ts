/**
 * `spectral-norm` — R7 (docs/protocol.md, R7): does one power iteration per step on a recycled ũ track σ(W),
 * and does a spectrally normalised critic respect its Lipschitz bound?
 * - arm `power-iteration`: a 64×32 Gaussian W drifting a little each step; σ̂ from one iteration
 *   per step against a 300-iteration reference (expected: σ̂/σ ≈ 0.77 at step 0, within 1% by step 10).
 * - arm `critic`: a 2→64→64→1 ReLU critic with W/σ̂ in every layer, trained with Adam (Miyato's
 *   setting B lr, 1e-4) as a WGAN critic against real 8-Gaussians data plus unit Gaussian noise
 *   (WGAN-GP's Fig. 1a set-up). Every `probeEvery` steps: the largest ‖∇ₓf‖ over 2000 points against
 *   the product bound Π σ(W/σ̂) = Π σ(W)/σ̂. Measured (seed 1, 100 steps): the bound starts at 1.39
 *   (σ̂ from one iteration), is 1.01–1.02 from step 10 on (the 64×64 layer's top singular values
 *   are close, so one iteration per step lags slightly; at lr 2e-3 it wanders up to 1.19), while
 *   the measured constant stays ≈0.1: the bound is loose (docs/protocol.md, R7).
 */
import { tf } from '../tf';
import { stream, type Rng } from '../random';
import { defaultsOf } from '../schema';
import { initialU, powerIterate, sigmaOf, spectralNormReference } from '../measure/spectral';
import { adam } from '../optim/adam';
import { disposeState } from '../optim/optimizer';
import { CRITIC_SIZES, criticGap, forward, heNormalNet, inputGradNorms, weightsOf } from '../gan/nets';
import { sampleEightGaussians } from '../gan/eight-gaussians';
import { initSpectral, normalizedParams, refreshSpectral } from '../gan/spectral-critic';
import type { Scalar, Tensor2D } from '@tensorflow/tfjs-core';
import { chosenArms } from './chosen-arms';
import { summarizeArms } from './summary';
import type { ConfigSchema, Experiment, MetricRecord, Params } from '../types';

export interface SpectralNormConfig {
  [key: string]: number;
  steps: number;
  drift: number;
  lr: number;
  probeEvery: number;
}

const ARMS = ['power-iteration', 'critic'] as const;
const MATRIX_ROWS = 64;
const MATRIX_COLS = 32;
const PROBE_POINTS = 2000;
/** Probe points cover the data's square and beyond (the data lie on a circle of radius ≈1.41). */
const PROBE_EXTENT = 2;
const BATCH_SIZE = 64;
const ADAM_BETAS = { beta1: 0.5, beta2: 0.9 };

const schema: ConfigSchema = [
  { key: 'steps', type: 'number', label: 'Steps', default: 100, min: 1, max: 5000, integer: true },
  { key: 'drift', type: 'number', label: 'Matrix drift per step', help: 'std of the Gaussian step added to each entry of W (entries start N(0, 1))', default: 0.01, min: 0, max: 0.5 },
  { key: 'lr', type: 'number', label: 'Critic Adam learning rate', default: 1e-4, min: 1e-5, max: 1e-1, scale: 'log' },
  { key: 'probeEvery', type: 'number', label: 'Measure the critic every', default: 10, min: 1, max: 1000, integer: true, unit: 'steps' },
];

/** One power iteration per step on a drifting matrix, against the reference. */
async function* trackSigma(config: SpectralNormConfig, seed: number, steps: number, signal?: AbortSignal): AsyncGenerator<MetricRecord> {
  const drift = stream(seed, 'matrix/drift');
  const reference = stream(seed, 'matrix/reference');
  let w = tf.tensor2d(stream(seed, 'matrix').normalArray(MATRIX_ROWS * MATRIX_COLS), [MATRIX_ROWS, MATRIX_COLS]);
  let u = initialU(MATRIX_ROWS, stream(seed, 'matrix/u'));
  try {
    for (let step = 0; step < steps && !signal?.aborted; step++) {
      if (step > 0) {
        const moved = tf.tidy(() => tf.add(w, tf.tensor2d(drift.normalArray(MATRIX_ROWS * MATRIX_COLS, 0, config.drift), w.shape)));
        w.dispose();
        w = moved as Tensor2D;
      }
      const it = powerIterate(w, u);
      u.dispose();
      u = it.u;
      it.v.dispose();
      const sigmaEstimate = (await it.sigma.data())[0]!;
      it.sigma.dispose();
      const sigmaReference = spectralNormReference(w, reference);
      yield {
        arm: 'power-iteration',
        step,
        metrics: {
          sigmaEstimate,
          sigmaReference,
          sigmaRatio: sigmaEstimate / sigmaReference,
          sigmaRelError: Math.abs(sigmaEstimate - sigmaReference) / sigmaReference,
        },
      };
    }
  } finally {
    tf.dispose([w, u]);
  }
}

/** A spectrally normalised critic in training, probed for its input-gradient norm. */
async function* probeCritic(config: SpectralNormConfig, seed: number, steps: number, signal?: AbortSignal): AsyncGenerator<MetricRecord> {
  const optimizer = adam(config.lr, ADAM_BETAS);
  let params: Params = heNormalNet(CRITIC_SIZES, stream(seed, 'critic/init'));
  let state = optimizer.init(params);
  let vectors = initSpectral(params, stream(seed, 'critic/u'));
  const data = stream(seed, 'critic/data');
  const noise = stream(seed, 'critic/noise');
  const reference = stream(seed, 'critic/reference');
  const points = tf.tensor2d(stream(seed, 'critic/points').uniformArray(2 * PROBE_POINTS, -PROBE_EXTENT, PROBE_EXTENT), [PROBE_POINTS, 2]);
  try {
    for (let step = 0; step < steps && !signal?.aborted; step++) {
      vectors = refreshSpectral(params, vectors);
      // An array from the tidy, not an object (src/lab/tf.ts).
      const [value, grads] = tf.tidy((): [Scalar, Params] => {
        const real = tf.tensor2d(sampleEightGaussians(data, BATCH_SIZE), [BATCH_SIZE, 2]);
        const fake = tf.add(real, tf.tensor2d(noise.normalArray(2 * BATCH_SIZE), [BATCH_SIZE, 2])) as Tensor2D;
        const { value, grads } = tf.valueAndGrads((...p: Params) => tf.neg(criticGap((x) => forward(normalizedParams(p, vectors), x), real, fake)) as Scalar)(params);
        return [value, grads];
      });
      const metrics: Record<string, number> = { loss: (await value.data())[0]! };
      value.dispose();
      if (step % config.probeEvery === 0 || step === steps - 1) {
        const maxNorm = tf.tidy(() => tf.max(inputGradNorms((x) => forward(normalizedParams(params, vectors), x), points)));
        metrics.maxInputGradNorm = (await maxNorm.data())[0]!;
        maxNorm.dispose();
        metrics.productBound = normalizedProductBound(params, vectors.u, vectors.v, reference);
      }
      const next = optimizer.update(params, grads, state);
      tf.dispose([...params, ...grads]);
      disposeState(state);
      params = next.params;
      state = next.state;
      yield { arm: 'critic', step, metrics };
    }
  } finally {
    tf.dispose([...params, ...vectors.u, ...vectors.v, points]);
    disposeState(state);
  }
}

/** Π_l σ(W_l/σ̂_l) = Π_l σ(W_l)/σ̂_l: the Lipschitz bound of the critic as actually used. */
function normalizedProductBound(params: Params, u: Tensor2D[], v: Tensor2D[], rng: Rng): number {
  return weightsOf(params).reduce((bound, w, l) => {
    const estimate = tf.tidy(() => sigmaOf(w, u[l]!, v[l]!));
    const sigmaHat = estimate.dataSync()[0]!;
    estimate.dispose();
    return (bound * spectralNormReference(w, rng)) / sigmaHat;
  }, 1);
}

export const spectralNorm: Experiment<SpectralNormConfig> = {
  id: 'spectral-norm',
  title: 'Spectral normalisation: power iteration and the Lipschitz bound',
  arms: ARMS,
  schema,
  defaults: defaultsOf<SpectralNormConfig>(schema),

  async *run(config, ctx) {
    const steps = ctx.steps ?? config.steps;
    const generators = { 'power-iteration': trackSigma, critic: probeCritic };
    const arms = chosenArms(ARMS, ctx).map((arm) => generators[arm](config, ctx.seed, steps, ctx.signal));
    try {
      // Interleave the two arms step by step, as every experiment does.
      for (;;) {
        let yielded = false;
        for (const arm of arms) {
          const next = await arm.next();
          if (!next.done) {
            yielded = true;
            yield next.value;
          }
        }
        if (!yielded) return;
      }
    } finally {
      for (const arm of arms) await arm.return(undefined);
    }
  },

  summarize(records) {
    const summary = summarizeArms(records, ARMS);
    const last = (arm: string, metric: string) => records.findLast((r) => r.arm === arm && r.metrics[metric] !== undefined)?.metrics[metric];
    const sigmaRelError = last('power-iteration', 'sigmaRelError');
    const maxInputGradNorm = last('critic', 'maxInputGradNorm');
    if (sigmaRelError !== undefined) summary['power-iteration']!.sigmaRelError = sigmaRelError;
    if (maxInputGradNorm !== undefined) summary.critic!.maxInputGradNorm = maxInputGradNorm;
    return summary;
  },
};
