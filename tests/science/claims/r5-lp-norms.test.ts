/**
 * science.md R5 (paper §3.3): at lr 0.5, ℓ1, ℓ2 and ℓ∞ normalization train about as well as BatchNorm
 * and far better than no normalization. Measured here (wasm, seeds 1/2/3), last-50 loss:
 * std 1.22/1.09/.699, BN .158/.163/.144, ℓ1 .179/.171/.151, ℓ2 .164/.158/.154, ℓ∞ .153/.154/.158.
 * (The paper's "ℓ1 beats BN on the DLN" did not reproduce at browser scale and is not asserted.)
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { lpNorms } from '../../../src/lab/experiments/lp-norms';
import type { ArmSummary } from '../../../src/lab/types';
import { SEEDS, summariesBySeed, value } from './run-seeds';

const RUNS_TIMEOUT_MS = 240_000;
/** How much worse than BatchNorm an ℓp variant may be (science.md R5). */
const LP_SLACK = 0.1;
let runs: Map<number, Record<string, ArmSummary>>;

beforeAll(async () => {
  runs = await summariesBySeed(lpNorms, { ...lpNorms.defaults, model: 'mlp', lr: 0.5 });
}, RUNS_TIMEOUT_MS);

describe.each(SEEDS)('R5 at lr 0.5, seed %i', (seed) => {
  const loss = (arm: string) => value(runs.get(seed)!, arm, 'finalLoss');

  it.each(['l1', 'l2', 'linf'])('%s: loss < 0.4 × standard and < BatchNorm + 0.1', (arm) => {
    expect(loss(arm)).toBeLessThan(0.4 * loss('standard'));
    expect(loss(arm)).toBeLessThan(loss('batchnorm') + LP_SLACK);
  });
});
