/**
 * Shaping the landscape figure from metric columns: min–max ranges over the per-η metrics (skipping
 * unprobed steps, keeping divergence), the probed steps, the slice at one step, and the medians the
 * figure states in words — checked against the committed trace's own summary numbers.
 */
import { describe, expect, it } from 'vitest';
import { appendRecords, type Columns } from '../../../src/lab/worker/columns';
import { rangeSeries, readRangesAt, describeRanges } from '../../../src/charts/range-chart';
import { describeSlice, probeMedians, probedSteps, sliceAt } from '../../../src/widgets/landscape/landscape-view';
import { traceColumns, type Trace } from '../../../src/traces/trace';
import traceJson from '../../../src/traces/landscape.json';

const probe = (loss: number[], extra: Record<string, number> = {}) => ({
  lossMin: Math.min(...loss),
  lossMax: Math.max(...loss),
  gradChange: 1,
  betaEff: 2,
  ...Object.fromEntries(loss.map((v, k) => [`loss.eta${k}`, v])),
  ...extra,
});

const columns: Columns = appendRecords({}, [
  { arm: 'standard', step: 0, metrics: { loss: 3, ...probe([2.5, 4]) } },
  { arm: 'batchnorm', step: 0, metrics: { loss: 2, ...probe([1.5, 1.8]) } },
  { arm: 'standard', step: 1, metrics: { loss: 2.9 } },
  { arm: 'batchnorm', step: 1, metrics: { loss: 1.9 } },
  { arm: 'standard', step: 2, metrics: { diverged: 1 } },
  { arm: 'batchnorm', step: 2, metrics: { loss: 1.7, ...probe([1.2, 1.3]) } },
]);

describe('range series', () => {
  it('spans the min and max over the keys at probed steps only, and keeps the divergence', () => {
    const [std, bn] = rangeSeries(columns, ['standard', 'batchnorm'], ['loss.eta0', 'loss.eta1']);
    expect(std).toEqual({ id: 'standard', x: [0], lo: [2.5], hi: [4], divergedAt: 2 });
    expect(bn).toEqual({ id: 'batchnorm', x: [0, 2], lo: [1.5, 1.2], hi: [1.8, 1.3] });
    expect(readRangesAt([std!, bn!], 2)).toBe('Standard 2.5 to 4 (step 0) · BatchNorm 1.2 to 1.3 (step 2)');
    expect(describeRanges('Band', [std!, bn!])).toBe('Band, latest range: Standard 2.5 to 4 (step 0), BatchNorm 1.2 to 1.3 (step 2). Standard diverged at step 2.');
  });

  it('is empty for an arm without the metric', () => {
    expect(rangeSeries(columns, ['standard'], ['gradChange.eta0'])).toEqual([]);
  });
});

describe('landscape view', () => {
  it('lists the probed steps and slices an arm’s loss along its gradient, η = 0 first', () => {
    expect(probedSteps(columns)).toEqual([0, 2]);
    expect(sliceAt(columns, ['standard', 'batchnorm'], 2, [0.05, 0.1])).toEqual([{ id: 'batchnorm', x: [0, 0.05, 0.1], y: [1.7, 1.2, 1.3] }]);
  });

  it('words a slice over each series’ own step sizes, so a pinned run probed further reads right', () => {
    const live = sliceAt(columns, ['standard', 'batchnorm'], 0, [0.05, 0.1]);
    expect(describeSlice('At step 0', live)).toBe(
      'At step 0: Standard from 3 at η = 0 to between 2.5 and 4 over η up to 0.1; BatchNorm from 2 at η = 0 to between 1.5 and 1.8 over η up to 0.1.',
    );
    const pinned = sliceAt(columns, ['batchnorm'], 2, [0.2, 0.4]);
    expect(describeSlice('pinned run A', pinned)).toBe('pinned run A: BatchNorm from 1.7 at η = 0 to between 1.2 and 1.3 over η up to 0.4.');
    expect(describeSlice('At step 1', sliceAt(columns, ['standard'], 1, [0.05, 0.1]))).toBe('At step 1: no probe at this step.');
  });

  it('states the same medians as the experiment’s summary of the committed run', () => {
    const trace = traceJson as Trace;
    const view = traceColumns(trace);
    const std = probeMedians(view, 'standard');
    const bn = probeMedians(view, 'batchnorm');
    expect(std.probes).toBe(10);
    // The CLI summary of this run (npm run traces): band 4.195 / 0.1037, change 16.35 / 3.258, β 20.29 / 15.76.
    expect(std.lossBand).toBeCloseTo(4.195, 2);
    expect(bn.lossBand).toBeCloseTo(0.1037, 3);
    expect(std.gradChange).toBeCloseTo(16.35, 1);
    expect(bn.betaEff).toBeCloseTo(15.76, 1);
  });
});
