/**
 * One declarative schema per experiment drives its defaults, validation, CLI flags, URL state and
 * captions (one description of a setting, read everywhere). These helpers are the only place
 * that reads a schema, so every consumer agrees on what a valid config is.
 */
import type { Config, ConfigSchema, ConfigValue, Field, NumberField } from './types';

/** The schema's defaults as a config object. */
export function defaultsOf<C extends Config>(schema: ConfigSchema): C {
  return Object.fromEntries(schema.map((f) => [f.key, f.default])) as C;
}

/** A readable complaint about one value, or null when it is valid for its field. */
export function checkValue(field: Field, value: unknown): string | null {
  switch (field.type) {
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return `${field.key} must be a number`;
      if (field.integer && !Number.isInteger(value)) return `${field.key} must be a whole number`;
      if (value < field.min || value > field.max) {
        return `${field.key} must be between ${field.min} and ${field.max} (got ${value})`;
      }
      return null;
    }
    case 'choice':
      return field.options.some((o) => o.value === value)
        ? null
        : `${field.key} must be one of ${field.options.map((o) => o.value).join(', ')} (got ${String(value)})`;
    case 'boolean':
      return typeof value === 'boolean' ? null : `${field.key} must be true or false`;
  }
}

/** Parses one textual value (CLI `--set key=value`, URL parameter) for its field; throws a readable Error. */
export function parseValue(field: Field, text: string): ConfigValue {
  let value: ConfigValue;
  if (field.type === 'number') {
    value = text.trim() === '' ? Number.NaN : Number(text);
  } else if (field.type === 'boolean') {
    if (text !== 'true' && text !== 'false') throw new Error(`${field.key} must be true or false (got "${text}")`);
    value = text === 'true';
  } else {
    value = text;
  }
  const problem = checkValue(field, value);
  if (problem) throw new Error(problem);
  return value;
}

/** A number brought into its field's range (and to a whole number where required); the default if not finite. */
export function clampSetting(field: NumberField, value: number): number {
  const v = Math.min(field.max, Math.max(field.min, Number.isFinite(value) ? value : field.default));
  return field.integer ? Math.round(v) : v;
}

/** Field lookup by key with a readable error listing the valid keys. */
export function fieldOf(schema: ConfigSchema, key: string): Field {
  const field = schema.find((f) => f.key === key);
  if (!field) throw new Error(`unknown setting "${key}"; valid settings: ${schema.map((f) => f.key).join(', ')}`);
  return field;
}

/**
 * Defaults overlaid with the presets of the chosen options (a network's own learning rate, …), then with
 * `overrides`; every key known and every value valid, else a readable Error.
 */
export function resolveConfig<C extends Config>(schema: ConfigSchema, overrides: Partial<Config> = {}): C {
  const config: Config = defaultsOf(schema);
  const set = (key: string, value: unknown) => {
    const field = fieldOf(schema, key);
    const problem = checkValue(field, value);
    if (problem) throw new Error(problem);
    config[key] = value as ConfigValue;
  };
  for (const [key, value] of Object.entries(overrides)) set(key, value);
  for (const preset of presetsOf(schema, config)) for (const [key, value] of Object.entries(preset)) if (!(key in overrides)) set(key, value);
  return config as C;
}

/** The presets of the options a config chooses, in schema order. */
export function presetsOf(schema: ConfigSchema, config: Config): Readonly<Record<string, ConfigValue>>[] {
  const presets: Readonly<Record<string, ConfigValue>>[] = [];
  for (const f of schema) {
    const chosen = f.type === 'choice' ? f.options.find((o) => o.value === config[f.key]) : undefined;
    if (chosen?.presets) presets.push(chosen.presets);
  }
  return presets;
}

/**
 * A short stable hash of a config (FNV-1a over canonical JSON with sorted keys). Committed traces
 * and reports store it, and a test recomputes it from the experiment's current defaults, so a stale
 * precomputed figure fails CI. Settings that do not apply to the config (`hashedOnlyWhen`) are left out.
 */
export function configHash(config: Config, schema: ConfigSchema): string {
  const applies = (key: string) => {
    const when = schema.find((f) => f.key === key)?.hashedOnlyWhen;
    return !when || when.values.includes(String(config[when.key]));
  };
  const keys = Object.keys(config).filter(applies).sort();
  return fnv1a(JSON.stringify(keys.map((k) => [k, config[k]])));
}

/** FNV-1a over a string, as 8 hex digits: short, stable and dependency-free (not cryptographic). */
export function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * The schema with choice `key` offering only `values`: a figure that draws some of the experiment's
 * networks gives this to its run, so its control, its links and its URL state all refuse the others
 * (a link naming one falls back to the default with a notice, instead of breaking the figure).
 */
export function narrowSchema(schema: ConfigSchema, key: string, values: readonly string[]): ConfigSchema {
  return schema.map((field) => {
    if (field.key !== key) return field;
    if (field.type !== 'choice') throw new Error(`${key} is not a choice`);
    return { ...field, options: field.options.filter((o) => values.includes(o.value)) };
  });
}
