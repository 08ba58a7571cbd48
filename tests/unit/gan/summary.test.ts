/**
 * The wgan experiment's summary: each arm's modes covered and high-quality share are those of its
 * last measurement (sparse, every evalEvery steps and at the last), next to the usual final loss and
 * divergence; a diverged arm keeps its last measurement before the NaN.
 */
import { describe, expect, it } from 'vitest';
import { wgan } from '../../../src/lab/experiments/wgan';
import type { MetricRecord } from '../../../src/lab/types';

describe('wgan summary', () => {
  it('takes each arm’s last measured sample quality and marks a diverged arm', () => {
    const records: MetricRecord[] = [
      { arm: 'gp', step: 0, metrics: { loss: 1, wDistance: 0.1, gradNorm: 1, modesCovered: 1, highQualityFraction: 0.02 } },
      { arm: 'clip', step: 0, metrics: { loss: 0.5, wDistance: 0, gradNorm: 0, modesCovered: 0, highQualityFraction: 0.01 } },
      { arm: 'sn', step: 0, metrics: { loss: 0.2, wDistance: 0, gradNorm: 0.1, modesCovered: 0, highQualityFraction: 0.03 } },
      { arm: 'gp', step: 1, metrics: { loss: 0.8, wDistance: 0.2, gradNorm: 1.1 } },
      { arm: 'clip', step: 1, metrics: { diverged: 1 } },
      { arm: 'sn', step: 1, metrics: { loss: 0.1, wDistance: 0, gradNorm: 0.2, modesCovered: 3, highQualityFraction: 0.1 } },
      { arm: 'gp', step: 2, metrics: { loss: 0.6, wDistance: 0.3, gradNorm: 1.2, modesCovered: 7, highQualityFraction: 0.366 } },
    ];
    const summary = wgan.summarize(records, wgan.defaults);
    expect(summary.gp).toMatchObject({ diverged: false, modesCovered: 7, highQualityFraction: 0.366 });
    expect(summary.sn).toMatchObject({ diverged: false, modesCovered: 3, highQualityFraction: 0.1 });
    expect(summary.clip).toMatchObject({ diverged: true, divergedAt: 1, modesCovered: 0, highQualityFraction: 0.01 });
  });
});
