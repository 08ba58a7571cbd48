/**
 * Whole experiment runs: determinism (same config and seed → identical records), no tensor leaks over
 * 500 steps or after a cancelled or abandoned run, divergence handling, and the public contract
 * (ids, arms, defaults = the schema's defaults).
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { initBackend, tf } from '../../../src/lab/tf';
import { readDigitsFile } from '../../../src/lab/data/digits-file';
import { defaultsOf } from '../../../src/lab/schema';
import { bnVsStandard } from '../../../src/lab/experiments/bn-vs-standard';
import { noisyBn } from '../../../src/lab/experiments/noisy-bn';
import { icsGradients } from '../../../src/lab/experiments/ics-gradients';
import { landscape } from '../../../src/lab/experiments/landscape';
import { lpNorms } from '../../../src/lab/experiments/lp-norms';
import type { Config, DigitData, Experiment, MetricRecord, RunContext } from '../../../src/lab/types';

// Whole runs of a few hundred steps take seconds on the 2-core CI machine.
vi.setConfig({ testTimeout: 60_000 });

let digits: DigitData;
const loadDigits = async () => digits;

beforeAll(async () => {
  // Determinism is promised per backend: make sure these runs are on wasm, not a silent cpu fallback.
  expect((await initBackend('wasm')).backend).toBe('wasm');
  digits = await readDigitsFile();
});

async function collect<C extends Config>(exp: Experiment<C>, config: C, ctx: Partial<RunContext> = {}): Promise<MetricRecord[]> {
  const records: MetricRecord[] = [];
  for await (const r of exp.run(config, { seed: 1, loadDigits, ...ctx })) records.push(r);
  return records;
}

/** A small MLP so that runs of hundreds of steps take a second or two. */
const SMALL_MLP = { hiddenLayers: 3, width: 16, batchSize: 32 };

describe('public contract', () => {
  it.each([
    [bnVsStandard, 'bn-vs-standard', ['standard', 'batchnorm']],
    [noisyBn, 'noisy-bn', ['standard', 'batchnorm', 'noisy-batchnorm', 'standard-noisy']],
    [icsGradients, 'ics-gradients', ['standard', 'batchnorm']],
    [landscape, 'landscape', ['standard', 'batchnorm']],
    [lpNorms, 'lp-norms', ['standard', 'batchnorm', 'l1', 'l2', 'linf']],
  ] as [Experiment, string, string[]][])('%#: id, arms and defaults', (exp, id, arms) => {
    expect(exp.id).toBe(id);
    expect([...exp.arms]).toEqual(arms);
    expect(exp.defaults).toEqual(defaultsOf(exp.schema));
    for (const field of exp.schema) expect(field.label.length).toBeGreaterThan(0);
  });
});

describe('determinism', () => {
  it('same config and seed give identical records (noisy arms included)', async () => {
    const config = { ...noisyBn.defaults, ...SMALL_MLP, steps: 60 };
    const first = await collect(noisyBn, config);
    const second = await collect(noisyBn, config);
    expect(first.length).toBe(240);
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    const third = await collect(noisyBn, config, { seed: 2 });
    expect(JSON.stringify(third)).not.toBe(JSON.stringify(first));
  });

  it('records come arm-interleaved, step by step, and the shared arms match across experiments', async () => {
    const config = { ...bnVsStandard.defaults, ...SMALL_MLP, steps: 20 };
    const records = await collect(bnVsStandard, config);
    expect(records.slice(0, 4).map((r) => [r.arm, r.step])).toEqual([
      ['standard', 0],
      ['batchnorm', 0],
      ['standard', 1],
      ['batchnorm', 1],
    ]);
    // Same init and batch order: the standard arm of noisy-bn traces the same losses.
    const noisy = await collect(noisyBn, { ...noisyBn.defaults, ...SMALL_MLP, lr: config.lr, steps: 20 });
    const losses = (rs: MetricRecord[], arm: string) => rs.filter((r) => r.arm === arm).map((r) => r.metrics.loss);
    expect(losses(noisy, 'standard')).toEqual(losses(records, 'standard'));
    expect(losses(noisy, 'batchnorm')).toEqual(losses(records, 'batchnorm'));
  });
});

describe('noise settings', () => {
  it('n_μ and n_σ reach the noisy arms only', async () => {
    const config = { ...noisyBn.defaults, ...SMALL_MLP, steps: 5 };
    const base = await collect(noisyBn, config);
    const stronger = await collect(noisyBn, { ...config, nMu: 2, nSigma: 3 });
    const losses = (rs: MetricRecord[], arm: string) => rs.filter((r) => r.arm === arm).map((r) => r.metrics.loss);
    for (const arm of ['standard', 'batchnorm']) expect(losses(stronger, arm)).toEqual(losses(base, arm));
    for (const arm of ['noisy-batchnorm', 'standard-noisy']) expect(losses(stronger, arm)).not.toEqual(losses(base, arm));
  });
});

describe('memory', () => {
  it('tf.memory().numTensors stays flat over 500 steps and returns to its start afterwards', async () => {
    const start = tf.memory().numTensors;
    const counts: number[] = [];
    const config = { ...noisyBn.defaults, ...SMALL_MLP, steps: 500, measureEvery: 5 };
    for await (const r of noisyBn.run(config, { seed: 1, loadDigits })) {
      if (r.arm === 'standard-noisy') counts.push(tf.memory().numTensors);
    }
    expect(counts.length).toBe(500);
    expect(new Set(counts.slice(1)).size).toBe(1);
    expect(tf.memory().numTensors).toBe(start);
  });

  it('ICS and landscape measurements leak nothing', async () => {
    const start = tf.memory().numTensors;
    await collect(icsGradients, { ...icsGradients.defaults, steps: 100, measureEvery: 3 });
    await collect(landscape, { ...landscape.defaults, ...SMALL_MLP, steps: 40, measureEvery: 4 });
    await collect(lpNorms, { ...lpNorms.defaults, model: 'dln', lr: 1e-5, steps: 30 });
    expect(tf.memory().numTensors).toBe(start);
  });

  it('a cancelled run (AbortSignal) stops at once and frees everything', async () => {
    const start = tf.memory().numTensors;
    const controller = new AbortController();
    const records = await collectUntil(controller, 50);
    expect(records.length).toBe(50);
    expect(tf.memory().numTensors).toBe(start);
  });

  it('a run the consumer stops iterating frees everything', async () => {
    const start = tf.memory().numTensors;
    let seen = 0;
    for await (const _ of lpNorms.run({ ...lpNorms.defaults, ...SMALL_MLP }, { seed: 1, loadDigits })) {
      if (++seen === 23) break;
    }
    expect(tf.memory().numTensors).toBe(start);
  });
});

async function collectUntil(controller: AbortController, count: number): Promise<MetricRecord[]> {
  const records: MetricRecord[] = [];
  const config = { ...landscape.defaults, ...SMALL_MLP, steps: 1000, measureEvery: 7 };
  for await (const r of landscape.run(config, { seed: 1, loadDigits, signal: controller.signal })) {
    records.push(r);
    // Both arms finish the step in progress; the run ends before the next one.
    if (records.length === count) controller.abort();
  }
  return records;
}

describe('divergence', () => {
  it('a diverging arm ends with diverged = 1 at its step while the other arm goes on', async () => {
    // At lr 1e-4 (10× the default) the plain deep linear network overflows within a few steps;
    // the BatchNorm one keeps training.
    const config = { ...icsGradients.defaults, lr: 1e-4, steps: 100 };
    const records = await collect(icsGradients, config);
    const summary = icsGradients.summarize(records, config);
    expect(summary.standard!.diverged).toBe(true);
    expect(summary.standard!.divergedAt).toBeLessThan(20);
    expect(records.filter((r) => r.arm === 'standard').at(-1)!.metrics).toEqual({ diverged: 1 });
    expect(summary.batchnorm!.diverged).toBe(false);
    expect(records.filter((r) => r.arm === 'batchnorm').length).toBe(100);
    expect(Number.isFinite(summary.batchnorm!.finalLoss)).toBe(true);
  });
});
