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
import { Trained } from './trained';
import { CRITIC_SIZES, GENERATOR_SIZES, forward, gapOf, heNormalNet, weightsOf } from './nets';
import { backward, forwardPass, inputGradient, penaltyGrads, rowNorms, transposes } from './backprop';
import { sampleEightGaussians } from './eight-gaussians';
import { interpolateKernel } from '../ops/gan-kernels';
import { onWasm } from '../ops/wasm-heap';
import { sampleQuality, type SampleQuality } from './quality';
import { initSpectral, normalize, rawGrads, refreshSpectral, type SpectralVectors } from './spectral-critic';
import type { Scalar, Tensor1D, Tensor2D } from '@tensorflow/tfjs-core';
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

/** The critic's weights as its passes use them (normalised for sn, with their σ̂), and their transposes. */
interface CriticView {
  params: Params;
  sigmas: Scalar[];
  wT: Tensor2D[];
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
  return { ...drawCriticBatch(streams), z: tf.tensor2d(streams.noise.normalArray(2 * BATCH_SIZE), [BATCH_SIZE, 2]) };
}

/** A batch without z: real samples and ε (z comes from the same stream, drawn apart; see `iterate`). */
function drawCriticBatch(streams: BatchStreams) {
  return {
    real: tf.tensor2d(sampleEightGaussians(streams.data, BATCH_SIZE), [BATCH_SIZE, 2]),
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

/** ε·real + (1 − ε)·fake, ε [n, 1] per row: WGAN-GP's interpolates (on wasm one kernel for the four ops' launches). */
export const interpolateByOps = (real: Tensor2D, fake: Tensor2D, eps: Tensor2D) => tf.add(tf.mul(eps, real), tf.mul(tf.sub(1, eps), fake)) as Tensor2D;
const interpolate = (real: Tensor2D, fake: Tensor2D, eps: Tensor2D) => (onWasm() ? interpolateKernel(real, fake, eps) : interpolateByOps(real, fake, eps));

export function createWganArm(kind: WganArmKind, settings: WganSettings, seed: number): WganArm {
  const optimizer = () => (kind === 'clip' ? rmsprop(settings.clipLr) : adam(settings.lr, ADAM_BETAS));
  const generator = new Trained(heNormalNet(GENERATOR_SIZES, stream(seed, 'init/generator')), optimizer());
  const critic = new Trained(heNormalNet(CRITIC_SIZES, stream(seed, 'init/critic')), optimizer());
  const training = batchStreams(seed, 'train');
  // Measurements draw from their own streams so that measuring never shifts the training batches.
  const measuring = batchStreams(seed, 'measure');
  const evalNoise = tf.tensor2d(stream(seed, 'eval').normalArray(2 * EVAL_SAMPLES), [EVAL_SAMPLES, 2]);
  let spectral: SpectralVectors | null = kind === 'sn' ? initSpectral(critic.params, stream(seed, 'spectral')) : null;

  // The critic as trained and measured: its weights, spectrally normalised for sn (with the σ̂ the
  // training step's gradient needs), and their transposes for backprop. Gradients are hand-written
  // (backprop.ts): same numbers, far fewer kernels. Made once per critic version and shared by the
  // critic step's passes, or by the generator step, the readings and the snapshot.
  let view: CriticView | null = null;
  const criticView = (): CriticView => {
    if (view) return view;
    // Arrays from the tidy, not an object (src/lab/tf.ts).
    const [params, sigmas, wT] = tf.tidy((): [Params, Scalar[], Tensor2D[]] => {
      const weights = spectral ? normalize(critic.params, spectral) : { params: critic.params, sigmas: [] };
      return [weights.params, weights.sigmas, transposes(weights.params)];
    });
    view = { params, sigmas, wT };
    // Made inside whichever tidy first asks for it, it outlives that tidy.
    for (const t of [...view.params, ...view.sigmas, ...view.wT]) tf.keep(t);
    return view;
  };
  /** Frees the view once the critic or ũ changes; not the params it shares with the critic (all but sn's W/σ̂). */
  const dropView = () => {
    if (view) tf.dispose([...view.wT, ...view.sigmas, ...(spectral ? weightsOf(view.params) : [])]);
    view = null;
  };
  // ∂/∂D of the critic loss −(mean D(real) − mean D(fake)) on [real; fake], and of the generator's −mean D(G(z)).
  const criticLossGrad = tf.tidy(() => tf.concat([tf.fill([BATCH_SIZE, 1], -1 / BATCH_SIZE), tf.fill([BATCH_SIZE, 1], 1 / BATCH_SIZE)]) as Tensor2D);
  const generatorLossGrad = tf.fill([BATCH_SIZE, 1], -1 / BATCH_SIZE) as Tensor2D;

  /** One critic step; the loss (a tensor to read later) only when `report`, since only the last step's is read. */
  function criticStep(report: boolean, fake: Tensor2D): Scalar | null {
    if (spectral) {
      dropView();
      spectral = refreshSpectral(critic.params, spectral);
    }
    const weights = criticView();
    const [grads, value] = tf.tidy(() => {
      const { real, eps } = drawCriticBatch(training);
      // D's output is only read for the reported loss: the loss's gradient does not depend on it.
      const pass = forwardPass(weights.params, tf.concat([real, fake], 0), report ? 'out' : 'lastInput');
      let grads = backward(weights.params, weights.wT, pass, criticLossGrad, { params: true, input: false }).grads!;
      if (spectral) grads = rawGrads(critic.params, spectral, weights.sigmas, grads);
      let loss = report ? tf.neg(gapOf(pass.out!)) : null;
      if (kind === 'gp') {
        const penalty = penaltyGrads(weights.params, weights.wT, interpolate(real, fake, eps), settings.lambda, report);
        grads = grads.map((g, i) => (i % 2 === 0 ? tf.add(g, penalty.grads[i / 2]!) : g));
        if (loss) loss = tf.add(loss, tf.mul(settings.lambda, penalty.value!));
      }
      return [grads, ...(loss ? [loss] : [])] as [Params, Scalar?];
    });
    dropView();
    critic.step(grads, kind === 'clip' ? settings.clip : undefined);
    return value ?? null;
  }

  function generatorStep(): void {
    const grads = tf.tidy(() => {
      const z = tf.tensor2d(training.noise.normalArray(2 * BATCH_SIZE), [BATCH_SIZE, 2]);
      const pass = forwardPass(generator.params, z);
      const d = criticView();
      const dFake = backward(d.params, d.wT, forwardPass(d.params, pass.out!, 'masks'), generatorLossGrad, { params: false, input: true }).dx!;
      return backward(generator.params, transposes(generator.params), pass, dFake, { params: true, input: false }).grads!;
    });
    generator.step(grads);
  }

  /** ‖∇ₓD‖ at the rows of x, and the critic's value there when `withValue`. */
  function criticAt(x: Tensor2D, withValue: boolean): { value: Tensor2D | null; gradNorm: Tensor1D } {
    const d = criticView();
    const pass = forwardPass(d.params, x, withValue ? 'out' : 'masks');
    return { value: pass.out, gradNorm: rowNorms(inputGradient(d.params, d.wT, pass)) };
  }

  return {
    async iterate() {
      // G is fixed during the critic steps, so their fakes come from one pass over all their z, drawn in the
      // same order from the noise stream (rows are independent: the same numbers, 1/n_critic of the launches).
      const n = settings.criticSteps;
      const fakes = tf.tidy(() => {
        const z = new Float32Array(2 * BATCH_SIZE * n);
        for (let k = 0; k < n; k++) z.set(training.noise.normalArray(2 * BATCH_SIZE), 2 * BATCH_SIZE * k);
        return tf.split(forward(generator.params, tf.tensor2d(z, [n * BATCH_SIZE, 2])), n);
      }) as Tensor2D[];
      let loss: Scalar | null = null;
      for (let k = 0; k < n; k++) loss = criticStep(k === n - 1, fakes[k]!);
      tf.dispose(fakes);
      generatorStep();
      const readings = tf.tidy(() => {
        const { real, z, eps } = drawBatch(measuring);
        const fake = forward(generator.params, z);
        const wDistance = gapOf(forward(criticView().params, tf.concat([real, fake], 0)));
        const gradNorm = tf.mean(criticAt(interpolate(real, fake, eps), false).gradNorm);
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
        const critic = criticAt(gridPoints(size, lo, hi), true);
        const samples = forward(generator.params, tf.slice(evalNoise, [0, 0], [n, 2]) as Tensor2D);
        return [tf.reshape(samples, [-1]), tf.reshape(critic.value!, [-1]), critic.gradNorm];
      });
      const [xy, value, gradNorm] = await Promise.all(parts.map((t) => t.data()));
      tf.dispose(parts);
      return { extent: [lo, hi], size, points: Array.from(xy!), value: Array.from(value!), gradNorm: Array.from(gradNorm!) };
    },
    dispose() {
      dropView();
      generator.dispose();
      critic.dispose();
      tf.dispose([evalNoise, criticLossGrad, generatorLossGrad]);
      if (spectral) tf.dispose([...spectral.u, ...spectral.v]);
    },
  };
}
