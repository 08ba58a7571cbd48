/**
 * Sample quality on the 8-Gaussians toy (docs/protocol.md, R6): a sample is high quality when it lies
 * within 0.15 of a centre; a mode is covered when at least 2% of all samples are high-quality samples
 * of that mode. Plain JS on the read-back samples.
 */
import { CENTRES } from './eight-gaussians';

export const HIGH_QUALITY_RADIUS = 0.15;
export const MODE_SHARE = 0.02;

export interface SampleQuality {
  modesCovered: number;
  highQualityFraction: number;
}

/** `points` is flat [x0, y0, x1, y1, …]. */
export function sampleQuality(points: ArrayLike<number>, centres: readonly (readonly [number, number])[] = CENTRES): SampleQuality {
  const n = points.length / 2;
  const perMode = new Array<number>(centres.length).fill(0);
  const r2 = HIGH_QUALITY_RADIUS ** 2;
  for (let i = 0; i < n; i++) {
    const x = points[2 * i]!;
    const y = points[2 * i + 1]!;
    // Centres are ≥1 apart, so a point is within 0.15 of at most one.
    const k = centres.findIndex(([cx, cy]) => (x - cx) ** 2 + (y - cy) ** 2 <= r2);
    if (k >= 0) perMode[k]!++;
  }
  const highQuality = perMode.reduce((a, b) => a + b, 0);
  return {
    modesCovered: perMode.filter((count) => count >= MODE_SHARE * n).length,
    highQualityFraction: n === 0 ? 0 : highQuality / n,
  };
}
