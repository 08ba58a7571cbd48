/**
 * Spectral normalisation of a net's weights (Miyato et al. 2018; docs/protocol.md, R7): each layer uses
 * W/σ̂(W), with σ̂ from one power iteration per training step on a persistent ũ. The raw W is what
 * the optimiser updates; the gradient flows through σ̂ with ũ, ṽ held fixed.
 */
import { tf } from '../tf';
import { initialU, powerIterate, sigmaOf } from '../measure/spectral';
import { weightsOf } from './nets';
import type { Rng } from '../random';
import type { Tensor2D } from '@tensorflow/tfjs-core';
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
    const it = powerIterate(w, vectors.u[l]!);
    it.sigma.dispose();
    next.u.push(it.u);
    next.v.push(it.v);
  });
  tf.dispose([...vectors.u, ...vectors.v]);
  return next;
}

/** Params with every W replaced by W/σ̂(W) (biases as they are); call inside a tidy/gradient closure. */
export function normalizedParams(params: Params, vectors: SpectralVectors): Params {
  return params.map((p, i) => {
    if (i % 2 === 1) return p;
    const l = i / 2;
    return tf.div(p, sigmaOf(p as Tensor2D, vectors.u[l]!, vectors.v[l]!));
  });
}
