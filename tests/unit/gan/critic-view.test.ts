/**
 * The WGAN figure's pure parts: grid geometry of the heat map (cells ↔ coordinates, as types.ts
 * FieldSnapshot lays them out), the surfaces' colour scales and contour levels, the latest sample
 * quality from sparse columns, and the words of the read-out and summary.
 */
import { describe, expect, it } from 'vitest';
import { cellAt, cellCentre } from '../../../src/charts/heatmap';
import { describeSnapshot, latestQuality, latestSnapshot, readCell, surfaceScale } from '../../../src/widgets/wgan/critic-view';
import { toColumns } from '../../../src/lab/worker/columns';
import type { FieldSnapshot } from '../../../src/lab/types';

/** A 4×4 field over [−2, 2]² with value = row·4 + column and gradient norm = column / 2. */
const field: FieldSnapshot = {
  extent: [-2, 2],
  size: 4,
  points: [0, 0, 1, 1],
  value: Array.from({ length: 16 }, (_, i) => i),
  gradNorm: Array.from({ length: 16 }, (_, i) => (i % 4) / 2),
};

describe('heat-map grid', () => {
  it('puts cell [row, column] at row from the bottom, column from the left, and finds it back', () => {
    expect(cellCentre(field, 0, 0)).toEqual([-1.5, -1.5]);
    expect(cellCentre(field, 3, 1)).toEqual([-0.5, 1.5]);
    for (let r = 0; r < 4; r++) for (let c = 0; c < 4; c++) expect(cellAt(field, ...cellCentre(field, r, c))).toEqual([r, c]);
    // Edges and beyond clamp to the grid.
    expect(cellAt(field, 2, 2)).toEqual([3, 3]);
    expect(cellAt(field, -9, 9)).toEqual([3, 0]);
  });
});

describe('surfaces', () => {
  it('colours critic values over their own range with evenly spaced contours', () => {
    const scale = surfaceScale('value', field);
    expect(scale.ticks).toEqual([0, 7.5, 15]);
    expect(scale.thresholds).toHaveLength(7);
    expect(scale.thresholds[3]).toBeCloseTo(7.5);
    expect(scale.color(0)).not.toBe(scale.color(15));
  });

  it('colours gradient norms on [0, 2] with 1 in the middle, clamping steeper values', () => {
    const scale = surfaceScale('gradNorm', field);
    expect(scale.ticks).toEqual([0, 1, 2]);
    expect(scale.thresholds).toContain(1);
    expect(scale.color(5)).toBe(scale.color(2));
    expect(scale.color(0)).not.toBe(scale.color(2));
  });

  it('draws no contours for a flat field', () => {
    expect(surfaceScale('value', { ...field, value: new Array(16).fill(0.3) }).thresholds).toEqual([]);
  });
});

describe('numbers and words', () => {
  const columns = toColumns([
    { arm: 'gp', step: 0, metrics: { loss: 1, modesCovered: 1, highQualityFraction: 0.05 }, snapshot: field },
    { arm: 'gp', step: 1, metrics: { loss: 0.9 } },
    { arm: 'gp', step: 20, metrics: { loss: 0.5, modesCovered: 7, highQualityFraction: 0.366 }, snapshot: { ...field, points: [] } },
    { arm: 'gp', step: 21, metrics: { loss: 0.4 } },
  ]);

  it('finds the latest measured quality and snapshot, none for an arm without', () => {
    expect(latestQuality(columns, 'gp')).toEqual({ modesCovered: 7, highQualityFraction: 0.366, step: 20 });
    expect(latestSnapshot(columns, 'gp')!.step).toBe(20);
    expect(latestQuality(columns, 'sn')).toBeNull();
    expect(latestSnapshot(columns, 'sn')).toBeNull();
  });

  it('reads a cell and sums up the field', () => {
    expect(readCell(field, 1, 2, cellCentre(field, 1, 2))).toBe('At (0.5, −0.5): D(x) 6, ‖∇ₓD‖ 1.');
    expect(describeSnapshot('gp', { step: 20, snapshot: field }, latestQuality(columns, 'gp'))).toBe(
      'Gradient penalty, step 20: critic values from 0 to 15 over the square; gradient norm median 0.75, largest 1.5, ' +
        'above 1 on 25% of the grid. At step 20, 7 of 8 modes covered and 37% of 2000 samples within 0.15 of a mode.',
    );
  });
});
