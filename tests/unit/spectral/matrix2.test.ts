/**
 * The SpectralNorm figure's 2×2 math: the ellipse's semi-axes are the singular values (checked
 * against σ² as eigenvalues of MᵀM and against points of the mapped circle), and power iteration
 * converges to the closed-form σ₁, from below, at the rate (σ₂/σ₁)² per step.
 */
import { describe, expect, it } from 'vitest';
import { apply, ellipseOf, norm, powerStep, unitAt, type Mat2, type Vec2 } from '../../../src/lab/spectral/matrix2';

const M: Mat2 = { col1: [1.5, 0.5], col2: [-0.4, 0.8] };
/** Largest and smallest ‖M x‖ over 20,000 points x of the unit circle. */
function sampledAxes(m: Mat2): [number, number, number] {
  let max = 0;
  let min = Infinity;
  let argmax = 0;
  for (let i = 0; i < 20_000; i++) {
    const t = (Math.PI * i) / 20_000;
    const r = norm(apply(m, unitAt(t)));
    if (r > max) [max, argmax] = [r, t];
    min = Math.min(min, r);
  }
  const image = apply(m, unitAt(argmax));
  return [max, min, Math.atan2(image[1], image[0])];
}

describe('ellipseOf', () => {
  it.each([
    ['a general matrix', M],
    ['a rotation times 2', { col1: [0, 2], col2: [-2, 0] } as Mat2],
    ['a singular matrix', { col1: [1, 2], col2: [2, 4] } as Mat2],
    ['a diagonal one', { col1: [0.5, 0], col2: [0, 3] } as Mat2],
  ])('has the singular values of %s as semi-axes', (_, m) => {
    const { major, minor } = ellipseOf(m);
    const [max, min] = sampledAxes(m);
    expect(major).toBeCloseTo(max, 6);
    // Near a zero semi-axis the sampled minimum is off by σ₁ × half the grid spacing.
    expect(minor).toBeCloseTo(min, 3);
    // σ₁² + σ₂² = ‖M‖²_F and σ₁σ₂ = |det M|.
    const [a, c] = m.col1;
    const [b, d] = m.col2;
    expect(major ** 2 + minor ** 2).toBeCloseTo(a * a + b * b + c * c + d * d, 10);
    expect(major * minor).toBeCloseTo(Math.abs(a * d - b * c), 10);
  });

  it('points its major axis where the circle is stretched most', () => {
    const { angle } = ellipseOf(M);
    const [, , sampled] = sampledAxes(M);
    // An axis has no sign: compare modulo π.
    const diff = Math.abs(((angle - sampled + Math.PI / 2) % Math.PI + Math.PI) % Math.PI - Math.PI / 2);
    expect(diff).toBeLessThan(1e-3);
  });

  it('gives the zero matrix a point', () => {
    expect(ellipseOf({ col1: [0, 0], col2: [0, 0] })).toMatchObject({ major: 0, minor: 0 });
  });
});

describe('powerStep', () => {
  it('climbs to the closed-form σ from below, at the rate (σ₂/σ₁)² per step', () => {
    const { major, minor } = ellipseOf(M);
    let u: Vec2 = unitAt(2.0);
    const errors: number[] = [];
    for (let k = 0; k < 12; k++) {
      const step = powerStep(M, u);
      expect(step.sigma).toBeLessThanOrEqual(major + 1e-12);
      expect(norm(step.u)).toBeCloseTo(1, 12);
      errors.push(major - step.sigma);
      u = step.u;
    }
    expect(errors.at(-1)!).toBeLessThan(1e-9 * major);
    // Late in the iteration the error shrinks by (σ₂/σ₁)⁴ per step (σ̂ is quadratic in the angle error).
    const rate = errors[8]! / errors[7]!;
    expect(rate).toBeCloseTo((minor / major) ** 4, 3);
  });

  it('lands ũ on the major axis, so σ̂ũ is the tip of the ellipse', () => {
    let u: Vec2 = [0, 1];
    for (let k = 0; k < 30; k++) u = powerStep(M, u).u;
    const { angle } = ellipseOf(M);
    expect(Math.abs(Math.abs(u[0] * Math.cos(angle) + u[1] * Math.sin(angle)) - 1)).toBeLessThan(1e-12);
  });

  it('keeps ũ and reports σ̂ = 0 for the zero matrix', () => {
    expect(powerStep({ col1: [0, 0], col2: [0, 0] }, [1, 0])).toEqual({ u: [1, 0], v: [0, 0], sigma: 0 });
  });
});
