/**
 * "Noisy" BatchNorm's noise, exactly Algorithm 1 of the paper (docs/protocol.md, R2). At every step and
 * for every noisy layer:
 *   per unit j:            μ_j ~ U(−n_μ, n_μ),   σ_j ~ U(1, n_σ)
 *   per sample i, unit j:  m_ij ~ U(μ_j − r_μ, μ_j + r_μ),   s_ij ~ N(σ_j, r_σ)   (r_σ read as a std)
 *   a_ij ← s_ij · a_ij + m_ij
 * Applied after BN's affine γ, β and before the nonlinearity (the paper leaves the side of γ, β
 * unstated; docs/protocol.md, R2 picks "after"), in 'train' mode only. Drawn from a seeded Rng in JS rather
 * than tf.random*, whose seeding differs across backends.
 */
import { tf } from '../tf';
import type { Tensor2D, Tensor4D } from '@tensorflow/tfjs-core';
import type { Rng } from '../random';
import type { LayerNoise } from '../types';

export interface NoiseSpec {
  meanRange: number;
  scaleMax: number;
  meanJitter: number;
  scaleJitter: number;
}

/** Algorithm 1's constants: n_μ = 0.5, n_σ = 1.25, r_μ = r_σ = 0.1. */
export const ALGORITHM_1: NoiseSpec = { meanRange: 0.5, scaleMax: 1.25, meanJitter: 0.1, scaleJitter: 0.1 };

/** One layer's noise for a batch of `m` samples and `units` units, as row-major [m, units] arrays. */
export function drawNoiseArrays(
  rng: Rng,
  m: number,
  units: number,
  spec: NoiseSpec = ALGORITHM_1,
): { scale: Float32Array; shift: Float32Array } {
  const unitMean = rng.uniformArray(units, -spec.meanRange, spec.meanRange);
  const unitScale = rng.uniformArray(units, 1, spec.scaleMax);
  const scale = new Float32Array(m * units);
  const shift = new Float32Array(m * units);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < units; j++) {
      shift[i * units + j] = rng.uniform(unitMean[j]! - spec.meanJitter, unitMean[j]! + spec.meanJitter);
      scale[i * units + j] = rng.normal(unitScale[j]!, spec.scaleJitter);
    }
  }
  return { scale, shift };
}

/** Noise tensors for every listed layer (1-based layer → units); the caller disposes them. */
export function drawNoise(
  rng: Rng,
  m: number,
  layerUnits: ReadonlyMap<number, number>,
  spec: NoiseSpec = ALGORITHM_1,
): Map<number, LayerNoise> {
  const noise = new Map<number, LayerNoise>();
  for (const [layer, units] of layerUnits) {
    const { scale, shift } = drawNoiseArrays(rng, m, units, spec);
    noise.set(layer, { scale: tf.tensor2d(scale, [m, units]), shift: tf.tensor2d(shift, [m, units]) });
  }
  return noise;
}

export function applyNoise(a: Tensor2D, noise: LayerNoise): Tensor2D {
  return tf.add(tf.mul(a, noise.scale), noise.shift) as Tensor2D;
}

/** A [m, C] draw as [m, 1, 1, C]: each sample's draw for a channel broadcasts over every position. */
const perChannel = (t: Tensor2D) => tf.reshape(t, [t.shape[0], 1, 1, t.shape[1]]) as Tensor4D;

/** The per-channel form on a convolution's output [m, H, W, C]: the channel is the unit, so each sample's
 *  draw for a channel (m_ij, s_ij) applies at every position, as BatchNorm's statistics do. */
export function applyChannelNoise(a: Tensor4D, noise: LayerNoise): Tensor4D {
  return tf.add(tf.mul(a, perChannel(noise.scale)), perChannel(noise.shift)) as Tensor4D;
}

/** ∂/∂a of `applyChannelNoise` from ∂/∂output, as tfjs's Add and Mul gradients form it (dy · scale). */
export function channelNoiseGradient(dy: Tensor4D, noise: LayerNoise): Tensor4D {
  return tf.mul(dy, perChannel(noise.scale)) as Tensor4D;
}

export function disposeNoise(noise: ReadonlyMap<number, LayerNoise>): void {
  for (const { scale, shift } of noise.values()) tf.dispose([scale, shift]);
}
