/**
 * The committed network slices (src/traces/gradient-slice.json): what `scripts/make-gradient-slice.ts`
 * writes and the Lipschitz-ratio figure reads. tfjs-free, so the page can import it. The file stores a
 * configHash of the landscape experiment's defaults plus the slice plan; a unit test recomputes it, so a
 * change of either makes the committed slice fail CI until it is regenerated.
 */
import type { Config } from '../types';
import { configHash } from '../schema';
import { LANDSCAPE_SCHEMA } from '../experiments/landscape-schema';
import type { ArmSlice, SlicePlan } from './gradient-slice';

/** Step 20 is the landscape experiment's first probe after the start; 2.5 parameter units reach past
 *  the loss minimum along −g for both nets at the default seed. */
export const SLICE_PLAN: SlicePlan = { atStep: 20, maxDistance: 2.5, points: 101 };
export const SLICE_SEED = 1;

export interface SliceFile {
  experiment: 'landscape';
  seed: number;
  backend: string;
  configHash: string;
  /** ENGINE_FINGERPRINT of the engine that made it (src/lab/engine-fingerprint.ts). */
  engine: string;
  plan: SlicePlan;
  arms: ArmSlice[];
}

export function sliceHash(landscapeDefaults: Config, plan: SlicePlan = SLICE_PLAN): string {
  return configHash({ ...landscapeDefaults, sliceAtStep: plan.atStep, sliceMaxDistance: plan.maxDistance, slicePoints: plan.points }, LANDSCAPE_SCHEMA);
}
