/** The public arm ids and what each one means for the network (normalization, Algorithm 1 noise). */
import type { NormKind } from '../norms/normalization';
import { ALGORITHM_1, type NoiseSpec } from '../norms/noise';

export type ArmId = 'standard' | 'batchnorm' | 'noisy-batchnorm' | 'standard-noisy' | 'l1' | 'l2' | 'linf';

export const ARM_SETUPS: Readonly<Record<ArmId, { norm: NormKind; noise?: NoiseSpec }>> = {
  standard: { norm: 'none' },
  batchnorm: { norm: 'batchnorm' },
  'noisy-batchnorm': { norm: 'batchnorm', noise: ALGORITHM_1 },
  'standard-noisy': { norm: 'none', noise: ALGORITHM_1 },
  l1: { norm: 'l1' },
  l2: { norm: 'l2' },
  linf: { norm: 'linf' },
};
