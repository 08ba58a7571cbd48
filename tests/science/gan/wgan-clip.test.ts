/**
 * The weight-clipping arm (docs/protocol.md, R6): with c = 0.01 every layer's map stays tiny, so after
 * 1000 generator iterations the critic's input gradient ‖∇ₓD‖ is far below 1 — the capacity underuse
 * that WGAN-GP's authors showed. Whether clipping scores below the gradient penalty is R6's own check
 * (src/replication/claims.ts), evaluated by tests/science/replication.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../../src/lab/tf';
import { createWganArm } from '../../../src/lab/gan/wgan-arm';
import { wgan } from '../../../src/lab/experiments/wgan';

beforeAll(async () => {
  await initBackend('wasm');
});

describe('WGAN with weight clipping', () => {
  it('ends with a critic whose input gradients are tiny', async () => {
    const arm = createWganArm('clip', wgan.defaults, 1);
    let gradNorm = 0;
    for (let i = 0; i < 1000; i++) gradNorm = (await arm.iterate()).gradNorm;
    arm.dispose();
    // Clipped weights: every layer's map is tiny, so ‖∇ₓD‖ ≪ 1 (the capacity underuse of WGAN-GP Fig. 1).
    expect(gradNorm).toBeLessThan(0.01);
  }, 120_000);
});
