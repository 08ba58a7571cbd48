/**
 * How a schema field becomes a native control and how typed text becomes a valid setting. Pure; the
 * schema's own checkValue decides validity, so the widgets, the CLI and the worker agree.
 *
 * A log-scale number (the learning rate) slides over the 1–2–5 values of each decade, so the arrow
 * keys move between round numbers across seven decades.
 */
import { checkValue } from '../../lab/schema';
import type { ConfigValue, Field, NumberField } from '../../lab/types';

const MANTISSAS = [1, 2, 5];

/** 1, 2, 5 × 10^k from min to max, with min and max themselves as the ends. */
export function niceLogValues(min: number, max: number): number[] {
  const values = [min];
  for (let k = Math.floor(Math.log10(min)); k <= Math.ceil(Math.log10(max)); k++) {
    for (const m of MANTISSAS) {
      const v = Number((m * 10 ** k).toPrecision(1));
      if (v > min && v < max) values.push(v);
    }
  }
  values.push(max);
  return values;
}

export interface SliderSpec {
  min: number;
  max: number;
  step: number;
  /** Slider position for a setting value. */
  toPosition: (value: number) => number;
  /** Setting value at a slider position. */
  fromPosition: (position: number) => number;
}

export function sliderSpec(field: NumberField): SliderSpec {
  if (field.scale === 'log') {
    const values = niceLogValues(field.min, field.max);
    return {
      min: 0,
      max: values.length - 1,
      step: 1,
      toPosition: (value) => nearestLogIndex(values, value),
      fromPosition: (position) => values[Math.round(position)]!,
    };
  }
  const step = field.step ?? (field.integer ? 1 : (field.max - field.min) / 100);
  return { min: field.min, max: field.max, step, toPosition: (v) => v, fromPosition: (p) => p };
}

function nearestLogIndex(values: readonly number[], value: number): number {
  let best = 0;
  values.forEach((v, i) => {
    if (Math.abs(Math.log(v / value)) < Math.abs(Math.log(values[best]! / value))) best = i;
  });
  return best;
}

export type Parsed = { ok: true; value: ConfigValue } | { ok: false; message: string };

/** Typed text → a valid value for the field, or a message that names the setting by its label. */
export function parseSetting(field: Field, text: string): Parsed {
  const value: ConfigValue =
    field.type === 'number' ? (text.trim() === '' ? Number.NaN : Number(text)) : field.type === 'boolean' ? text === 'true' : text;
  const problem = checkValue(field, value);
  if (!problem) return { ok: true, value };
  const readable = problem.startsWith(field.key) ? `${field.label}${problem.slice(field.key.length)}` : problem;
  return { ok: false, message: `${readable}.` };
}

/** A number as the exact-value box shows it: plain digits, or 1e-7 style when tiny. */
export function formatSetting(value: number): string {
  return String(Number(value.toPrecision(6)));
}
