/**
 * Seed bands (src/traces/band.ts): the rows kept from each seed, the per-step statistics a chart draws,
 * and the caption's count of agreeing seeds, which must be the replication page's own check on its files.
 */
import { describe, expect, it } from 'vitest';
import { BAND_PLANS, bandRows, seedBands } from '../../../src/traces/band';
import { agreementOf } from '../../../src/widgets/run/seed-agreement';
import { resolveMeasured } from '../../../src/site/measured';

describe('bandRows', () => {
  const seed = (loss: (number | null)[], extra: Record<string, (number | null)[]> = {}) => ({
    a: { step: [0, 1, 2, 3, 4], loss, ...extra },
  });

  it('keeps every stride-th step and the last of a dense metric, one curve per seed aligned by step', () => {
    const rows = bandRows([seed([1, 2, 3, 4, 5]), seed([10, 20, 30, 40, null])], { metric: 'loss', sparse: false }, 2, 4);
    expect(rows.step).toEqual([0, 2, 4]);
    expect(rows.arms.a).toEqual([
      [1, 3, 5],
      [10, 30, null],
    ]);
  });

  it('keeps only the measured steps of a sparse metric, a seed without one reading null there', () => {
    const rows = bandRows(
      [seed([1, 2, 3, 4, 5], { cos: [null, 0.5, null, 0.7, null] }), seed([1, 2, 3, 4, 5], { cos: [null, 0.6, null, null, null] })],
      { metric: 'cos', sparse: true },
      2,
      4,
    );
    expect(rows.step).toEqual([1, 3]);
    expect(rows.arms.a).toEqual([
      [0.5, 0.7],
      [0.6, null],
    ]);
  });
});

describe('seedBands', () => {
  const file = {
    seeds: [1, 2, 3, 4, 5],
    step: [0, 10, 20],
    arms: {
      a: [
        [1, 5, null],
        [2, 4, null],
        [3, 3, 7],
        [4, 2, null],
        [9, 1, null],
      ],
      b: [[1, 1, 1]],
    },
  };

  it('gives the median, min and max over the seeds with a finite value, per step', () => {
    const [band] = seedBands(file, ['a']);
    expect(band!.median).toEqual([3, 3, 7]);
    expect(band!.min).toEqual([1, 1, 7]);
    expect(band!.max).toEqual([9, 5, 7]);
    expect(band!.count).toEqual([5, 5, 1]);
    expect(band!.seeds).toEqual([1, 2, 3, 4, 5]);
  });

  it('leaves out arms it has no curves for, and keeps the order asked', () => {
    expect(seedBands(file, ['b', 'missing', 'a']).map((b) => b.id)).toEqual(['b', 'a']);
  });

  it('smooths each seed as the chart smooths its line before taking the statistics', () => {
    // Window 11 over steps 0 and 10: each seed's mean of its first two values.
    const [band] = seedBands(file, ['a'], 11);
    expect(band!.median.slice(0, 2)).toEqual([3, 3]);
    expect(band!.min[1]).toBe(3);
    expect(band!.max[1]).toBe(5);
  });

  it('reads NaN where no seed has a value', () => {
    const [band] = seedBands({ seeds: [1, 2], step: [0], arms: { a: [[null], [null]] } }, ['a']);
    expect(band!.median[0]).toBeNaN();
    expect(band!.count[0]).toBe(0);
  });
});

describe.each(BAND_PLANS.map((p) => [p.experiment, p] as const))('%s: seeds agreeing with the claim', (_, plan) => {
  it('counts what <Measured form="check"> counts on the replication file', async () => {
    const agreement = await agreementOf(plan);
    const measured = resolveMeasured({ claim: plan.claim, form: 'check', check: plan.check });
    expect(agreement.holdsOn.length).toBe(measured.value);
    expect(agreement.seeds.length).toBeGreaterThan(1);
  });
});
