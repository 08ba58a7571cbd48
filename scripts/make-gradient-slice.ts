/**
 * Writes src/traces/gradient-slice.json, the "real network" curves of the Lipschitz-ratio figure:
 * the loss of the landscape experiment's two MLPs along their own gradient direction at SLICE_PLAN's
 * step and seed (src/lab/lipschitz/gradient-slice.ts). Re-run it when the landscape defaults or the
 * plan change; tests/science/lipschitz/slice-freshness.test.ts says when:
 *   tsx --import ./scripts/tfjs-esm.mjs scripts/make-gradient-slice.ts
 */
import { writeFile } from 'node:fs/promises';
import { initBackend } from '../src/lab/tf';
import { readDigitsFile } from '../src/lab/data/digits-file';
import { landscape } from '../src/lab/experiments/landscape';
import { gradientSlices } from '../src/lab/lipschitz/gradient-slice';
import { ENGINE_FINGERPRINT } from '../src/lab/engine-fingerprint';
import { SLICE_PLAN, SLICE_SEED, sliceHash, type SliceFile } from '../src/lab/lipschitz/slice-file';

const OUT = 'src/traces/gradient-slice.json';
/** float32 losses carry ~7 digits; 6 keep the file small and the ratios exact to the shown precision. */
const SIGNIFICANT = 6;
const round = (v: number) => Number(v.toPrecision(SIGNIFICANT));

const { backend } = await initBackend('wasm');
const arms = await gradientSlices(landscape.defaults, SLICE_PLAN, { seed: SLICE_SEED, loadDigits: () => readDigitsFile() });
const file: SliceFile = {
  experiment: 'landscape',
  seed: SLICE_SEED,
  backend,
  configHash: sliceHash(landscape.defaults),
  engine: ENGINE_FINGERPRINT,
  plan: SLICE_PLAN,
  arms: arms.map((a) => ({ ...a, gradNorm: round(a.gradNorm), values: a.values.map(round), slopes: a.slopes.map(round) })),
};
await writeFile(OUT, `${JSON.stringify(file)}\n`);
console.log(`wrote ${OUT}: ${arms.map((a) => `${a.arm} ‖g‖ = ${a.gradNorm.toFixed(3)}`).join(', ')}`);
