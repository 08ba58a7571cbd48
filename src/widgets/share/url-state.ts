/**
 * A widget's state in the page's URL, read and written through its schema (src/lab/schema.ts), so the
 * link a reader copies reproduces the exact run: every setting and the seed.
 *
 * Where: the query string, one parameter per setting, namespaced by the widget's slug
 * (`?noise-injection.lr=0.5&noise-injection.seed=3`). Why the query and not the hash: the hash already
 * belongs to in-page navigation (the table of contents, the skip link, the link to a figure), a static
 * host ignores the query whatever the base path, and an iframe's src carries it unchanged. Why
 * namespaced: two widgets on one page (or a chapter page linking to a figure) never read each other's
 * settings, and parameters of others (`hide`, analytics) pass through untouched.
 *
 * Reading never throws: a value its field rejects, or a key the widget does not have, falls back to
 * the default and is listed, so the widget can say politely what it ignored. A setting the link leaves
 * out (or gives a bad value) takes the presets of the options it chose, as the CLI resolves them
 * (`<slug>.model=convnet` alone is the convnet at its own learning rate and steps).
 */
import { defaultsOf, parseValue, presetsOf } from '../../lab/schema';
import type { Config, ConfigSchema, ConfigValue, NumberField } from '../../lab/types';

/** The seed of a run or a random draw; every shareable widget carries one. */
export const SEED_FIELD: NumberField = {
  key: 'seed',
  label: 'Seed',
  type: 'number',
  default: 1,
  min: 0,
  max: 2 ** 32 - 1,
  integer: true,
};

/** A live figure's pinned runs (run-shelf.ts): one `<slug>.pin` parameter each, read apart from the settings. */
export const PIN_PARAM = 'pin';

/** Embed pages only: `?hide=lr,seed` hides those controls (one widget per page, so not namespaced). */
export const HIDE_PARAM = 'hide';

/** One parameter the widget could not use, and why. */
export interface Ignored {
  key: string;
  text: string;
  reason: string;
}

export interface UrlState {
  /** Every field of the schema: the link's valid values, the defaults elsewhere. */
  values: Config;
  ignored: Ignored[];
  /** Whether the URL says anything to this widget at all. */
  present: boolean;
}

const prefixOf = (slug: string) => `${slug}.`;

/** A value as its parameter text; `String` gives a number's shortest exact form, so it parses back equal. */
export const formatParam = (value: ConfigValue): string => String(value);

export function readState(params: URLSearchParams, slug: string, schema: ConfigSchema): UrlState {
  const defaults: Config = defaultsOf(schema);
  const values: Config = { ...defaults };
  const ignored: Ignored[] = [];
  /** The settings the link gives valid values for: a chosen network's presets fill the others. */
  const kept = new Set<string>();
  let present = false;
  for (const [name, text] of params) {
    if (!name.startsWith(prefixOf(slug))) continue;
    present = true;
    const key = name.slice(prefixOf(slug).length);
    if (key === PIN_PARAM) continue;
    const field = schema.find((f) => f.key === key);
    if (!field) {
      ignored.push({ key, text, reason: 'not a setting of this figure' });
      continue;
    }
    try {
      values[key] = parseValue(field, text);
      kept.add(key);
    } catch (error) {
      values[key] = defaults[key]!;
      ignored.push({ key, text, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  for (const preset of presetsOf(schema, values)) for (const [key, value] of Object.entries(preset)) if (!kept.has(key)) values[key] = value;
  return { values, ignored, present };
}

/** This widget's parameters alone, as text: whether a history entry changed anything for it. */
export function ownParams(params: URLSearchParams, slug: string): string {
  return new URLSearchParams([...params].filter(([name]) => name.startsWith(prefixOf(slug)))).toString();
}

/** `params` with this widget's parameters replaced by `values` (every schema field) and its `pins`, others kept. */
export function writeState(params: URLSearchParams, slug: string, schema: ConfigSchema, values: Config, pins: readonly string[] = []): URLSearchParams {
  const next = new URLSearchParams([...params].filter(([name]) => !name.startsWith(prefixOf(slug))));
  for (const field of schema) {
    const value = values[field.key];
    if (value !== undefined) next.set(prefixOf(slug) + field.key, formatParam(value));
  }
  for (const pin of pins) next.append(prefixOf(slug) + PIN_PARAM, pin);
  return next;
}

/** The texts of this widget's pinned runs in `params`. */
export const readPins = (params: URLSearchParams, slug: string): string[] => params.getAll(prefixOf(slug) + PIN_PARAM);

/**
 * The link to this page that reproduces `values`, pointing at the figure (`#widget-<slug>`). Writing
 * every field, not only those off their defaults, keeps an old link exact if a default changes later.
 */
export function shareLink(pageHref: string, slug: string, schema: ConfigSchema, values: Config, pins: readonly string[] = []): string {
  const url = new URL(pageHref);
  url.search = writeState(url.searchParams, slug, schema, values, pins).toString();
  url.hash = figureAnchor(slug);
  return url.href;
}

/** The id of a widget's figure, the target of its shared links. */
export const figureAnchor = (slug: string): string => `widget-${slug}`;

/** The controls `?hide=` names, split into those the widget has and those it does not. */
export function readHidden(params: URLSearchParams, controls: readonly string[]): { hidden: Set<string>; ignored: Ignored[] } {
  const hidden = new Set<string>();
  const ignored: Ignored[] = [];
  for (const text of params.getAll(HIDE_PARAM)) {
    for (const key of text.split(',').map((k) => k.trim()).filter(Boolean)) {
      if (controls.includes(key)) hidden.add(key);
      else ignored.push({ key: `${HIDE_PARAM}=${key}`, text, reason: `no control “${key}” to hide; the controls are ${controls.join(', ')}` });
    }
  }
  return { hidden, ignored };
}

/** The notice a widget shows for what its link set but it could not use (empty when nothing). */
export function ignoredNotice(ignored: readonly Ignored[]): string {
  if (ignored.length === 0) return '';
  const items = ignored.map((i) => `${i.key} (${i.reason})`).join('; ');
  return `This link sets ${ignored.length === 1 ? 'a value' : 'values'} the figure cannot use, so it keeps its defaults there: ${items}.`;
}
