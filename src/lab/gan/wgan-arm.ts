/**
 * One arm of the WGAN experiment (docs/protocol.md, R6): a generator and a critic on the 8-Gaussians
 * toy, trained with n_critic critic steps per generator step. The arms differ only in how the
 * critic is kept Lipschitz:
 * - `clip`: weight clipping to [−c, c] after each critic step, RMSProp (WGAN, Alg. 1);
 * - `gp`:   gradient penalty λ·E(‖∇D(x̂)‖ − 1)² on random interpolates, Adam(lr, 0.5, 0.9) (WGAN-GP);
 * - `sn`:   spectrally normalised critic weights, Adam(lr, 0.5, 0.9) (Miyato et al.).
 * Browser scale departs from the paper: 64-unit nets, batch 64, lrs 10–20× larger, ~1000 iterations.
 *
 * Every arm of one seed starts from the same G and D and sees the same real samples and noise.
 */
import { tf } from '../tf';
import { stream, type Rng } from '../random';
import { adam } from '../optim/adam';
import { rmsprop } from '../optim/rmsprop';
import { disposeState, type Optimizer, type OptimizerState } from '../optim/optimizer';
import { CRITIC_SIZES, GENERATOR_SIZES, criticGap, forward, heNormalNet, inputGradNorms } from './nets';
import { sampleEightGaussians } from './eight-gaussians';
import { sampleQuality, type SampleQuality } from './quality';
import { initSpectral, normalizedParams, refreshSpectral, type SpectralVectors } from './spectral-critic';
import type { Scalar, Tensor2D } from '@tensorflow/tfjs-core';
import type { FieldSnapshot, Params } from '../types';

export type WganArmKind = 'clip' | 'gp' | 'sn';

export interface WganSettings {
  /** Adam learning rate of the gp and sn arms. */
  lr: number;
  /** RMSProp learning rate of the clip arm. */
  clipLr: number;
  /** Gradient-penalty weight λ (gp arm). */
  lambda: number;
  /** Clipping bound c (clip arm). */
  clip: number;
  criticSteps: number;
}

export const BATCH_SIZE = 64;
/** Samples drawn to measure modes and quality (docs/protocol.md, R6). */
export const EVAL_SAMPLES = 2000;
const ADAM_BETAS = { beta1: 0.5, beta2: 0.9 };

export interface WganIterate {
  /** The critic's loss at its last step (E D(fake) − E D(real), plus the penalty for gp). */
  loss: number;
  /** E D(real) − E D(fake) on a fresh batch: the critic's estimate of K·W₁. */
  wDistance: number;
  /** Mean ‖∇ₓD(x̂)‖ over interpolates of a fresh batch: how Lipschitz the critic is in practice. */
  gradNorm: number;
}

export interface WganArm {
  /** n_critic critic steps, then one generator step. */
  iterate(): Promise<WganIterate>;
  /** Modes covered and high-quality fraction of EVAL_SAMPLES generated points (fixed noise). */
  evaluate(): Promise<SampleQuality>;
  /** The first `points` generated points of the fixed noise and the critic on a `size`² grid over `extent`. */
  snapshot(points: number, size: number, extent: readonly [number, number]): Promise<FieldSnapshot>;
  dispose(): void;
}

/** A net and its optimiser; `step` takes ownership of `grads` and replaces params and state. */
class Trained {
  state: OptimizerState;
  constructor(
    public params: Params,
    private readonly optimizer: Optimizer,
  ) {
    this.state = optimizer.init(params);
  }
  step(grads: Params, after?: (p: Params) => Params): void {
    const next = this.optimizer.update(this.params, grads, this.state);
    const params = after ? tf.tidy(() => after(next.params)) : next.params;
    tf.dispose([...this.params, ...grads, ...(after ? next.params : [])]);
    disposeState(this.state);
    this.params = params;
    this.state = next.state;
  }
  dispose(): void {
    tf.dispose(this.params);
    disposeState(this.state);
  }
}

interface BatchStreams {
  data: Rng;
  noise: Rng;
  interpolation: Rng;
}

function batchStreams(seed: number, purpose: string): BatchStreams {
  return {
    data: stream(seed, `${purpose}/data`),
    noise: stream(seed, `${purpose}/noise`),
    interpolation: stream(seed, `${purpose}/interpolation`),
  };
}

/** Real samples, generator noise z and interpolation weights ε ~ U[0, 1] (one per real/fake pair). */
function drawBatch(streams: BatchStreams) {
  return {
    real: tf.tensor2d(sampleEightGaussians(streams.data, BATCH_SIZE), [BATCH_SIZE, 2]),
    z: tf.tensor2d(streams.noise.normalArray(2 * BATCH_SIZE), [BATCH_SIZE, 2]),
    eps: tf.tensor2d(streams.interpolation.uniformArray(BATCH_SIZE, 0, 1), [BATCH_SIZE, 1]),
  };
}

/** Centres of a size × size grid of cells over [lo, hi]², row-major from the bottom-left (types.ts FieldSnapshot). */
function gridPoints(size: number, lo: number, hi: number): Tensor2D {
  const h = (hi - lo) / size;
  const xy = new Float32Array(2 * size * size);
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      xy[2 * (r * size + c)] = lo + (c + 0.5) * h;
      xy[2 * (r * size + c) + 1] = lo + (r + 0.5) * h;
    }
  }
  return tf.tensor2d(xy, [size * size, 2]);
}

export function createWganArm(kind: WganArmKind, settings: WganSettings, seed: number): WganArm {
  const optimizer = () => (kind === 'clip' ? rmsprop(settings.clipLr) : adam(settings.lr, ADAM_BETAS));
  const generator = new Trained(heNormalNet(GENERATOR_SIZES, stream(seed, 'init/generator')), optimizer());
  const critic = new Trained(heNormalNet(CRITIC_SIZES, stream(seed, 'init/critic')), optimizer());
  const training = batchStreams(seed, 'train');
  // Measurements draw from their own streams so that measuring never shifts the training batches.
  const measuring = batchStreams(seed, 'measure');
  const evalNoise = tf.tensor2d(stream(seed, 'eval').normalArray(2 * EVAL_SAMPLES), [EVAL_SAMPLES, 2]);
  let spectral: SpectralVectors | null = kind === 'sn' ? initSpectral(critic.params, stream(seed, 'spectral')) : null;

  const criticOf = (params: Params) => (x: Tensor2D) => forward(spectral ? normalizedParams(params, spectral) : params, x);
  const interpolate = (real: Tensor2D, fake: Tensor2D, eps: Tensor2D) =>
    tf.add(tf.mul(eps, real), tf.mul(tf.sub(1, eps), fake)) as Tensor2D;

  function criticStep(): Scalar {
    if (spectral) spectral = refreshSpectral(critic.params, spectral);
    const { value, grads } = tf.tidy(() => {
      const { real, z, eps } = drawBatch(training);
      const fake = forward(generator.params, z);
      return tf.valueAndGrads((...p: Params) => {
        const d = criticOf(p);
        const loss = tf.neg(criticGap(d, real, fake));
        if (kind !== 'gp') return loss as Scalar;
        const norms = inputGradNorms(d, interpolate(real, fake, eps));
        return tf.add(loss, tf.mul(settings.lambda, tf.mean(tf.square(tf.sub(norms, 1))))) as Scalar;
      })(critic.params);
    });
    critic.step(grads, kind === 'clip' ? (p) => p.map((w) => tf.clipByValue(w, -settings.clip, settings.clip)) : undefined);
    return value;
  }

  function generatorStep(): void {
    const { value, grads } = tf.tidy(() => {
      const z = tf.tensor2d(training.noise.normalArray(2 * BATCH_SIZE), [BATCH_SIZE, 2]);
      const d = criticOf(critic.params);
      return tf.valueAndGrads((...g: Params) => tf.neg(tf.mean(d(forward(g, z)))) as Scalar)(generator.params);
    });
    value.dispose();
    generator.step(grads);
  }

  return {
    async iterate() {
      let loss: Scalar | null = null;
      for (let k = 0; k < settings.criticSteps; k++) {
        loss?.dispose();
        loss = criticStep();
      }
      generatorStep();
      const readings = tf.tidy(() => {
        const { real, z, eps } = drawBatch(measuring);
        const fake = forward(generator.params, z);
        const d = criticOf(critic.params);
        const wDistance = criticGap(d, real, fake);
        const gradNorm = tf.mean(inputGradNorms(d, interpolate(real, fake, eps)));
        return tf.stack([loss!, wDistance, gradNorm]);
      });
      loss!.dispose();
      const [l, w, g] = await readings.data();
      readings.dispose();
      return { loss: l!, wDistance: w!, gradNorm: g! };
    },
    async evaluate() {
      const samples = tf.tidy(() => forward(generator.params, evalNoise));
      const points = await samples.data();
      samples.dispose();
      return sampleQuality(points);
    },
    async snapshot(points, size, extent) {
      const [lo, hi] = extent;
      const n = Math.min(points, EVAL_SAMPLES);
      const parts = tf.tidy(() => {
        const grid = gridPoints(size, lo, hi);
        const d = criticOf(critic.params);
        const samples = forward(generator.params, tf.slice(evalNoise, [0, 0], [n, 2]) as Tensor2D);
        return [tf.reshape(samples, [-1]), tf.reshape(d(grid), [-1]), inputGradNorms(d, grid)];
      });
      const [xy, value, gradNorm] = await Promise.all(parts.map((t) => t.data()));
      tf.dispose(parts);
      return { extent: [lo, hi], size, points: Array.from(xy!), value: Array.from(value!), gradNorm: Array.from(gradNorm!) };
    },
    dispose() {
      generator.dispose();
      critic.dispose();
      evalNoise.dispose();
      if (spectral) tf.dispose([...spectral.u, ...spectral.v]);
    },
  };
}
