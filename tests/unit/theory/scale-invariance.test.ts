/**
 * BatchNorm's scale invariance (the step behind Lemma 4.5): with BN after the unit, scaling its weights
 * by a > 0 leaves the output unchanged and divides the weight gradient by a; the gradient is orthogonal
 * to the weights. Computed by the lab (tf.grad through the hand-written BN, float32, ε = 0).
 */
import { describe, expect, it } from 'vitest';
import { drawLayerBatch } from '../../../src/lab/theory/draw';
import { checkScaleInvariance } from '../../../src/lab/theory/theorem-check';

describe.each([0.1, 0.5, 2, 10])('scaling W by a = %d', (a) => {
  it('leaves the BN output unchanged and scales ‖∇_W L̂‖ by exactly 1/a', async () => {
    const r = await checkScaleInvariance(drawLayerBatch(1, 16), 1.5, a);
    expect(r.outputChange).toBeLessThan(1e-5);
    expect(r.gradNorm).toBeGreaterThan(0.1);
    expect(r.gradNormScaled * a).toBeCloseTo(r.gradNorm, 4);
  });
});

describe('scale invariance', () => {
  it('makes the weight gradient orthogonal to the weights (the loss is flat along W)', async () => {
    const r = await checkScaleInvariance(drawLayerBatch(3, 32), 1, 1);
    expect(Math.abs(r.cosGradWeight)).toBeLessThan(1e-5);
  });
});
