/**
 * The SpectralNorm figure's network: each layer's σ matches a rank-one matrix's exact value; the input
 * gradient matches finite differences; the measured gradient norm never exceeds the product of the
 * layers' σ; after normalization every σ is 1, so the bound is 1 and the measured constant stays below it.
 */
import { describe, expect, it } from 'vitest';
import { checkLipschitz, drawNet, inputGradient, layerSigma, spectrallyNormalized, type SmallNet } from '../../../src/lab/spectral/small-net';

describe('layerSigma', () => {
  it('gives ‖a‖‖b‖ for the rank-one matrix a bᵀ', () => {
    const a = [1, -2, 2];
    const b = [3, 4];
    expect(layerSigma(a.map((ai) => b.map((bj) => ai * bj)))).toBeCloseTo(3 * 5, 10);
  });
});

describe('the small network', () => {
  const net = drawNet(1);

  it('has an input gradient that matches central differences', () => {
    const f = (n: SmallNet, x: number[]) => {
      let a = x;
      n.weights.forEach((w, l) => {
        const h = w.map((row, i) => row.reduce((s, v, j) => s + v * a[j]!, n.biases[l]![i]!));
        a = l < n.weights.length - 1 ? h.map((v) => Math.max(0, v)) : h;
      });
      return a[0]!;
    };
    const x = [0.31, -0.72];
    const h = 1e-6;
    const g = inputGradient(net, x);
    expect(g[0]).toBeCloseTo((f(net, [x[0]! + h, x[1]!]) - f(net, [x[0]! - h, x[1]!])) / (2 * h), 5);
    expect(g[1]).toBeCloseTo((f(net, [x[0]!, x[1]! + h]) - f(net, [x[0]!, x[1]! - h])) / (2 * h), 5);
  });

  it.each([1, 2, 3])('respects the product bound, before and after normalization (seed %i)', (seed) => {
    const before = checkLipschitz(drawNet(seed));
    expect(before.measured).toBeGreaterThan(0);
    expect(before.measured).toBeLessThanOrEqual(before.bound);
    const after = checkLipschitz(spectrallyNormalized(drawNet(seed)));
    for (const sigma of after.sigmas) expect(sigma).toBeCloseTo(1, 6);
    expect(after.bound).toBeCloseTo(1, 6);
    expect(after.measured).toBeLessThan(1);
  });
});
