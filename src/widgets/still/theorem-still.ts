/**
 * The theorem check's still: Theorem 4.1's two sides for the figure's first batch. They need tf.grad
 * through BatchNorm, so rather than run tfjs during the build they are computed by the lab once and
 * committed (theorem-check.json); a unit test recomputes them and fails when the file is stale.
 */
import type { Theorem41 } from '../../lab/theory/theorem-check';
import { fmtSig } from '../format';

/** The figure's first seed (TheoremCheck.svelte starts there). */
export const THEOREM_STILL_SEED = 1;

export interface TheoremStillData {
  seed: number;
  /** ENGINE_FINGERPRINT of the engine that computed it (src/lab/engine-fingerprint.ts). */
  engine: string;
  theorem: Theorem41;
}

export function theoremSummary({ seed, theorem: t }: TheoremStillData): string {
  return (
    `For the seeded batch (seed ${seed}, m = ${t.m}, γ = ${fmtSig(t.gamma, 3)}): ‖∇y L̂‖² = ${fmtSig(t.lhs, 4)} by tf.grad ` +
    `through BatchNorm; the right side with 1/m gives ${fmtSig(t.rhsOneOverM, 4)}, the same; the paper's printed ` +
    `1/√m gives ${fmtSig(t.rhsOneOverSqrtM, 4)}, below the true value, so the printed bound fails here.`
  );
}
