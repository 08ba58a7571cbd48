/** A figure marks its point only when the run's numbers show it, in words computed from those numbers. */
import { describe, expect, it } from 'vitest';
import { endsApart, medianBelow } from '../../../src/charts/annotations';

const series = (id: string, y: number[], divergedAt?: number) => ({ id, x: y.map((_, i) => i * 10), y, ...(divergedAt !== undefined ? { divergedAt } : {}) });

describe('endsApart', () => {
  it('marks the key arm’s end with how many times lower it ends', () => {
    const note = endsApart([series('standard', [2, 2, 1.2, 0.8]), series('noisy-batchnorm', [2, 0.5, 0.2, 0.2])], 'noisy-batchnorm', 'standard', 'lower', 2);
    expect(note).toEqual({ arm: 'noisy-batchnorm', step: 30, value: 0.2, text: '5× below Standard' });
  });

  it('marks nothing when the run does not show the point (within 10%, or the other way round)', () => {
    expect(endsApart([series('standard', [1, 1]), series('batchnorm', [1, 0.95])], 'batchnorm', 'standard', 'lower', 1)).toBeNull();
    expect(endsApart([series('standard', [1, 0.2]), series('batchnorm', [1, 0.8])], 'batchnorm', 'standard', 'lower', 1)).toBeNull();
  });

  it('names a diverged other arm, and says nothing for a diverged key arm', () => {
    expect(endsApart([series('clip', [0.1, Number.NaN], 10), series('gp', [0.2, 0.6])], 'gp', 'clip', 'higher')?.text).toBe('Weight clipping diverged');
    expect(endsApart([series('clip', [0.1, 0.2]), series('gp', [0.2, Number.NaN], 10)], 'gp', 'clip', 'higher')).toBeNull();
  });
});

describe('medianBelow', () => {
  it('marks a key arm whose median is lower by the margin', () => {
    const note = medianBelow([series('standard', [0.99, 0.98, 0.99]), series('batchnorm', [-0.9, -0.95, -0.8])], 'batchnorm', 'standard', 0.1);
    expect(note?.text).toBe('median −0.9 vs Standard 0.99');
    expect(note?.step).toBe(20);
  });

  it('marks nothing when the medians are close', () => {
    expect(medianBelow([series('standard', [0.9]), series('batchnorm', [0.85])], 'batchnorm', 'standard', 0.1)).toBeNull();
  });
});
