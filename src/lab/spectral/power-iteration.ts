/**
 * σ(W), the largest singular value, by power iteration on plain numbers (docs/protocol.md, R7): the one
 * routine behind the spectral-norm figure (its 2×2 matrix step by step, its small network's layers) and
 * the experiment's reference σ (measure/spectral.ts reads a tensor's values and calls it). No tfjs: a
 * few thousand multiply-adds, cheaper than dispatching kernels, and float64 makes the yardstick
 * sharper than the float32 estimate it judges. (The training-time estimate with one iteration per
 * step stays in tensors: measure/spectral.ts `powerIterate`, whose ũ, ṽ feed the gradient.)
 *
 * W is [rows][cols]; ũ has `rows` entries and ṽ has `cols`.
 */

/** Rows of numbers: W[i][j]. */
export type Matrix = readonly (readonly number[])[];

/** Wx. */
export function matVec(w: Matrix, x: ArrayLike<number>): number[] {
  const out = new Array<number>(w.length);
  for (let i = 0; i < w.length; i++) {
    const row = w[i]!;
    let s = 0;
    for (let j = 0; j < row.length; j++) s += row[j]! * x[j]!;
    out[i] = s;
  }
  return out;
}

/** Wᵀy. */
export function matTVec(w: Matrix, y: ArrayLike<number>): number[] {
  const out = new Array<number>(w[0]?.length ?? 0).fill(0);
  for (let i = 0; i < w.length; i++) {
    const row = w[i]!;
    for (let j = 0; j < row.length; j++) out[j]! += row[j]! * y[i]!;
  }
  return out;
}

export function euclidean(x: readonly number[]): number {
  let s = 0;
  for (const v of x) s += v * v;
  return Math.sqrt(s);
}

export interface PowerStep {
  /** ũ after the step, unit length (Miyato's Alg. 1 keeps it for the next step). */
  u: number[];
  /** ṽ = Wᵀũ/‖Wᵀũ‖ from the previous ũ. */
  v: number[];
  /** σ̂ = ũᵀWṽ = ‖Wṽ‖, never above σ(W). */
  sigma: number;
}

/**
 * One power iteration: ṽ ← Wᵀũ/‖Wᵀũ‖, ũ ← Wṽ/‖Wṽ‖, σ̂ = ũᵀWṽ. ũ need not be unit length. W = 0 (or ũ
 * in Wᵀ's kernel) keeps ũ and gives σ̂ = 0.
 */
export function powerStep(w: Matrix, u: ArrayLike<number>): PowerStep {
  const wtU = matTVec(w, u);
  const vLength = euclidean(wtU);
  if (vLength === 0) return { u: Array.from(u), v: wtU, sigma: 0 };
  const v = wtU.map((x) => x / vLength);
  const wv = matVec(w, v);
  const sigma = euclidean(wv);
  if (sigma === 0) return { u: Array.from(u), v, sigma: 0 };
  return { u: wv.map((x) => x / sigma), v, sigma };
}

/** σ(W) after `iterations` power iterations from `start` (any vector not orthogonal to the top singular vector). */
export function spectralNorm(w: Matrix, start: ArrayLike<number>, iterations: number): number {
  let u = start;
  let sigma = 0;
  for (let k = 0; k < iterations; k++) {
    const step = powerStep(w, u);
    if (step.sigma === 0) return 0;
    ({ u, sigma } = step);
  }
  return sigma;
}
