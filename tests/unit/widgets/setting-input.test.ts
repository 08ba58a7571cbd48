/** Schema fields → controls: the log slider's round values and the validation of typed values. */
import { describe, expect, it } from 'vitest';
import { formatSetting, niceLogValues, parseSetting, sliderSpec } from '../../../src/widgets/controls/setting-input';
import { NOISY_BN_SCHEMA } from '../../../src/lab/experiments/noisy-bn-schema';
import { fieldOf } from '../../../src/lab/schema';
import type { ChoiceField, NumberField } from '../../../src/lab/types';

const lr = fieldOf(NOISY_BN_SCHEMA, 'lr') as NumberField;
const depth = fieldOf(NOISY_BN_SCHEMA, 'hiddenLayers') as NumberField;
const activation = fieldOf(NOISY_BN_SCHEMA, 'activation') as ChoiceField;

describe('the log slider', () => {
  it('steps through 1, 2, 5 per decade between the field’s bounds', () => {
    expect(niceLogValues(1e-3, 1)).toEqual([0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1]);
    expect(niceLogValues(3e-3, 0.3)).toEqual([0.003, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3]);
  });

  it('maps the learning rate to a position and back', () => {
    const spec = sliderSpec(lr);
    expect(spec.fromPosition(spec.toPosition(0.5))).toBe(0.5);
    expect(spec.fromPosition(spec.toPosition(0.5) + 1)).toBe(1);
    expect(spec.fromPosition(spec.min)).toBe(lr.min);
    expect(spec.fromPosition(spec.max)).toBe(lr.max);
    // An off-grid value sits at the nearest round one.
    expect(spec.fromPosition(spec.toPosition(0.45))).toBe(0.5);
  });

  it('is the identity with whole steps for an integer field', () => {
    expect(sliderSpec(depth)).toMatchObject({ min: depth.min, max: depth.max, step: 1 });
  });
});

describe('parseSetting', () => {
  it('accepts valid text as a number', () => {
    expect(parseSetting(lr, '0.05')).toEqual({ ok: true, value: 0.05 });
    expect(parseSetting(lr, '1e-3')).toEqual({ ok: true, value: 0.001 });
  });

  it('names the setting by its label in every complaint', () => {
    expect(parseSetting(lr, 'fast')).toEqual({ ok: false, message: 'Learning rate must be a number.' });
    expect(parseSetting(lr, '')).toEqual({ ok: false, message: 'Learning rate must be a number.' });
    expect(parseSetting(lr, '9')).toEqual({ ok: false, message: `Learning rate must be between ${lr.min} and ${lr.max} (got 9).` });
    expect(parseSetting(depth, '2.5')).toEqual({ ok: false, message: 'Hidden layers must be a whole number.' });
  });

  it('checks choices against their options', () => {
    expect(parseSetting(activation, 'tanh')).toEqual({ ok: true, value: 'tanh' });
    expect(parseSetting(activation, 'gelu')).toMatchObject({ ok: false, message: expect.stringMatching(/^Activation must be one of relu, tanh, linear/) });
  });

  it('formats numbers for the exact-value box without float noise', () => {
    expect(formatSetting(0.1 + 0.2)).toBe('0.3');
    expect(formatSetting(1e-7)).toBe('1e-7');
  });
});
