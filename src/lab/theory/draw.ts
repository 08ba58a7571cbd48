/**
 * The seeded inputs of the theory checks: one unit's pre-activations y over a batch of m samples, an
 * upstream gradient ĝ = ∂L/∂z at the BatchNorm output, and (for scale invariance) the layer input X and
 * the unit's weights w. Plain JS, no tfjs; float32 (what tfjs computes in), so tests can feed exactly the
 * same numbers to an independent float64 computation.
 */
import { stream } from '../random';

/** Pre-activations are drawn off-centre and wide, as a trained layer's often are (paper App. Fig. 9). */
const Y_MEAN = 2;
const Y_STD = 3;
/** ĝ leans on y so that ⟨ĝ, ŷ⟩ is clearly non-zero: a gradient is usually correlated with its variable. */
const G_MEAN = 0.3;
const G_ON_Y = 0.15;
/** Inputs per sample of the scale-invariance layer. */
export const INPUT_DIM = 8;

export interface UnitBatch {
  m: number;
  /** y_j over the batch, [m]. */
  y: Float32Array;
  /** ĝ_j = ∂L/∂z_j, [m]. */
  gHat: Float32Array;
}

export function drawUnitBatch(seed: number, m: number): UnitBatch {
  const rng = stream(seed, 'theory/unit-batch');
  const y = new Float32Array(m);
  const gHat = new Float32Array(m);
  for (let i = 0; i < m; i++) {
    y[i] = rng.normal(Y_MEAN, Y_STD);
    gHat[i] = rng.normal(G_MEAN, 1) + G_ON_Y * (y[i]! - Y_MEAN);
  }
  return { m, y, gHat };
}

export interface LayerBatch {
  m: number;
  /** Layer input, [m, INPUT_DIM] row-major. */
  x: Float32Array;
  /** The unit's weights, [INPUT_DIM]. */
  w: Float32Array;
  gHat: Float32Array;
}

export function drawLayerBatch(seed: number, m: number): LayerBatch {
  const rng = stream(seed, 'theory/layer-batch');
  const x = Float32Array.from({ length: m * INPUT_DIM }, () => rng.normal(0.5, 1));
  const w = Float32Array.from({ length: INPUT_DIM }, () => rng.normal(0, 1));
  const gHat = Float32Array.from({ length: m }, () => rng.normal(G_MEAN, 1));
  return { m, x, w, gHat };
}
