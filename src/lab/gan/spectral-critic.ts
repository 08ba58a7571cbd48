/**
 * Spectral normalisation of a net's weights (Miyato et al. 2018; docs/protocol.md, R7): each layer uses
 * W/σ̂(W), with σ̂ from one power iteration per training step on a persistent ũ. The raw W is what
 * the optimiser updates; the gradient flows through σ̂ with ũ, ṽ held fixed.
 */
import { tf } from '../tf';
import { initialU, powerStep, sigmaOf } from '../measure/spectral';
import { weightsOf } from './nets';
import type { Rng } from '../random';
import type { Scalar, Tensor2D } from '@tensorflow/tfjs-core';
import type { Params } from '../types';

/** Persistent power-iteration vectors, one (ũ, ṽ) pair per weight matrix. Owned by the caller. */
export interface SpectralVectors {
  u: Tensor2D[];
  v: Tensor2D[];
}

/** Random isotropic ũ per layer; ṽ comes with the first `refreshSpectral`, which must precede use. */
export function initSpectral(params: Params, rng: Rng): SpectralVectors {
  return { u: weightsOf(params).map((w) => initialU(w.shape[0], rng)), v: [] };
}

/** One power iteration per layer (the per-step update); disposes the old vectors. */
export function refreshSpectral(params: Params, vectors: SpectralVectors): SpectralVectors {
  const next: SpectralVectors = { u: [], v: [] };
  weightsOf(params).forEach((w, l) => {
    const it = powerStep(w, vectors.u[l]!);
    next.u.push(it.u);
    next.v.push(it.v);
  });
  tf.dispose([...vectors.u, ...vectors.v]);
  return next;
}

/** Params with every W replaced by W/σ̂(W) (biases as they are); call inside a tidy/gradient closure. */
export function normalizedParams(params: Params, vectors: SpectralVectors): Params {
  return normalize(params, vectors).params;
}

/** W/σ̂(W) per layer, and the σ̂ (per weight matrix) that `rawGrads` needs. */
export function normalize(params: Params, vectors: SpectralVectors): { params: Params; sigmas: Scalar[] } {
  const sigmas: Scalar[] = [];
  const normalized = params.map((p, i) => {
    if (i % 2 === 1) return p;
    const l = i / 2;
    sigmas[l] = sigmaOf(p as Tensor2D, vectors.u[l]!, vectors.v[l]!);
    return tf.div(p, sigmas[l]!);
  });
  return { params: normalized, sigmas };
}

/**
 * Gradients with respect to the raw params from those with respect to the normalized ones (backprop.ts
 * for the spectral critic): ∂L/∂W = G/σ̂ − (⟨G, W⟩/σ̂²)·ũᵀṽ, with ũ, ṽ fixed, built as the RealDiv, Sum,
 * Multiply and MatMul gradients build it so the numbers equal autodiff's through `normalizedParams`.
 */
export function rawGrads(params: Params, vectors: SpectralVectors, sigmas: Scalar[], normalizedGrads: Params): Params {
  return normalizedGrads.map((g, i) => {
    if (i % 2 === 1) return g;
    const l = i / 2;
    const sigma = sigmas[l]!;
    const dSigma = tf.neg(tf.div(tf.sum(tf.mul(g, params[i]!)), tf.square(sigma)));
    // ũ is one row: its transpose is a reshape (the same numbers in the same order, no copy).
    const u = vectors.u[l]!;
    const throughSigma = tf.matMul(tf.reshape(u, [u.shape[1], 1]), tf.mul(dSigma, vectors.v[l]!));
    return tf.add(tf.div(g, sigma), throughSigma);
  });
}
