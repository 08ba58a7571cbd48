/**
 * The secant and gradient ratios against closed forms, and the running sup converging to the known
 * L and β of each closed-form curve.
 */
import { describe, expect, it } from 'vitest';
import { NO_ESTIMATE, pairRatios, withPair } from '../../../src/lab/lipschitz/ratios';
import { CLOSED_FORM_CURVES, gridOf, largestOnGrid, sampledCurve, snap, type Curve } from '../../../src/lab/lipschitz/curves';

const curve = (id: string): Curve => CLOSED_FORM_CURVES.find((c) => c.id === id)!;

describe('pair ratios', () => {
  it('sin: secant |2 cos((a+b)/2) sin((a−b)/2)|/|a−b|, gradient |2 sin((a+b)/2) sin((a−b)/2)|/|a−b|', () => {
    for (const [a, b] of [[0.3, 1.9], [-2.5, 0.4], [4, -5.5]] as const) {
      const r = pairRatios(Math.sin, Math.cos, a, b)!;
      const half = Math.sin((a - b) / 2);
      expect(r.secant).toBeCloseTo(Math.abs(2 * Math.cos((a + b) / 2) * half) / Math.abs(a - b), 12);
      expect(r.gradient).toBeCloseTo(Math.abs(2 * Math.sin((a + b) / 2) * half) / Math.abs(a - b), 12);
    }
  });

  it('c·x²: secant c|a + b|, gradient exactly 2c for every pair', () => {
    const steep = curve('steep');
    for (const [a, b] of [[-1.5, 0.25], [0.1, 1.9], [-2, 2]] as const) {
      const r = pairRatios(steep.f, steep.df, a, b)!;
      expect(r.secant).toBeCloseTo(2.5 * Math.abs(a + b), 12);
      expect(r.gradient).toBeCloseTo(5, 12);
    }
  });

  it('|x|: secant 1 on one side; gradient 0 on one side and 2/|a − b| across the kink', () => {
    const kinked = curve('kinked');
    expect(pairRatios(kinked.f, kinked.df, 0.5, 2)).toEqual({ secant: 1, gradient: 0 });
    const across = pairRatios(kinked.f, kinked.df, -0.5, 0.25)!;
    expect(across.secant).toBeCloseTo(0.25 / 0.75, 12);
    expect(across.gradient).toBeCloseTo(2 / 0.75, 12);
  });

  it('is undefined for coinciding points, and the sup ignores that pair', () => {
    expect(pairRatios(Math.sin, Math.cos, 1, 1)).toBeNull();
    expect(withPair(NO_ESTIMATE, null)).toBe(NO_ESTIMATE);
  });
});

describe('sup estimates', () => {
  it('only grow, and count the pairs tried', () => {
    let e = withPair(NO_ESTIMATE, { secant: 2, gradient: 1 });
    e = withPair(e, { secant: 1, gradient: 3 });
    expect(e).toEqual({ L: 2, beta: 3, pairs: 2 });
  });

  it('converge to the exact L and β over the grid, from below (sin, c·x²)', () => {
    const sin = largestOnGrid(curve('smooth'));
    const h = curve('smooth').step;
    expect(sin.L).toBeLessThanOrEqual(1);
    expect(sin.beta).toBeLessThanOrEqual(1);
    // 0 and ±π/2 are grid points: the best pair is (0, h) with sin(h)/h = 1 − h²/6 + …; the gradient
    // ratio from ±π/2 likewise.
    expect(sin.L).toBeGreaterThan(1 - h * h / 6 - 1e-9);
    expect(sin.beta).toBeGreaterThan(1 - h * h / 6 - 1e-9);
    const steep = curve('steep');
    const quad = largestOnGrid(steep);
    // The largest secant is between the end point 2 and its neighbour 2 − h: c(4 − h) → L = 4c = 10.
    expect(quad.L).toBeCloseTo(2.5 * (4 - steep.step), 12);
    expect(quad.beta).toBeCloseTo(steep.exact!.beta, 12);
  });

  it('|x|: L is found exactly, while the gradient ratio grows like 2/h as the grid refines (no finite β)', () => {
    const kinked = curve('kinked');
    const found = largestOnGrid(kinked);
    expect(found.L).toBeCloseTo(1, 12);
    // The closest pair straddling 0 (one of them at the kink, subgradient 0) is one step apart: ratio 1/h.
    expect(found.beta).toBeCloseTo(1 / kinked.step, 6);
    const finer = { ...kinked, step: kinked.step / 4 };
    expect(largestOnGrid(finer).beta).toBeCloseTo(4 / kinked.step, 6);
    expect(kinked.exact!.beta).toBe(Infinity);
  });
});

describe('grids and sampled curves', () => {
  it('snaps to the grid and clamps to the domain', () => {
    const c = curve('steep');
    expect(snap(c, 0.008)).toBeCloseTo(0, 12);
    expect(snap(c, 9)).toBeCloseTo(2, 12);
    expect(snap(c, -9)).toBeCloseTo(-2, 12);
    expect(gridOf(c)).toHaveLength(241);
  });

  it('reads a sampled curve at its nearest sample', () => {
    const c = sampledCurve(
      { id: 's', label: 's', description: '', xLabel: 'x', yLabel: 'y' },
      { lo: 0, step: 0.5, values: [3, 2, 4], slopes: [-2, 0, 6] },
    );
    expect(c.hi).toBe(1);
    expect(c.f(0.6)).toBe(2);
    expect(c.df(0.9)).toBe(6);
    expect(pairRatios(c.f, c.df, 0, 1)).toEqual({ secant: 1, gradient: 8 });
    expect(c.exact).toBeNull();
  });
});
