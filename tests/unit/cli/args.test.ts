/** The reproduce CLI's command line: every bad input is a UsageError (exit 2) with a message saying what to type. */
import { describe, expect, it } from 'vitest';
import { parseArgs, planRun, UsageError } from '../../../src/lab/cli/args';
import { getExperiment } from '../../../src/lab/experiments/registry';

const plan = (words: string[]) => planRun(parseArgs(words), getExperiment);
const usage = (f: () => unknown) => {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return (err as Error).message;
  }
  throw new Error('expected a UsageError');
};

describe('parseArgs', () => {
  it('reads every flag, in both --flag value and --flag=value forms', () => {
    expect(parseArgs(['wgan', '--seed', '7', '--steps=20', '--set', 'lambda=10', '--set=clip=0.1', '--out', 'r.json', '--backend', 'cpu'])).toEqual({
      experimentId: 'wgan',
      seed: 7,
      steps: 20,
      sets: [
        ['lambda', '10'],
        ['clip', '0.1'],
      ],
      out: 'r.json',
      snapshots: false,
      backend: 'cpu',
      help: false,
    });
    expect(parseArgs(['wgan', '--out', 'r.json', '--snapshots']).snapshots).toBe(true);
    expect(parseArgs(['-h']).help).toBe(true);
  });

  it('defaults to seed 1 on wasm with no output file and no snapshots', () => {
    expect(parseArgs(['landscape'])).toEqual({ experimentId: 'landscape', seed: 1, sets: [], snapshots: false, backend: 'wasm', help: false });
  });

  it('rejects unknown flags, missing values and malformed numbers', () => {
    expect(usage(() => parseArgs(['wgan', '--sed', '3']))).toMatch(/^Unknown option '--sed'/);
    expect(usage(() => parseArgs(['wgan', '--seed']))).toMatch(/^Option '--seed <value>' argument missing/);
    expect(usage(() => parseArgs(['wgan', '--out', '--seed', '2']))).toMatch(/^Option '--out' argument is ambiguous/);
    expect(usage(() => parseArgs(['wgan', '--snapshots=yes', '--out', 'r.json']))).toMatch(/^Option '--snapshots' does not take an argument/);
    expect(usage(() => parseArgs(['wgan', '--sed', '3']))).toMatch(/\nusage: npm run reproduce -- <experiment>/);
    expect(usage(() => parseArgs(['wgan', '--seed', '1.5']))).toMatch(/--seed needs a whole number/);
    expect(usage(() => parseArgs(['wgan', '--steps', '0']))).toMatch(/--steps needs a whole number between 1/);
    expect(usage(() => parseArgs(['wgan', '--set', 'lambda']))).toMatch(/--set needs key=value/);
    expect(usage(() => parseArgs(['wgan', '--backend', 'webgl']))).toMatch(/--backend must be one of wasm, cpu/);
  });

  it('wants exactly one experiment', () => {
    expect(usage(() => parseArgs([]))).toMatch(/which experiment\?/);
    expect(usage(() => parseArgs(['wgan', 'landscape']))).toMatch(/one experiment at a time/);
    expect(usage(() => parseArgs(['wgan', '--snapshots']))).toMatch(/--snapshots goes into the JSON report: add --out/);
  });
});

describe('planRun', () => {
  it('resolves the config from the schema and folds --steps into it', () => {
    const run = plan(['wgan', '--steps', '30', '--set', 'lambda=10']);
    expect(run.experiment.id).toBe('wgan');
    expect(run.config).toMatchObject({ steps: 30, lambda: 10, clip: 0.01, criticSteps: 5 });
  });

  it('names the valid experiments when the id is unknown', () => {
    expect(usage(() => plan(['wgn']))).toBe(
      'unknown experiment "wgn"; valid experiments: bn-vs-standard, noisy-bn, ics-gradients, landscape, lp-norms, wgan, spectral-norm',
    );
  });

  it('rejects unknown settings, out-of-range values and a --steps beyond the experiment range', () => {
    expect(usage(() => plan(['wgan', '--set', 'lamda=1']))).toMatch(/unknown setting "lamda"; valid settings: steps, criticSteps/);
    expect(usage(() => plan(['wgan', '--set', 'lambda=1000']))).toBe('lambda must be between 0.01 and 100 (got 1000)');
    expect(usage(() => plan(['wgan', '--set', 'criticSteps=2.5']))).toBe('criticSteps must be a whole number');
    expect(usage(() => plan(['wgan', '--set', 'lr=fast']))).toBe('lr must be a number');
    expect(usage(() => plan(['spectral-norm', '--steps', '999999']))).toBe('steps must be between 1 and 5000 (got 999999)');
  });
});
