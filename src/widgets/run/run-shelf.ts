/**
 * The run shelf's words and links, pure: a pinned run is its settings and seed (the rest of a figure's
 * state) with a label, and goes into a link as one `<slug>.pin` parameter per run, holding only what
 * differs from the experiment's defaults (`lr:0.1,seed:2,label:slow%20rate`), so a link stays short and a
 * default that changes later changes the pin with the figure. Reading never throws: a malformed pin is
 * left out and named, for the figure's notice (url-state.ts's Ignored).
 */
import { parseValue } from '../../lab/schema';
import type { Config, ConfigSchema, ConfigValue } from '../../lab/types';
import { formatParam, PIN_PARAM, type Ignored } from '../share/url-state';

/** Most runs a figure keeps pinned: more faint lines than this stop reading as context. */
export const MAX_PINS = 3;
/** A label longer than this is cut: it is drawn beside the charts. */
const MAX_LABEL = 40;

export interface PinSpec {
  /** Every field of the figure's link schema (its settings and `seed`). */
  state: Config;
  label: string;
}

/** The letter a pinned run is drawn and listed with: A, B, C. */
export const pinLetter = (index: number): string => String.fromCharCode(65 + index);

/** The fields (settings and seed) where `state` differs from `other`, in schema order. */
export function differingKeys(schema: ConfigSchema, state: Config, other: Config): string[] {
  return schema.filter((f) => f.key !== 'steps' && state[f.key] !== other[f.key]).map((f) => f.key);
}

/** "lr 0.1, seed 2": the named fields of `state`, by key (the links' names, short enough for a label). */
export function describeSettings(state: Config, keys: readonly string[]): string {
  return keys.map((k) => `${k} ${formatParam(state[k]!)}`).join(', ');
}

/** A pinned run's label by default: what differs from the defaults, or that it is the defaults. */
export function defaultLabel(schema: ConfigSchema, state: Config, defaults: Config): string {
  const keys = differingKeys(schema, state, defaults);
  return keys.length === 0 ? 'default settings' : describeSettings(state, keys);
}

/** A label as the shelf keeps it: one line, trimmed, at most MAX_LABEL characters. */
export const cleanLabel = (text: string): string => text.replace(/\s+/g, ' ').trim().slice(0, MAX_LABEL);

/** One pin as its parameter text. */
export function encodePin(schema: ConfigSchema, pin: PinSpec, defaults: Config): string {
  const keys = schema.filter((f) => f.key === 'seed' || pin.state[f.key] !== defaults[f.key]).map((f) => f.key);
  const label = pin.label === defaultLabel(schema, pin.state, defaults) ? [] : [`label:${encodeURIComponent(pin.label)}`];
  return [...keys.map((k) => `${k}:${formatParam(pin.state[k]!)}`), ...label].join(',');
}

/** The pins a link holds (at most MAX_PINS), and what could not be read. */
export function decodePins(schema: ConfigSchema, texts: readonly string[], defaults: Config): { pins: PinSpec[]; ignored: Ignored[] } {
  const pins: PinSpec[] = [];
  const ignored: Ignored[] = [];
  for (const text of texts) {
    const key = PIN_PARAM;
    if (pins.length === MAX_PINS) {
      ignored.push({ key, text, reason: `pinned run left out: a figure keeps at most ${MAX_PINS}` });
      continue;
    }
    const read = decodePin(schema, text, defaults);
    if (typeof read === 'string') ignored.push({ key, text, reason: `pinned run left out: ${read}` });
    else pins.push(read);
  }
  return { pins, ignored };
}

/** One pin, or why it cannot be read. */
function decodePin(schema: ConfigSchema, text: string, defaults: Config): PinSpec | string {
  const state: Config = { ...defaults };
  let label: string | undefined;
  if (text.trim() === '') return 'an empty pinned run';
  for (const part of text.split(',')) {
    const colon = part.indexOf(':');
    if (colon < 1) return `“${part}” is not key:value`;
    const [key, value] = [part.slice(0, colon), part.slice(colon + 1)];
    if (key === 'label') {
      try {
        label = cleanLabel(decodeURIComponent(value));
      } catch {
        return 'its label is not valid percent-encoding';
      }
      continue;
    }
    const field = schema.find((f) => f.key === key);
    if (!field) return `“${key}” is not a setting of this figure`;
    try {
      state[key] = parseValue(field, value) as ConfigValue;
    } catch (error) {
      return `${key}: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
  return { state, label: label || defaultLabel(schema, state, defaults) };
}
