/**
 * The theorem check's settings, declared once for the widget's sliders (their range and default). No
 * tfjs here, so the widget imports it statically and loads the math lazily.
 */
import type { NumberField } from '../types';

export const BATCH_SIZE_FIELD: NumberField = {
  key: 'm',
  type: 'number',
  label: 'Batch size m',
  default: 16,
  min: 2,
  max: 128,
  step: 1,
  integer: true,
};

export const GAMMA_FIELD: NumberField = { key: 'gamma', type: 'number', label: 'Scale γ', default: 1, min: 0.1, max: 3, step: 0.05 };

export const SCALE_FIELD: NumberField = { key: 'a', type: 'number', label: 'Weight scale a', default: 2, min: 0.1, max: 10, step: 0.1 };

