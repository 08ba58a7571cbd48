/**
 * A small ReLU network for the SpectralNorm figure, in plain numbers (no tfjs: a few hundred weights,
 * so the page computes it at once): 2 → 16 → 16 → 1 with He-normal weights and small random biases.
 * It measures what the product bound of docs/protocol.md, R7 promises: ‖f‖_Lip ≤ Π σ(W_l) for 1-Lipschitz
 * activations, against the largest input-gradient norm actually found on a grid, before and after
 * dividing every layer by its σ (spectral normalization with exact σ).
 */
import { stream } from '../random';
import { euclidean, matTVec, matVec, spectralNorm, type Matrix } from './power-iteration';

/** Rows are output units: W is [out][in]. */
export interface SmallNet {
  weights: Matrix[];
  biases: number[][];
}

export const SIZES = [2, 16, 16, 1] as const;
/** Biases spread the ReLUs' kinks over the probed square. */
const BIAS_STD = 0.5;
/** Iterations of the reference power iteration: σ₂/σ₁ of these layers is far enough below 1. */
const SIGMA_ITERATIONS = 200;
/** The gradient is probed on a GRID × GRID lattice over [−EXTENT, EXTENT]² (the 8-Gaussians square). */
const GRID = 31;
const EXTENT = 2;

export function drawNet(seed: number): SmallNet {
  const rng = stream(seed, 'spectral-figure/net');
  const weights: Matrix[] = [];
  const biases: number[][] = [];
  for (let l = 1; l < SIZES.length; l++) {
    const [fanIn, out] = [SIZES[l - 1]!, SIZES[l]!];
    const std = Math.sqrt(2 / fanIn);
    weights.push(Array.from({ length: out }, () => Array.from(rng.normalArray(fanIn, 0, std))));
    biases.push(Array.from(rng.normalArray(out, 0, BIAS_STD)));
  }
  return { weights, biases };
}

/** σ(W) from the all-ones direction (no layer here is orthogonal to it). */
export const layerSigma = (w: Matrix): number => spectralNorm(w, w.map(() => 1), SIGMA_ITERATIONS);

/** ∇ₓf at x: Wᵀ of each layer, masked by the ReLUs that are on, from the output back. */
export function inputGradient(net: SmallNet, x: readonly number[]): number[] {
  const masks: boolean[][] = [];
  let a: number[] = [...x];
  net.weights.forEach((w, l) => {
    const h = matVec(w, a).map((v, i) => v + net.biases[l]![i]!);
    if (l < net.weights.length - 1) {
      masks.push(h.map((v) => v > 0));
      a = h.map((v) => Math.max(0, v));
    }
  });
  let g = [1];
  for (let l = net.weights.length - 1; l >= 0; l--) {
    g = matTVec(net.weights[l]!, g);
    if (l > 0) g = g.map((v, i) => (masks[l - 1]![i] ? v : 0));
  }
  return g;
}

export interface LipschitzCheck {
  /** σ(W_l) per layer. */
  sigmas: number[];
  /** Π σ(W_l): the bound on ‖f‖_Lip. */
  bound: number;
  /** The largest ‖∇ₓf‖ on the grid: a lower estimate of ‖f‖_Lip. */
  measured: number;
}

export function checkLipschitz(net: SmallNet): LipschitzCheck {
  const sigmas = net.weights.map(layerSigma);
  let measured = 0;
  for (let i = 0; i < GRID; i++) {
    for (let j = 0; j < GRID; j++) {
      const x = [-EXTENT + (2 * EXTENT * i) / (GRID - 1), -EXTENT + (2 * EXTENT * j) / (GRID - 1)];
      measured = Math.max(measured, euclidean(inputGradient(net, x)));
    }
  }
  return { sigmas, bound: sigmas.reduce((p, s) => p * s, 1), measured };
}

/** Every layer divided by its σ (biases kept: they do not change the Lipschitz constant). */
export function spectrallyNormalized(net: SmallNet): SmallNet {
  return {
    weights: net.weights.map((w) => {
      const sigma = layerSigma(w);
      return w.map((row) => row.map((v) => v / sigma));
    }),
    biases: net.biases,
  };
}
