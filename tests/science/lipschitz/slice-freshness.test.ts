/**
 * The committed network slice (src/traces/gradient-slice.json) is what the lab computes now: a few
 * recomputed samples agree (its config hash and engine fingerprint are checked by the unit project,
 * tests/unit/traces/trace-freshness.test.ts). What it shows: along its gradient the plain net's loss
 * climbs far higher than BatchNorm's.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../../src/lab/tf';
import { readDigitsFile } from '../../../src/lab/data/digits-file';
import { landscape } from '../../../src/lab/experiments/landscape';
import { gradientSlices, type ArmSlice } from '../../../src/lab/lipschitz/gradient-slice';
import { SLICE_PLAN, SLICE_SEED, type SliceFile } from '../../../src/lab/lipschitz/slice-file';
import { largestOnGrid, sampledCurve } from '../../../src/lab/lipschitz/curves';
import stored from '../../../src/traces/gradient-slice.json';

const file = stored as SliceFile;
const STALE = 'stale: run `tsx --import ./scripts/tfjs-esm.mjs scripts/make-gradient-slice.ts` (or npm run regenerate)';
let fresh: ArmSlice[];

beforeAll(async () => {
  await initBackend(file.backend === 'wasm' ? 'wasm' : 'cpu');
  // A coarse recomputation (every 25th sample) keeps the test fast; same grid points as the file.
  const coarse = { ...SLICE_PLAN, points: (SLICE_PLAN.points - 1) / 25 + 1 };
  fresh = await gradientSlices(landscape.defaults, coarse, { seed: SLICE_SEED, loadDigits: () => readDigitsFile() });
}, 120_000);

describe('gradient slice', () => {
  it('holds the numbers the lab computes now', () => {
    for (const arm of fresh) {
      const saved = file.arms.find((a) => a.arm === arm.arm)!;
      expect(saved.gradNorm, STALE).toBeCloseTo(arm.gradNorm, 3);
      arm.values.forEach((v, k) => expect(saved.values[k * 25], STALE).toBeCloseTo(v, 3));
      arm.slopes.forEach((s, k) => expect(Math.abs(saved.slopes[k * 25]! - s), STALE).toBeLessThan(1e-3 * Math.max(1, Math.abs(s))));
    }
  });

  it('starts downhill at the gradient norm, and the plain net’s loss varies far more along it', () => {
    const meta = { description: '', xLabel: '', yLabel: '' };
    const [std, bn] = ['standard', 'batchnorm'].map((id) => file.arms.find((a) => a.arm === id)!);
    for (const arm of [std!, bn!]) expect(arm.slopes[0]).toBeCloseTo(-arm.gradNorm, 4);
    const range = (a: ArmSlice) => Math.max(...a.values) - Math.min(...a.values);
    expect(range(bn!)).toBeLessThan(0.2 * range(std!));
    const L = (a: ArmSlice) => largestOnGrid(sampledCurve({ id: a.arm, label: a.arm, ...meta }, a)).L;
    expect(L(bn!)).toBeLessThan(0.5 * L(std!));
  });
});
