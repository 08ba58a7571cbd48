/**
 * The 8-Gaussians toy of WGAN-GP's gan_toy.py (docs/protocol.md, R6): centres 2·(cos kπ/4, sin kπ/4),
 * std 0.02, then every point divided by 1.414. Points are flat [x0, y0, x1, y1, …] arrays.
 */
import type { Rng } from '../random';

const RADIUS = 2;
const STD = 0.02;
const SCALE = 1.414;
export const MODES = 8;

/** The eight centres after the ÷1.414 (radius ≈ 1.414). */
export const CENTRES: readonly (readonly [number, number])[] = Array.from({ length: MODES }, (_, k) => [
  (RADIUS * Math.cos((k * Math.PI) / 4)) / SCALE,
  (RADIUS * Math.sin((k * Math.PI) / 4)) / SCALE,
]);

/** n real samples: a uniformly chosen centre plus N(0, 0.02²) noise, all ÷1.414. */
export function sampleEightGaussians(rng: Rng, n: number): Float32Array {
  const out = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) {
    const [cx, cy] = CENTRES[rng.int(MODES)]!;
    out[2 * i] = cx + rng.normal(0, STD) / SCALE;
    out[2 * i + 1] = cy + rng.normal(0, STD) / SCALE;
  }
  return out;
}
