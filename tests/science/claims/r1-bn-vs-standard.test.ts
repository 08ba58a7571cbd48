/**
 * science.md R1 (paper Fig. 1): the 6×64 MLP trains to a much lower loss with BatchNorm, at lr 0.1
 * and more so at lr 0.5, and BatchNorm's result hardly depends on the learning rate.
 * Measured here on the wasm backend (seeds 1/2/3), last-50 loss: lr 0.1 std .305/.306/.356,
 * BN .132/.132/.137; lr 0.5 std 1.22/1.09/.699, BN .158/.163/.144.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { bnVsStandard } from '../../../src/lab/experiments/bn-vs-standard';
import type { ArmSummary } from '../../../src/lab/types';
import { SEEDS, summariesBySeed, value } from './run-seeds';

const RUNS_TIMEOUT_MS = 240_000;
let at01: Map<number, Record<string, ArmSummary>>;
let at05: Map<number, Record<string, ArmSummary>>;

beforeAll(async () => {
  at01 = await summariesBySeed(bnVsStandard, { ...bnVsStandard.defaults, lr: 0.1 });
  at05 = await summariesBySeed(bnVsStandard, { ...bnVsStandard.defaults, lr: 0.5 });
}, RUNS_TIMEOUT_MS);

describe.each(SEEDS)('R1, seed %i', (seed) => {
  it('lr 0.1: BatchNorm loss < 0.6 × standard', () => {
    const s = at01.get(seed)!;
    expect(value(s, 'batchnorm', 'finalLoss')).toBeLessThan(0.6 * value(s, 'standard', 'finalLoss'));
  });

  it('lr 0.5: BatchNorm loss < 0.4 × standard', () => {
    const s = at05.get(seed)!;
    expect(value(s, 'batchnorm', 'finalLoss')).toBeLessThan(0.4 * value(s, 'standard', 'finalLoss'));
  });

  it('BatchNorm at lr 0.5 is within ±0.05 of BatchNorm at lr 0.1', () => {
    const diff = value(at05.get(seed)!, 'batchnorm', 'finalLoss') - value(at01.get(seed)!, 'batchnorm', 'finalLoss');
    expect(Math.abs(diff)).toBeLessThan(0.05);
  });

  it('no arm diverges', () => {
    for (const runs of [at01, at05]) for (const arm of bnVsStandard.arms) expect(runs.get(seed)![arm]!.diverged).toBe(false);
  });
});
