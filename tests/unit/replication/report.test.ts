/** The replication report's arithmetic on small fixtures: spread, per-seed checks, verdicts, wording. */
import { describe, expect, it } from 'vitest';
import type { ClaimFile } from '../../../src/replication/measured';
import { evaluateCheck, formatSpread, formatValue, holdsOnText, spreadOf, verdictOf, type Check, type CheckResult } from '../../../src/replication/report';

/** Losses of two arms over seeds 1, 2, 3; the plain arm diverged on seed 3. */
const FILE: ClaimFile = {
  claim: 'R1',
  backend: 'wasm',
  engine: 'v0-test',
  seeds: [1, 2, 3],
  runs: {
    a: {
      experiment: 'bn-vs-standard',
      label: 'lr 0.1',
      overrides: {},
      config: {},
      configHash: '00000000',
      seconds: [1, 1, 1],
      arms: { plain: { loss: [1, 0.5, null] }, norm: { loss: [0.2, 0.3, 0.4] } },
    },
  },
};

const check = (holds: Check['holds']): Check => ({ text: 't', source: 's', holds });
const result = (holdsOn: number[]): CheckResult => ({ text: 't', source: 's', holdsOn, seeds: [1, 2, 3] });

describe('spreadOf', () => {
  it('gives mean, min and max of the finite values and counts the missing seeds', () => {
    expect(spreadOf([0.2, 0.3, 0.4])).toEqual({ mean: expect.closeTo(0.3, 12), min: 0.2, max: 0.4, missing: 0 });
    expect(spreadOf([1, 0.5, null])).toEqual({ mean: 0.75, min: 0.5, max: 1, missing: 1 });
    expect(spreadOf([null, null])).toBeNull();
  });
});

describe('evaluateCheck', () => {
  it('lists the seeds a check holds on', () => {
    expect(evaluateCheck(FILE, check((v) => v('a', 'norm', 'loss') < 0.6 * v('a', 'plain', 'loss'))).holdsOn).toEqual([1]);
    expect(evaluateCheck(FILE, check((v) => v('a', 'norm', 'loss') < v('a', 'plain', 'loss'))).holdsOn).toEqual([1, 2]);
  });

  it('never counts a diverged (null) or absent value as holding', () => {
    expect(evaluateCheck(FILE, check((v) => !(v('a', 'plain', 'loss') < 0.1))).holdsOn).toEqual([1, 2, 3]);
    expect(evaluateCheck(FILE, check((v) => v('a', 'plain', 'loss') > 0)).holdsOn).toEqual([1, 2]);
    expect(evaluateCheck(FILE, check((v) => v('b', 'norm', 'loss') > 0)).holdsOn).toEqual([]);
  });
});

describe('verdictOf', () => {
  it('is "reproduced" only when every check holds on every seed', () => {
    expect(verdictOf([result([1, 2, 3]), result([1, 2, 3])])).toBe('reproduced');
  });

  it('is "partly" when a check holds on some seeds only, or some checks fail everywhere', () => {
    expect(verdictOf([result([1]), result([1])])).toBe('partly');
    expect(verdictOf([result([1, 2, 3]), result([])])).toBe('partly');
  });

  it('is "not reproduced" when no check holds on any seed', () => {
    expect(verdictOf([result([]), result([])])).toBe('not reproduced');
  });

  it('refuses a claim without checks', () => {
    expect(() => verdictOf([])).toThrow(/at least one check/);
  });
});

describe('wording', () => {
  it('names the seeds a check holds on', () => {
    expect(holdsOnText(result([1, 2, 3]))).toBe('all 3 seeds');
    expect(holdsOnText(result([1]))).toBe('seed 1 of 3');
    expect(holdsOnText(result([2, 3]))).toBe('seeds 2, 3 of 3');
    expect(holdsOnText(result([]))).toBe('no seed of 3');
  });

  it('formats values and spreads', () => {
    expect(formatValue(3837.6, 'number')).toBe('3,840');
    expect(formatValue(0.000247, 'percent')).toBe('0.0247%');
    expect(formatValue(7.666, 'count')).toBe('7.7');
    // A negative range reads with minus signs and "to", never "(-0.962–-0.937)".
    expect(formatSpread(spreadOf([-0.962, -0.95, -0.937]), 'number', 3)).toBe('\u22120.950 (\u22120.962 to \u22120.937)');
    expect(formatSpread(spreadOf([0.2, 0.3, 0.4]), 'number', 3)).toBe('0.300 (0.200 to 0.400)');
    expect(formatSpread(spreadOf([8, 8, 8]), 'count', 3)).toBe('8');
    expect(formatSpread(spreadOf([1, 0.5, null]), 'number', 3)).toBe('0.750 (0.500 to 1.00); diverged on 1 of 3 seeds');
    expect(formatSpread(null, 'number', 3)).toBe('no finite value on any of 3 seeds (diverged)');
  });
});
