/**
 * The BatchNorm explorer's configuration, declared once: the widget builds its sliders from
 * EXPLORER_FIELDS and the math clamps its inputs to them, so the two never disagree on ranges or
 * defaults. No tfjs here (type-only imports), so the widget imports it statically and loads the
 * math lazily.
 */
import type { NumberField } from '../types';

/** Earlier training batches behind the running statistics: enough that their start value (0, 1) has faded (0.9⁵⁰ ≈ 0.005). */
export const HISTORY_BATCHES = 50;

export type ExplorerKey = 'gamma' | 'beta' | 'batchSize' | 'shift' | 'scale';

export interface ExplorerField extends NumberField {
  key: ExplorerKey;
}

export const EXPLORER_FIELDS: readonly ExplorerField[] = [
  { key: 'shift', type: 'number', label: 'Input shift (population mean)', default: 3, min: -5, max: 5, step: 0.1 },
  { key: 'scale', type: 'number', label: 'Input scale (population std)', default: 2, min: 0.2, max: 4, step: 0.1 },
  { key: 'batchSize', type: 'number', label: 'Batch size m', default: 16, min: 2, max: 128, step: 1, integer: true },
  { key: 'gamma', type: 'number', label: 'Scale γ', default: 1, min: 0, max: 3, step: 0.05 },
  { key: 'beta', type: 'number', label: 'Shift β', default: 0, min: -3, max: 3, step: 0.1 },
];

export type ExplorerSettings = Record<ExplorerKey, number>;

export const EXPLORER_DEFAULTS: ExplorerSettings = Object.fromEntries(
  EXPLORER_FIELDS.map((f) => [f.key, f.default]),
) as ExplorerSettings;
