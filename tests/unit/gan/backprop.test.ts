/**
 * The wgan arms' hand-written gradients (src/lab/gan/backprop.ts, spectral-critic.ts `rawGrads`) and
 * flat updates (src/lab/gan/trained.ts) against tfjs's autodiff and per-tensor optimisers: equal bit
 * for bit on wasm, which is what keeps the committed wgan trace, bands and R6 files valid. And the
 * kernel launches they save, the reason they exist (docs/performance.md).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Scalar, Tensor, Tensor2D } from '@tensorflow/tfjs-core';
import { initBackend, tf } from '../../../src/lab/tf';
import { stream } from '../../../src/lab/random';
import { CRITIC_SIZES, GENERATOR_SIZES, criticGap, forward, heNormalNet, inputGradNorms } from '../../../src/lab/gan/nets';
import { backward, forwardPass, inputGradient, penaltyGrads, rowNorms, transposes } from '../../../src/lab/gan/backprop';
import { initSpectral, normalize, normalizedParams, rawGrads, refreshSpectral } from '../../../src/lab/gan/spectral-critic';
import { Trained } from '../../../src/lab/gan/trained';
import { createWganArm, type WganArmKind } from '../../../src/lab/gan/wgan-arm';
import { wgan } from '../../../src/lab/experiments/wgan';
import { adam } from '../../../src/lab/optim/adam';
import { rmsprop } from '../../../src/lab/optim/rmsprop';
import type { Params } from '../../../src/lab/types';

beforeAll(async () => {
  await initBackend('wasm');
});

const B = 64;
const LAMBDA = 0.1;
const values = (ts: readonly Tensor[]) => ts.map((t) => Array.from(t.dataSync()));

/** Both lists read back and disposed; equal means every float32 is the same. */
function expectSame(hand: Tensor[], auto: Tensor[]): void {
  expect(hand.map((t) => t.shape)).toEqual(auto.map((t) => t.shape));
  expect(values(hand)).toEqual(values(auto));
  tf.dispose([...hand, ...auto]);
}

function batch(seed: number) {
  const rng = stream(seed, 'batch');
  return {
    real: tf.tensor2d(rng.normalArray(2 * B), [B, 2]),
    fake: tf.tensor2d(rng.normalArray(2 * B, 0.3, 1.2), [B, 2]),
    xHat: tf.tensor2d(rng.normalArray(2 * B), [B, 2]),
  };
}

/** ∂/∂D of −(mean D(real) − mean D(fake)) on [real; fake]. */
const criticLossGrad = () => tf.concat([tf.fill([B, 1], -1 / B), tf.fill([B, 1], 1 / B)]) as Tensor2D;

const penalty = (p: Params, xHat: Tensor2D) => tf.mean(tf.square(tf.sub(inputGradNorms((x) => forward(p, x), xHat), 1)));

describe('hand-written WGAN gradients equal autodiff (wasm, bit for bit)', () => {
  it('the critic loss, with and without the gradient penalty, and the penalty itself', () => {
    const params = heNormalNet(CRITIC_SIZES, stream(1, 'critic'));
    const { real, fake, xHat } = batch(1);
    const auto = tf.tidy(() =>
      tf.valueAndGrads((...p: Params) => tf.add(tf.neg(criticGap((x) => forward(p, x), real, fake)), tf.mul(LAMBDA, penalty(p, xHat))) as Scalar)(params),
    );
    const hand = tf.tidy(() => {
      const wT = transposes(params);
      const gap = backward(params, wT, forwardPass(params, tf.concat([real, fake], 0), 'lastInput'), criticLossGrad(), { params: true, input: false }).grads!;
      const pen = penaltyGrads(params, wT, xHat, LAMBDA, true);
      return { grads: gap.map((g, i) => (i % 2 === 0 ? tf.add(g, pen.grads[i / 2]!) : g)), penalty: pen.value! };
    });
    // The penalty's share is not negligible: without it the gradients differ.
    const plain = tf.tidy(() => tf.grads((...p: Params) => tf.neg(criticGap((x) => forward(p, x), real, fake)) as Scalar)(params));
    expect(values(plain)[0]).not.toEqual(values(auto.grads)[0]);
    const autoPenalty = tf.tidy(() => penalty(params, xHat));
    expectSame([...hand.grads, hand.penalty], [...auto.grads, autoPenalty]);
    tf.dispose([...params, ...plain, auto.value, real, fake, xHat]);
  });

  it('the spectrally normalised critic, through σ̂ = ũᵀWṽ with ũ, ṽ fixed', () => {
    const params = heNormalNet(CRITIC_SIZES, stream(2, 'critic'));
    const vectors = refreshSpectral(params, initSpectral(params, stream(2, 'spectral')));
    const { real, fake, xHat } = batch(2);
    const auto = tf.tidy(() => tf.grads((...p: Params) => tf.neg(criticGap((x) => forward(normalizedParams(p, vectors), x), real, fake)) as Scalar)(params));
    const hand = tf.tidy(() => {
      const { params: normalized, sigmas } = normalize(params, vectors);
      const grads = backward(normalized, transposes(normalized), forwardPass(normalized, tf.concat([real, fake], 0), 'lastInput'), criticLossGrad(), { params: true, input: false }).grads!;
      return rawGrads(params, vectors, sigmas, grads);
    });
    expectSame(hand, auto);
    tf.dispose([...params, ...vectors.u, ...vectors.v, real, fake, xHat]);
  });

  it('the generator, through the critic, and the critic’s input-gradient norms', () => {
    const g = heNormalNet(GENERATOR_SIZES, stream(3, 'generator'));
    const d = heNormalNet(CRITIC_SIZES, stream(3, 'critic'));
    const { real: z, xHat } = batch(3);
    const auto = tf.tidy(() => tf.grads((...p: Params) => tf.neg(tf.mean(forward(d, forward(p, z)))) as Scalar)(g));
    const hand = tf.tidy(() => {
      const pass = forwardPass(g, z);
      const dFake = backward(d, transposes(d), forwardPass(d, pass.out!, 'masks'), tf.fill([B, 1], -1 / B) as Tensor2D, { params: false, input: true }).dx!;
      return backward(g, transposes(g), pass, dFake, { params: true, input: false }).grads!;
    });
    expectSame(hand, auto);
    expectSame([tf.tidy(() => rowNorms(inputGradient(d, transposes(d), forwardPass(d, xHat, 'masks'))))], [tf.tidy(() => inputGradNorms((x) => forward(d, x), xHat))]);
    tf.dispose([...g, ...d, z, xHat]);
  });
});

describe('Trained: one update of all params (the fused kernel on wasm, the flat vector on cpu)', () => {
  for (const backend of ['wasm', 'cpu'] as const) {
    for (const [name, optimizer, clip] of [
      ['adam', () => adam(2e-3, { beta1: 0.5, beta2: 0.9 }), undefined],
      ['rmsprop, clipped', () => rmsprop(5e-4), 0.01],
    ] as const) {
      it(`${backend}, ${name}: the same params as the optimiser updating each tensor`, async () => {
        await tf.setBackend(backend);
        try {
          const params = heNormalNet(CRITIC_SIZES, stream(4, 'critic'));
          const copy = params.map((p) => p.clone());
          const trained = new Trained(copy, optimizer());
          const opt = optimizer();
          let reference = params;
          let state = opt.init(reference);
          const gradRng = stream(4, 'grads');
          for (let step = 0; step < 3; step++) {
            const grads = reference.map((p) => tf.tensor(gradRng.normalArray(p.size), p.shape));
            const next = opt.update(reference, grads, state);
            const clipped = clip === undefined ? next.params : next.params.map((p) => tf.clipByValue(p, -clip, clip));
            tf.dispose([...reference, ...(clip === undefined ? [] : next.params), ...state.slots]);
            reference = clipped;
            state = next.state;
            trained.step(grads, clip);
          }
          expect(trained.params.map((p) => p.shape)).toEqual(reference.map((p) => p.shape));
          expect(values(trained.params)).toEqual(values(reference));
          tf.dispose([...reference, ...state.slots]);
          trained.dispose();
        } finally {
          await tf.setBackend('wasm');
        }
      });
    }
  }
});

describe('kernel launches per generator iteration (n_critic = 5, tf.profile)', () => {
  // Before the hand-written gradients, flat updates and batched fakes: clip 907, gp 1,892, sn 1,750; then 344, 618, 753;
  // with the critic's transposes shared and output layers skipped where unread, 335, 574, 735; with the optimiser
  // steps, the penalty's gradient chain and the interpolates as wasm kernels (src/lab/ops/), 231, 370, 606.
  const BOUNDS: Record<WganArmKind, number> = { clip: 240, gp: 380, sn: 620 };
  for (const kind of ['clip', 'gp', 'sn'] as const) {
    it(`${kind}: under ${BOUNDS[kind]}`, async () => {
      const arm = createWganArm(kind, wgan.defaults, 1);
      await arm.iterate();
      const profile = await tf.profile(async () => {
        await arm.iterate();
      });
      const launched = profile.kernels.length;
      arm.dispose();
      expect(launched).toBeLessThan(BOUNDS[kind]);
    });
  }
});
