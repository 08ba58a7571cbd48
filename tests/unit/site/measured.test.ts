/**
 * The resolver behind <Measured>: what each form renders, read back against the committed files
 * themselves (so the test holds however many seeds they carry), and that a bad reference throws a
 * message naming it.
 */
import { describe, expect, it } from 'vitest';
import { formatNumber, holdsText, measuredAnswer, resolveMeasured } from '../../../src/site/measured';
import r3 from '../../../src/replication/r3.json';
import r2 from '../../../src/replication/r2.json';
import r6 from '../../../src/replication/r6.json';
import landscapeTrace from '../../../src/traces/landscape.json';
import theorem from '../../../src/widgets/still/theorem-check.json';

const bnCos = r3.runs.dln.arms.batchnorm.icsCosMedian as number[];
const seeds = r3.seeds.length;
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

describe('formatNumber', () => {
  it('rounds to significant digits with a true minus sign and thousands separators', () => {
    expect(formatNumber(-0.96239)).toBe('−0.962');
    expect(formatNumber(3837.9)).toBe('3,840');
    expect(formatNumber(7.6666, 2)).toBe('7.7');
    expect(formatNumber(0.16)).toBe('0.160');
    expect(formatNumber(0.99996)).toBe('1.00');
  });
  it('writes tiny values as a power of ten', () => {
    expect(formatNumber(0.000402)).toBe('4.02·10⁻⁴');
    expect(formatNumber(-2.5e-5, 2)).toBe('−2.5·10⁻⁵');
  });
});

describe('holdsText', () => {
  it('names the minority of seeds', () => {
    expect(holdsText([1, 2, 3, 4, 5], [1, 2, 3, 4, 5])).toBe('on all 5 seeds');
    expect(holdsText([1, 2, 4, 5], [1, 2, 3, 4, 5])).toBe('on 4 of 5 seeds (not seed 3)');
    expect(holdsText([2], [1, 2, 3, 4, 5])).toBe('on 1 of 5 seeds (seed 2)');
    expect(holdsText([], [1, 2, 3])).toBe('on no seed of 3');
    expect(holdsText([1], [1])).toBe('on seed 1');
    expect(holdsText([], [1])).toBe('not on seed 1');
  });
});

describe('a claim file', () => {
  it('renders the mean and the range over every seed it holds', () => {
    const r = resolveMeasured({ claim: 'R3', run: 'dln', arm: 'batchnorm', metric: 'icsCosMedian' });
    expect(r.value).toBeCloseTo(mean(bnCos), 12);
    expect(r.text).toBe(`${formatNumber(mean(bnCos))} (${formatNumber(Math.min(...bnCos))} to ${formatNumber(Math.max(...bnCos))}, ${seeds} seeds)`);
    expect(r.source).toBe(`claim R3 dln batchnorm icsCosMedian seeds ${r3.seeds.join(',')}`);
  });

  it('says once what every seed agrees on', () => {
    // The clipped critic covers no mode on any seed: one value for the whole file.
    const modes = r6.runs.toy.arms.clip.modesCovered as number[];
    expect(new Set(modes).size).toBe(1);
    const agree = resolveMeasured({ claim: 'R6', arm: 'clip', metric: 'modesCovered' });
    expect(agree.text).toBe(`${modes[0]} (all ${r6.seeds.length} seeds)`);
  });

  it('reads one seed, labelled with it', () => {
    const r = resolveMeasured({ claim: 'R3', run: 'dln', arm: 'batchnorm', metric: 'icsCosMedian', seed: 1 });
    expect(r.text).toBe(`${formatNumber(bnCos[0]!)} (seed 1)`);
    expect(resolveMeasured({ claim: 'R3', arm: 'batchnorm', metric: 'icsCosMedian', seed: 1, bare: true }).text).toBe(formatNumber(bnCos[0]!));
  });

  it('forms a ratio seed by seed before summarising', () => {
    const std = r2.runs['lr0.5'].arms.standard.finalLoss as number[];
    const bn = r2.runs['lr0.5'].arms.batchnorm.finalLoss as number[];
    const ratios = std.map((s, i) => s / bn[i]!);
    const r = resolveMeasured({ claim: 'R2', run: 'lr0.5', arm: 'standard', metric: 'finalLoss', form: 'ratio', over: 'batchnorm' });
    expect(r.value).toBeCloseTo(mean(ratios), 12);
    expect(r.text).toMatch(new RegExp(`^${formatNumber(mean(ratios), 2)} \\(`));
  });

  it('compares a run with another run of the same file', () => {
    const at05 = r2.runs['lr0.5'].arms.standard.finalLoss as number[];
    const at01 = r2.runs['lr0.1'].arms.standard.finalLoss as number[];
    const r = resolveMeasured({ claim: 'R2', run: 'lr0.5', arm: 'standard', metric: 'finalLoss', form: 'holds', op: '>', overRun: 'lr0.1' });
    expect(r.value).toBe(at05.filter((v, i) => v > at01[i]!).length);
    expect(r.source).toBe('claim R2 lr0.5 standard finalLoss > in lr0.1');
  });

  it('prints accuracies as percentages and changes as signed percentages', () => {
    expect(resolveMeasured({ claim: 'R2', run: 'lr0.5', arm: 'batchnorm', metric: 'trainAccuracy', seed: 1 }).text).toMatch(/^\d+(\.\d+)?% \(seed 1\)$/);
    const change = resolveMeasured({ claim: 'R2', run: 'lr0.5', arm: 'noisy-batchnorm', metric: 'finalLoss', form: 'change', over: 'batchnorm', seed: 1 });
    expect(change.text).toMatch(/^\+\d+(\.\d+)?% \(seed 1\)$/);
  });

  it('counts the seeds a relation holds on, and a claim check’s seeds', () => {
    const below = bnCos.filter((c) => c < 0).length;
    expect(resolveMeasured({ claim: 'R3', arm: 'batchnorm', metric: 'icsCosMedian', form: 'holds', op: '<', than: 0 }).value).toBe(below);
    const check = resolveMeasured({ claim: 'R3', form: 'check', check: 'standard: median cos' });
    const std = r3.runs.dln.arms.standard.icsCosMedian as number[];
    expect(check.value).toBe(std.filter((c) => c > 0.9).length);
    expect(resolveMeasured({ claim: 'R3', form: 'seeds' }).text).toBe(`${seeds} seeds`);
  });

  it('gives a self-check its answer and a tolerance from the same number', () => {
    const { answer, tolerance } = measuredAnswer({ claim: 'R3', arm: 'batchnorm', metric: 'icsCosMedian', seed: 1 });
    expect(answer).toBe(bnCos[0]);
    expect(tolerance).toBeGreaterThan(0);
  });
});

describe('a trace and a figure', () => {
  const steps = landscapeTrace.arms.standard.step;
  it('reads a value at a step, or reduced over steps, labelled with the trace’s seed', () => {
    const row = steps.indexOf(0);
    const [lo, hi] = [landscapeTrace.arms.standard.lossMin[row]!, landscapeTrace.arms.standard.lossMax[row]!];
    const r = resolveMeasured({ trace: 'landscape', arm: 'standard', metric: 'lossBand', step: 0 });
    expect(r.value).toBeCloseTo(hi - lo, 12);
    expect(r.text).toBe(`${formatNumber(hi - lo)} (seed ${landscapeTrace.seed})`);
    const max = resolveMeasured({ trace: 'landscape', arm: 'standard', metric: 'lossMax', reduce: 'max' });
    expect(max.value).toBe(Math.max(...landscapeTrace.arms.standard.lossMax.filter((v): v is number => v !== null)));
  });

  it('reads a figure’s own numbers', () => {
    expect(resolveMeasured({ figure: 'theorem-check', metric: 'lhs' }).value).toBe(theorem.theorem.lhs);
    const bound = resolveMeasured({ figure: 'spectral-norm', metric: 'bound' }).value;
    const layers = [1, 2, 3].map((l) => resolveMeasured({ figure: 'spectral-norm', metric: `layerSigma.${l}` }).value);
    expect(bound).toBeCloseTo(layers.reduce((p, s) => p * s, 1), 10);
    expect(resolveMeasured({ figure: 'gradient-slice', arm: 'batchnorm', metric: 'gradNorm' }).value).toBeGreaterThan(0);
  });
});

describe('a reference that does not resolve', () => {
  it.each([
    [{ claim: 'R9', arm: 'standard', metric: 'finalLoss' }, /no claim "R9"/],
    [{ claim: 'R3', arm: 'batchnorm', metric: 'nope' }, /has no metric "nope"/],
    [{ claim: 'R2', arm: 'standard', metric: 'finalLoss' }, /several runs \(lr0\.5, lr0\.1\)/],
    [{ study: 'no-such-study', arm: 'standard', metric: 'finalLoss' }, /no study file "no-such-study"/],
    [{ trace: 'landscape', arm: 'standard', metric: 'loss', step: 1 }, /no row at step 1/],
    [{ trace: 'landscape', arm: 'standard', metric: 'loss' }, /give step=/],
    [{ claim: 'R3', trace: 'landscape', metric: 'loss' }, /exactly one source/],
    [{ claim: 'R3', form: 'check', check: 'no such check' }, /must start exactly one/],
    [{ figure: 'spectral-norm', metric: 'nope' }, /has no number "nope"/],
  ] as const)('%o throws, naming the reference', (ref, message) => {
    expect(() => resolveMeasured(ref)).toThrow(message);
    expect(() => resolveMeasured(ref)).toThrow(/^<Measured /);
  });
});
