/**
 * R6, the weight-clipping arm (science.md §8): with c = 0.01 the critic can only learn an overly
 * simple, nearly flat function, and after the same 1000 iterations the generator scores below what
 * WGAN-GP must reach (wgan-gp.test.ts: ≥7 modes, ≥30% high quality). Kept in its own file so vitest
 * runs it beside the GP arm.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../../src/lab/tf';
import { createWganArm } from '../../../src/lab/gan/wgan-arm';
import { wgan } from '../../../src/lab/experiments/wgan';

beforeAll(async () => {
  await initBackend('wasm');
});

describe('WGAN with weight clipping', () => {
  it('scores lower than WGAN-GP, with a critic whose input gradients are tiny', async () => {
    const arm = createWganArm('clip', wgan.defaults, 1);
    let gradNorm = 0;
    for (let i = 0; i < 1000; i++) gradNorm = (await arm.iterate()).gradNorm;
    const quality = await arm.evaluate();
    arm.dispose();
    expect(quality.modesCovered).toBeLessThan(7);
    expect(quality.highQualityFraction).toBeLessThan(0.3);
    // Clipped weights: every layer's map is tiny, so ‖∇ₓD‖ ≪ 1 (the capacity underuse of WGAN-GP Fig. 1).
    expect(gradNorm).toBeLessThan(0.01);
  }, 120_000);
});
