/** The 8-Gaussians toy and its sample-quality measures (docs/protocol.md, R6) on sample sets with known answers. */
import { describe, expect, it } from 'vitest';
import { CENTRES, MODES, sampleEightGaussians } from '../../../src/lab/gan/eight-gaussians';
import { HIGH_QUALITY_RADIUS, MODE_SHARE, sampleQuality } from '../../../src/lab/gan/quality';
import { stream } from '../../../src/lab/random';

/** `count` points at distance `offset` from centre k (in a direction that varies with i). */
function around(k: number, count: number, offset = 0): number[] {
  const [cx, cy] = CENTRES[k]!;
  return Array.from({ length: count }, (_, i) => [cx + offset * Math.cos(i), cy + offset * Math.sin(i)]).flat();
}

describe('eight Gaussians', () => {
  it('puts the centres on a circle of radius 2/1.414, 45° apart', () => {
    expect(CENTRES).toHaveLength(8);
    CENTRES.forEach(([x, y], k) => {
      expect(Math.hypot(x, y)).toBeCloseTo(2 / 1.414, 10);
      expect(Math.atan2(y, x)).toBeCloseTo(Math.atan2(Math.sin((k * Math.PI) / 4), Math.cos((k * Math.PI) / 4)), 10);
    });
  });

  it('samples each mode about equally with std 0.02/1.414 around its centre', () => {
    const n = 16000;
    const points = sampleEightGaussians(stream(1, 'data'), n);
    const counts = new Array(MODES).fill(0);
    let squared = 0;
    for (let i = 0; i < n; i++) {
      const x = points[2 * i]!;
      const y = points[2 * i + 1]!;
      const k = CENTRES.findIndex(([cx, cy]) => Math.hypot(x - cx, y - cy) < 0.2);
      counts[k]++;
      squared += (x - CENTRES[k]![0]) ** 2 + (y - CENTRES[k]![1]) ** 2;
    }
    for (const c of counts) expect(Math.abs(c - n / 8)).toBeLessThan(150);
    // Two coordinates: E‖p − c‖² = 2·(0.02/1.414)².
    expect(Math.sqrt(squared / (2 * n))).toBeCloseTo(0.02 / 1.414, 3);
    // Real data scores perfectly.
    expect(sampleQuality(points)).toEqual({ modesCovered: 8, highQualityFraction: 1 });
  });
});

describe('sampleQuality', () => {
  it('counts a sample as high quality within 0.15 of a centre, not beyond', () => {
    expect(sampleQuality(around(0, 10, HIGH_QUALITY_RADIUS - 1e-3)).highQualityFraction).toBe(1);
    expect(sampleQuality(around(0, 10, HIGH_QUALITY_RADIUS + 1e-3)).highQualityFraction).toBe(0);
  });

  it('covers a mode at 2% of the samples, not below', () => {
    const n = 2000;
    const atShare = MODE_SHARE * n;
    const far = (count: number) => new Array(2 * count).fill(0); // the origin is ≈1.41 from every centre
    expect(sampleQuality([...around(3, atShare), ...far(n - atShare)])).toEqual({ modesCovered: 1, highQualityFraction: 0.02 });
    expect(sampleQuality([...around(3, atShare - 1), ...far(n - atShare + 1)])).toEqual({ modesCovered: 0, highQualityFraction: 0.0195 });
  });

  it('scores a mode-collapsed generator and a blurry one as expected', () => {
    // Collapse: all 2000 samples on two modes → 2 modes, all high quality.
    expect(sampleQuality([...around(1, 1000, 0.05), ...around(6, 1000, 0.05)])).toEqual({ modesCovered: 2, highQualityFraction: 1 });
    // Blur: 3 modes with 10% each sit within 0.1; the other 70% lie 0.3 off a centre.
    const blurry = [...around(0, 200, 0.1), ...around(2, 200, 0.1), ...around(4, 200, 0.1), ...around(5, 1400, 0.3)];
    const quality = sampleQuality(blurry);
    expect(quality.modesCovered).toBe(3);
    expect(quality.highQualityFraction).toBeCloseTo(0.3, 10);
  });
});
