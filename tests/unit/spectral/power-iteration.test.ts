/**
 * The lab's one plain-number power iteration (src/lab/spectral/power-iteration.ts): known spectral
 * norms, the agreement with the 2×2 closed form, σ̂ never above σ, and the zero matrix.
 */
import { describe, expect, it } from 'vitest';
import { powerStep, spectralNorm } from '../../../src/lab/spectral/power-iteration';
import { ellipseOf } from '../../../src/lab/spectral/matrix2';
import { stream } from '../../../src/lab/random';

describe('spectralNorm', () => {
  it('finds the largest |entry| of a diagonal matrix, whatever its shape', () => {
    const diagonal = [
      [3, 0, 0],
      [0, -5, 0],
      [0, 0, 1],
      [0, 0, 0],
    ];
    expect(spectralNorm(diagonal, [1, 1, 1, 1], 300)).toBeCloseTo(5, 10);
  });

  it('gives ‖a‖‖b‖ for the rank-one matrix a bᵀ, from a seeded start', () => {
    const a = [3, 4];
    const b = [5, 12];
    const rankOne = a.map((ai) => b.map((bj) => ai * bj));
    expect(spectralNorm(rankOne, stream(1, 'ref').normalArray(2), 5)).toBeCloseTo(5 * 13, 10);
  });

  it('agrees with the 2×2 closed form', () => {
    const m = { col1: [1.5, 0.5], col2: [-0.4, 0.8] } as const;
    const rows = [
      [m.col1[0], m.col2[0]],
      [m.col1[1], m.col2[1]],
    ];
    expect(spectralNorm(rows, [1, 1], 200)).toBeCloseTo(ellipseOf(m).major, 12);
  });

  it('is 0 for the zero matrix', () => {
    expect(spectralNorm([[0, 0], [0, 0], [0, 0]], [1, 1, 1], 10)).toBe(0);
  });
});

describe('powerStep', () => {
  it('never overestimates σ and returns unit ũ and ṽ', () => {
    const rng = stream(2, 'w');
    const w = Array.from({ length: 6 }, () => Array.from(rng.normalArray(4)));
    const sigma = spectralNorm(w, [1, 1, 1, 1, 1, 1], 500);
    let u: number[] = Array.from(rng.normalArray(6));
    for (let k = 0; k < 20; k++) {
      const step = powerStep(w, u);
      expect(step.sigma).toBeLessThanOrEqual(sigma * (1 + 1e-12));
      expect(Math.hypot(...step.u)).toBeCloseTo(1, 12);
      expect(Math.hypot(...step.v)).toBeCloseTo(1, 12);
      u = step.u;
    }
  });

  it('keeps ũ when it lies in the kernel of Wᵀ', () => {
    expect(powerStep([[1, 2], [2, 4]], [2, -1])).toEqual({ u: [2, -1], v: [0, 0], sigma: 0 });
  });
});
