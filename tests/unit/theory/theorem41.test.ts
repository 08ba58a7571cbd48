/**
 * Theorem 4.1 as the lab computes it (tf.grad through the hand-written BatchNorm, float32) against an
 * independent float64 computation of Fact C.1's closed form,
 *   ∇_y L̂ = (γ/σ)(I − 11ᵀ/m − ŷŷᵀ/m) ĝ,
 * and the corrected statement: equality with coefficient 1/m, while the printed 1/√m makes the "bound"
 * smaller than the left-hand side, i.e. false, whenever ⟨ĝ, ŷ⟩ ≠ 0 and m > 1.
 */
import { describe, expect, it } from 'vitest';
import { drawUnitBatch, type UnitBatch } from '../../../src/lab/theory/draw';
import { checkTheorem41 } from '../../../src/lab/theory/theorem-check';

/** Fact C.1 in plain float64: the projection removing ĝ's mean and its component along ŷ. */
function closedForm(batch: UnitBatch, gamma: number) {
  const { m, y, gHat } = batch;
  const mu = y.reduce((s, v) => s + v, 0) / m;
  const sigma = Math.sqrt(y.reduce((s, v) => s + (v - mu) ** 2, 0) / m);
  const yHat = Array.from(y, (v) => (v - mu) / sigma);
  const sumG = gHat.reduce((s, v) => s + v, 0);
  const gDotYHat = yHat.reduce((s, v, i) => s + v * gHat[i]!, 0);
  const grad = yHat.map((v, i) => (gamma / sigma) * (gHat[i]! - sumG / m - (v * gDotYHat) / m));
  return { sigma, grad, normSq: grad.reduce((s, v) => s + v * v, 0), yHatNormSq: yHat.reduce((s, v) => s + v * v, 0) };
}

const CASES = [
  { seed: 1, m: 16, gamma: 1 },
  { seed: 2, m: 4, gamma: 0.5 },
  { seed: 3, m: 64, gamma: 2.5 },
  { seed: 4, m: 128, gamma: 1 },
];

describe.each(CASES)('Theorem 4.1, seed $seed, m = $m, γ = $gamma', ({ seed, m, gamma }) => {
  it('‖∇_y L̂‖² by tf.grad matches Fact C.1’s projection computed in float64', async () => {
    const batch = drawUnitBatch(seed, m);
    const lab = await checkTheorem41(batch, gamma);
    const exact = closedForm(batch, gamma);
    expect(lab.sigma).toBeCloseTo(exact.sigma, 4);
    expect(Math.abs(lab.lhs - exact.normSq)).toBeLessThan(1e-5 * exact.normSq);
  });

  it('holds with equality when the last coefficient is 1/m, because ‖ŷ‖² = m', async () => {
    const lab = await checkTheorem41(drawUnitBatch(seed, m), gamma);
    expect(Math.abs(lab.yHatNormSq - m)).toBeLessThan(1e-5 * m);
    expect(Math.abs(lab.rhsOneOverM - lab.lhs)).toBeLessThan(1e-4 * lab.lhs);
  });

  it('fails as printed: with 1/√m the right-hand side is below the left by γ²/σ²·(1/√m − 1/m)·⟨ĝ,ŷ⟩²', async () => {
    const lab = await checkTheorem41(drawUnitBatch(seed, m), gamma);
    const gap = ((gamma * gamma) / lab.sigma ** 2) * (1 / Math.sqrt(m) - 1 / m) * lab.projTermSq;
    expect(lab.projTermSq).toBeGreaterThan(0.01 * lab.gNormSq);
    expect(lab.rhsOneOverSqrtM).toBeLessThan(lab.lhs - 0.5 * gap);
    expect(lab.lhs - lab.rhsOneOverSqrtM).toBeCloseTo(gap, 3);
  });
});

describe('Theorem 4.1 reading', () => {
  it('the reduction is additive: even with γ = σ (no rescaling) the BN gradient is no larger than ĝ', async () => {
    const batch = drawUnitBatch(5, 32);
    const { sigma } = closedForm(batch, 1);
    const lab = await checkTheorem41(batch, sigma);
    expect(lab.lhs).toBeLessThan(lab.gNormSq);
    expect(lab.lhs).toBeCloseTo(lab.gNormSq - lab.meanTermSq / 32 - lab.projTermSq / 32, 2);
  });

  it('with m = 2 the projection removes everything: no gradient reaches y, and the printed side is negative', async () => {
    const lab = await checkTheorem41(drawUnitBatch(1, 2), 1);
    expect(lab.lhs).toBeLessThan(1e-10 * lab.gNormSq);
    expect(lab.rhsOneOverSqrtM).toBeLessThan(-0.1 * lab.projTermSq / lab.sigma ** 2);
  });

  it('a new seed draws a new batch, the same seed the same one', () => {
    expect(drawUnitBatch(7, 8).y).toEqual(drawUnitBatch(7, 8).y);
    expect(drawUnitBatch(8, 8).y).not.toEqual(drawUnitBatch(7, 8).y);
  });
});
