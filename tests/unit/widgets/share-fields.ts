/** Every widget's link fields and malformed values for them, shared by the unit and browser tests of URL state. */
import { getExperiment } from '../../../src/lab/experiments/registry';
import type { ConfigSchema, Field } from '../../../src/lab/types';
import { WIDGETS } from '../../../src/widgets/catalog';
import { SPECTRAL_SHARE_FIELDS } from '../../../src/widgets/spectral/share-fields';
import { EXPLORER_SHARE_FIELDS, LIPSCHITZ_SHARE_FIELDS, THEOREM_SHARE_FIELDS, liveFields } from '../../../src/widgets/share/widget-fields';

/** The figures that compute on the page declare their link fields themselves. */
const PAGE_FIGURE_FIELDS: Record<string, ConfigSchema> = {
  'batchnorm-explorer': EXPLORER_SHARE_FIELDS,
  'lipschitz-ratio': LIPSCHITZ_SHARE_FIELDS,
  'theorem-check': THEOREM_SHARE_FIELDS,
  'spectral-norm': SPECTRAL_SHARE_FIELDS,
};

/** Every widget in the catalog with the fields its links carry: a live figure's, its experiment's settings and the seed. */
export const FIELDS: Record<string, ConfigSchema> = Object.fromEntries(
  WIDGETS.map((w) => {
    const fields = w.experiment ? liveFields(getExperiment(w.experiment).schema) : PAGE_FIGURE_FIELDS[w.slug];
    if (!fields) throw new Error(`${w.slug} computes on the page: add its link fields to tests/unit/widgets/share-fields.ts`);
    return [w.slug, fields];
  }),
);

/** A small seeded generator (mulberry32), so the random sweeps are the same on every run. */
export function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A text no field of this kind accepts. */
export function malformed(field: Field, r: () => number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  switch (field.type) {
    case 'number':
      return pick([
        '',
        'abc',
        'NaN',
        'Infinity',
        '1e400',
        String(field.max + 1 + r()),
        String(field.min - 1 - r()),
        '0.5.1',
        '%',
        '<script>',
        ...(field.integer ? [String(field.min + 0.5)] : []),
      ]);
    case 'choice':
      return pick(['', 'nope', field.default.toUpperCase(), ' ' + field.default, '{}']);
    case 'boolean':
      return pick(['', 'yes', '1', 'TRUE']);
  }
}

/** A random link state for one widget: some fields malformed, some unknown keys; returns the keys to be ignored. */
export function malformedParams(slug: string, r: () => number): { params: URLSearchParams; bad: string[] } {
  const params = new URLSearchParams();
  const bad: string[] = [];
  for (const field of FIELDS[slug]!) {
    if (r() < 0.4) {
      params.set(`${slug}.${field.key}`, malformed(field, r));
      bad.push(field.key);
    }
  }
  if (bad.length === 0 || r() < 0.3) {
    params.set(`${slug}.unknownSetting`, 'x');
    bad.push('unknownSetting');
  }
  return { params, bad };
}
