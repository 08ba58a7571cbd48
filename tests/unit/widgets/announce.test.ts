/** The words the figures say: the live region's sentence per run state, and numbers in text summaries. */
import { describe, expect, it } from 'vitest';
import { announce, type RunStatusInput } from '../../../src/widgets/run/announce';
import { fmtValue } from '../../../src/charts/describe';

const base: RunStatusInput = { phase: 'idle', step: 0, diverged: {}, showingTrace: false, error: null };

describe('announce', () => {
  it('says what the reader sees before any run', () => {
    expect(announce({ ...base, showingTrace: true })).toBe('Showing a precomputed run. Press Play to train live.');
    expect(announce(base)).toBe('Ready. Press Play to train live.');
  });

  it('names the step of a pause, an end and a stop', () => {
    expect(announce({ ...base, phase: 'running', step: 12 })).toBe('Running.');
    expect(announce({ ...base, phase: 'paused', step: 12 })).toBe('Paused at step 12.');
    expect(announce({ ...base, phase: 'finished', step: 300 })).toBe('Finished at step 300.');
    expect(announce({ ...base, phase: 'stopped', step: 7 })).toBe('Stopped at step 7.');
  });

  it('reports each diverged arm, and the first divergence when all diverged', () => {
    expect(announce({ ...base, phase: 'running', diverged: { standard: 37 } })).toBe('Running. Standard diverged at step 37.');
    expect(announce({ ...base, phase: 'diverged', step: 40, diverged: { standard: 37, batchnorm: 12 } })).toBe(
      'Diverged at step 12. Standard diverged at step 37. BatchNorm diverged at step 12.',
    );
  });

  it('passes on the error', () => {
    expect(announce({ ...base, phase: 'error', error: 'the lab worker failed' })).toBe('The run failed: the lab worker failed.');
  });
});

describe('fmtValue', () => {
  it('prints three significant digits with a true minus sign, plain where that reads best', () => {
    expect(fmtValue(2330.04)).toBe('2,330');
    expect(fmtValue(-0.96239)).toBe('−0.962');
    expect(fmtValue(0.0034371)).toBe('0.00344');
    expect(fmtValue(1.234e-7)).toBe('1.23e-7');
    expect(fmtValue(Number.NaN)).toBe('n/a');
  });
});
