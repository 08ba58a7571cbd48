/**
 * science.md R3 (paper Def. 2.1, Fig. 3) on the 10-layer DLN (lr 1e-5, 400 steps, layer 9, every
 * 20 steps). Measured here (wasm), seeds 1/2/3:
 *   final loss     std 2508/1856/1733   BN 817/709/1427
 *   median cos     std .9995/−.19/−.34   BN −.96/−.94/−.94
 *   median ‖G−G′‖  std 14/700/1169      BN 3838/4027/2692
 * science.md's thresholds (loss_BN < 0.5·loss_std, cos_std > 0.9, ICS_BN > 10·ICS_std) were measured
 * on seed 1 only; they hold on seed 1 here too. On seeds 2 and 3 the plain DLN reaches the edge of
 * stability at lr 1e-5 after ~140 steps (its own G and G′ turn anti-aligned) and BN's loss lead on
 * seed 3 is 18%, not 2×. What holds on all three seeds, and is asserted for them: BatchNorm ends at a
 * lower loss, its G and G′ point in opposite directions (median cosine < −0.5, below the plain
 * net's), and its ICS is larger than the plain net's — ICS is not reduced by BatchNorm.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { icsGradients } from '../../../src/lab/experiments/ics-gradients';
import type { ArmSummary } from '../../../src/lab/types';
import { SEEDS, summariesBySeed, value } from './run-seeds';

const RUNS_TIMEOUT_MS = 240_000;
/** The seed science.md measured its R3 thresholds on. */
const MEASURED_SEED = 1;
let runs: Map<number, Record<string, ArmSummary>>;

beforeAll(async () => {
  runs = await summariesBySeed(icsGradients, icsGradients.defaults);
}, RUNS_TIMEOUT_MS);

describe(`R3 with science.md's thresholds, seed ${MEASURED_SEED}`, () => {
  const get = (arm: string, key: keyof ArmSummary) => value(runs.get(MEASURED_SEED)!, arm, key);

  it('loss_BN < 0.5 × loss_std', () => {
    expect(get('batchnorm', 'finalLoss')).toBeLessThan(0.5 * get('standard', 'finalLoss'));
  });

  it('the plain net has almost no ICS: median cos(G, G′) > 0.9', () => {
    expect(get('standard', 'icsCosMedian')).toBeGreaterThan(0.9);
  });

  it('BatchNorm raises ICS: median ‖G − G′‖ > 10 × the plain net’s', () => {
    expect(get('batchnorm', 'icsL2Median')).toBeGreaterThan(10 * get('standard', 'icsL2Median'));
  });
});

describe.each(SEEDS)('R3 on every seed, seed %i', (seed) => {
  const get = (arm: string, key: keyof ArmSummary) => value(runs.get(seed)!, arm, key);

  it('BatchNorm ends at a lower loss', () => {
    expect(get('batchnorm', 'finalLoss')).toBeLessThan(get('standard', 'finalLoss'));
  });

  it('with BatchNorm, G and G′ point apart (median cosine < −0.5, below the plain net’s)', () => {
    expect(get('batchnorm', 'icsCosMedian')).toBeLessThan(-0.5);
    expect(get('batchnorm', 'icsCosMedian')).toBeLessThan(get('standard', 'icsCosMedian'));
  });

  it('BatchNorm does not reduce ICS: median ‖G − G′‖ larger than the plain net’s', () => {
    expect(get('batchnorm', 'icsL2Median')).toBeGreaterThan(get('standard', 'icsL2Median'));
  });
});
