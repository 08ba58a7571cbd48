/**
 * What the SpectralNorm figure starts from and what its links carry: the matrix M by its four entries
 * (each column is where M sends a basis vector) and the small network's seed. Kept out of the
 * component (no DOM) so the share tests can round-trip the state like every other widget's.
 */
import type { ConfigSchema, NumberField } from '../../lab/types';
import { SEED_FIELD } from '../share/url-state';
import type { Mat2 } from '../../lab/spectral/matrix2';

/** Handles stay inside the plot: every entry of M lies in [−HANDLE_LIMIT, HANDLE_LIMIT]. */
export const HANDLE_LIMIT = 2.4;
export const FIRST_MATRIX: Mat2 = { col1: [1.5, 0.5], col2: [-0.4, 0.8] };
export const FIRST_SEED = 1;

const entry = (key: string, label: string, value: number): NumberField => ({
  key,
  label,
  type: 'number',
  default: value,
  min: -HANDLE_LIMIT,
  max: HANDLE_LIMIT,
});

export const SPECTRAL_SHARE_FIELDS: ConfigSchema = [
  entry('m11', 'M e₁, x', FIRST_MATRIX.col1[0]),
  entry('m21', 'M e₁, y', FIRST_MATRIX.col1[1]),
  entry('m12', 'M e₂, x', FIRST_MATRIX.col2[0]),
  entry('m22', 'M e₂, y', FIRST_MATRIX.col2[1]),
  SEED_FIELD,
];
