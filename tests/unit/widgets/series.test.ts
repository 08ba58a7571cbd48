/** Metric batches → chart series: arm filtering, NaN gaps, sparse metrics, divergence, bands. */
import { describe, expect, it } from 'vitest';
import { appendRecords, toColumns } from '../../../src/lab/worker/columns';
import type { MetricRecord } from '../../../src/lab/types';
import { allSteps, bandSeries, lineSeries, nearestIndex, trackedLayersIn, trailingMean } from '../../../src/charts/series';

const records: MetricRecord[] = [
  { arm: 'standard', step: 0, metrics: { loss: 2, icsCos: 0.9 } },
  { arm: 'batchnorm', step: 0, metrics: { loss: 2.1, icsCos: 0.3 } },
  { arm: 'standard', step: 1, metrics: { loss: Number.POSITIVE_INFINITY } },
  { arm: 'batchnorm', step: 1, metrics: { loss: 1.5 } },
  { arm: 'standard', step: 2, metrics: { loss: 1.2, icsCos: 0.95 } },
  { arm: 'batchnorm', step: 2, metrics: { loss: 1.1, icsCos: -0.5 } },
  { arm: 'batchnorm', step: 3, metrics: { diverged: 1 } },
];

describe('lineSeries', () => {
  it('keeps only the shown arms, in the order asked', () => {
    const series = lineSeries(toColumns(records), ['batchnorm'], { key: 'loss' });
    expect(series.map((s) => s.id)).toEqual(['batchnorm']);
    expect(lineSeries(toColumns(records), ['batchnorm', 'standard'], { key: 'loss' }).map((s) => s.id)).toEqual(['batchnorm', 'standard']);
  });

  it('turns non-finite values into NaN gaps at their step', () => {
    const [standard] = lineSeries(toColumns(records), ['standard'], { key: 'loss' });
    expect(standard!.x).toEqual([0, 1, 2]);
    expect(standard!.y).toEqual([2, Number.NaN, 1.2]);
  });

  it('drops the unmeasured rows of a sparse metric, so its points join', () => {
    const [standard] = lineSeries(toColumns(records), ['standard'], { key: 'icsCos', sparse: true });
    expect(standard!.x).toEqual([0, 2]);
    expect(standard!.y).toEqual([0.9, 0.95]);
  });

  it('marks where an arm diverged and leaves that step as a gap', () => {
    const [bn] = lineSeries(toColumns(records), ['batchnorm'], { key: 'icsCos', sparse: true });
    expect(bn!.divergedAt).toBe(3);
    expect(bn!.x).toEqual([0, 2, 3]);
    expect(bn!.y.at(-1)).toBeNaN();
  });

  it('skips arms or metrics with no data yet', () => {
    expect(lineSeries({}, ['standard'], { key: 'loss' })).toEqual([]);
    expect(lineSeries(toColumns(records), ['standard'], { key: 'accuracy' })).toEqual([]);
  });

  it('grows as batches stream in', () => {
    const columns = appendRecords({}, records.slice(0, 2));
    expect(lineSeries(columns, ['standard'], { key: 'loss' })[0]!.x).toEqual([0]);
    appendRecords(columns, records.slice(2));
    expect(lineSeries(columns, ['standard'], { key: 'loss' })[0]!.x).toEqual([0, 1, 2]);
  });
});

describe('bandSeries and trackedLayersIn', () => {
  const act = (step: number, base: number) => ({
    arm: 'batchnorm',
    step,
    metrics: { 'act.2.q05': base - 2, 'act.2.q25': base - 1, 'act.2.q50': base, 'act.2.q75': base + 1, 'act.2.q95': base + 2, loss: 1 },
  });

  it('collects the five quantiles of a layer step by step', () => {
    const band = bandSeries(toColumns([act(0, 0), act(1, 0.5)]), 'batchnorm', 2)!;
    expect(band.x).toEqual([0, 1]);
    expect(band.q.q05).toEqual([-2, -1.5]);
    expect(band.q.q95).toEqual([2, 2.5]);
  });

  it('is empty for an arm or layer that is not tracked, and finds the tracked layers', () => {
    const columns = toColumns([act(0, 0), { arm: 'standard', step: 0, metrics: { 'act.5.q50': 1 } }]);
    expect(bandSeries(columns, 'batchnorm', 5)).toMatchObject({ id: 'batchnorm', x: [], q: { q50: [] } });
    expect(bandSeries(columns, 'noisy', 2).x).toEqual([]);
    expect(trackedLayersIn(columns)).toEqual([2, 5]);
  });
});

describe('step helpers', () => {
  it('nearestIndex finds the closest step in a sorted list', () => {
    expect(nearestIndex([0, 20, 40], 29)).toBe(1);
    expect(nearestIndex([0, 20, 40], 31)).toBe(2);
    expect(nearestIndex([0, 20, 40], -5)).toBe(0);
    expect(nearestIndex([], 3)).toBe(-1);
  });

  it('allSteps merges the steps of every series', () => {
    expect(allSteps([{ x: [0, 2] }, { x: [1, 2, 4] }])).toEqual([0, 1, 2, 4]);
  });

  it('trailingMean averages the finite values of the last window steps and keeps gaps', () => {
    const smooth = trailingMean({ id: 'a', x: [0, 1, 2, 3, 4], y: [1, 3, Number.NaN, 5, 7] }, 3);
    expect(smooth.y).toEqual([1, 2, Number.NaN, 4, 6]);
  });
});
