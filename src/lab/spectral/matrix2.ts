/**
 * The 2×2 picture of the spectral norm (Miyato et al. 2018; docs/protocol.md, R7), pure and DOM-free: a
 * matrix M maps the unit circle to an ellipse whose longest semi-axis is σ(M), its largest singular
 * value, and power iteration finds that axis one step at a time. Closed forms here are the yardstick
 * the iteration is tested against; the iteration itself is power-iteration.ts's, on M's rows.
 */
import { powerStep as powerStepOn } from './power-iteration';

export type Vec2 = readonly [number, number];

/** M as the images of the basis vectors, the columns the reader drags: M e₁ = col1, M e₂ = col2. */
export interface Mat2 {
  col1: Vec2;
  col2: Vec2;
}

export const apply = (m: Mat2, v: Vec2): Vec2 => [m.col1[0] * v[0] + m.col2[0] * v[1], m.col1[1] * v[0] + m.col2[1] * v[1]];
export const norm = (v: Vec2): number => Math.hypot(v[0], v[1]);

export interface Ellipse {
  /** Semi-axes, major first: σ₁ ≥ σ₂ ≥ 0, the singular values of M. */
  major: number;
  minor: number;
  /** Angle of the major axis from the x axis, radians, in (−π/2, π/2]. */
  angle: number;
}

/**
 * The image of the unit circle. With S = ‖M‖²_F and D = |det M|, σ₁,₂² = (S ± √(S² − 4D²))/2, and
 * the major axis is the top eigenvector of MMᵀ, at half the angle of (MMᵀ₁₁ − MMᵀ₂₂, 2·MMᵀ₁₂).
 */
export function ellipseOf(m: Mat2): Ellipse {
  const [a, c] = m.col1;
  const [b, d] = m.col2;
  const s = a * a + b * b + c * c + d * d;
  const det = a * d - b * c;
  const root = Math.sqrt(Math.max(0, s * s - 4 * det * det));
  const major = Math.sqrt((s + root) / 2);
  // σ₁σ₂ = |det| is better conditioned than the difference when σ₂ is small.
  const minor = major > 0 ? Math.abs(det) / major : 0;
  const angle = 0.5 * Math.atan2(2 * (a * c + b * d), a * a + b * b - c * c - d * d);
  return { major, minor, angle };
}

export interface PowerStep {
  /** ũ after the step, unit length (Miyato's Alg. 1 keeps it for the next step). */
  u: Vec2;
  /** ṽ = Mᵀũ/‖Mᵀũ‖ from the previous ũ. */
  v: Vec2;
  /** σ̂ = ũᵀMṽ, never above σ(M). */
  sigma: number;
}

/** One power iteration on M (power-iteration.ts `powerStep`), as 2-vectors. */
export function powerStep(m: Mat2, u: Vec2): PowerStep {
  const step = powerStepOn(
    [
      [m.col1[0], m.col2[0]],
      [m.col1[1], m.col2[1]],
    ],
    u,
  );
  return { u: [step.u[0]!, step.u[1]!], v: [step.v[0]!, step.v[1]!], sigma: step.sigma };
}

/** The unit vector at `angle` radians. */
export const unitAt = (angle: number): Vec2 => [Math.cos(angle), Math.sin(angle)];
