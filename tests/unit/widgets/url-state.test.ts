/** Widget state in links: every widget's fields round-trip exactly, and malformed links fall back politely. */
import { describe, expect, it } from 'vitest';
import { defaultsOf, presetsOf } from '../../../src/lab/schema';
import type { Config, Field } from '../../../src/lab/types';
import { WIDGETS } from '../../../src/widgets/catalog';
import { ignoredNotice, ownParams, readHidden, readState, shareLink, writeState } from '../../../src/widgets/share/url-state';
import { FIELDS, malformed, rng } from './share-fields';

/** A valid value of the field other than its default, awkward to print (many digits, extremes). */
function otherValue(field: Field, r: () => number): Config[string] {
  switch (field.type) {
    case 'number': {
      if (field.integer) return Math.min(field.max, Math.max(field.min, field.default === field.max ? field.min : field.max - Math.floor(r() * 3)));
      const v = field.min + (field.max - field.min) * r();
      return v === field.default ? field.min : v;
    }
    case 'choice':
      return field.options.find((o) => o.value !== field.default)?.value ?? field.default;
    case 'boolean':
      return !field.default;
  }
}

describe('the catalog and the fields', () => {
  it('every catalog widget has its link fields, and every field has a distinct key', () => {
    expect(Object.keys(FIELDS).sort()).toEqual(WIDGETS.map((w) => w.slug).sort());
    for (const fields of Object.values(FIELDS)) expect(new Set(fields.map((f) => f.key)).size).toBe(fields.length);
  });
});

describe.each(Object.entries(FIELDS))('%s', (slug, fields) => {
  it('round-trips its defaults and a state with every field changed, exactly', () => {
    const r = rng(7);
    for (const state of [defaultsOf(fields), Object.fromEntries(fields.map((f) => [f.key, otherValue(f, r)]))]) {
      const link = shareLink(`https://example.org/bn-course/chapters/x/?other=1#top`, slug, fields, state);
      const url = new URL(link);
      expect(url.pathname).toBe('/bn-course/chapters/x/');
      expect(url.searchParams.get('other')).toBe('1');
      expect(url.hash).toBe(`#widget-${slug}`);
      const back = readState(url.searchParams, slug, fields);
      expect(back).toEqual({ values: state, ignored: [], present: true });
    }
  });

  it('reads the defaults, says nothing and reports no presence when the URL names another widget only', () => {
    const params = new URLSearchParams('other-widget.lr=0.1&hide=lr');
    expect(readState(params, slug, fields)).toEqual({ values: defaultsOf(fields), ignored: [], present: false });
  });

  it('200 random malformed links: defaults (a chosen network’s presets) where malformed or absent, valid values kept, every ignored key named, no throw', () => {
    const r = rng(slug.length * 1009);
    for (let trial = 0; trial < 200; trial++) {
      const params = new URLSearchParams();
      const expected: Config = defaultsOf(fields);
      const kept = new Set<string>();
      const bad: string[] = [];
      for (const field of fields) {
        const roll = r();
        if (roll < 0.4) {
          params.set(`${slug}.${field.key}`, malformed(field, r));
          bad.push(field.key);
        } else if (roll < 0.7) {
          const value = otherValue(field, r);
          params.set(`${slug}.${field.key}`, String(value));
          expected[field.key] = value;
          kept.add(field.key);
        }
      }
      for (const preset of presetsOf(fields, expected)) for (const [key, value] of Object.entries(preset)) if (!kept.has(key)) expected[key] = value;
      if (r() < 0.3) {
        params.set(`${slug}.unknownSetting`, 'x');
        bad.push('unknownSetting');
      }
      const state = readState(params, slug, fields);
      expect(state.values).toEqual(expected);
      expect(state.ignored.map((i) => i.key).sort()).toEqual([...bad].sort());
      const notice = ignoredNotice(state.ignored);
      for (const key of bad) expect(notice).toContain(key);
      expect(notice === '').toBe(bad.length === 0);
    }
  });
});

describe('writing a state', () => {
  it('replaces only its own widget’s parameters', () => {
    const fields = FIELDS['theorem-check']!;
    const params = new URLSearchParams('theorem-check.m=4&theorem-check.junk=1&noise-injection.lr=0.1&hide=seed');
    const written = writeState(params, 'theorem-check', fields, { m: 8, gamma: 1, a: 2, seed: 5 });
    expect(written.toString()).toBe('noise-injection.lr=0.1&hide=seed&theorem-check.m=8&theorem-check.gamma=1&theorem-check.a=2&theorem-check.seed=5');
  });

  it('keeps a number’s every digit', () => {
    const fields = FIELDS['noise-injection']!;
    const state = { ...defaultsOf(fields), lr: 0.1 + 0.2 };
    expect(readState(writeState(new URLSearchParams(), 'noise-injection', fields, state), 'noise-injection', fields).values.lr).toBe(0.30000000000000004);
  });
});

describe('a widget’s own parameters', () => {
  it('are those of its namespace only, so others’ changes (or none, on an in-page link) leave it alone', () => {
    const params = new URLSearchParams('hide=lr&theorem-check.m=4&noise-injection.lr=0.1&theorem-check.seed=2');
    expect(ownParams(params, 'theorem-check')).toBe('theorem-check.m=4&theorem-check.seed=2');
    expect(ownParams(new URLSearchParams('noise-injection.lr=0.2'), 'theorem-check')).toBe('');
  });
});

describe('hidden controls', () => {
  it('hides the controls named, comma-separated or repeated, and names those that do not exist', () => {
    const { hidden, ignored } = readHidden(new URLSearchParams('hide=lr, seed&hide=share,volume'), ['lr', 'seed', 'share', 'steps']);
    expect([...hidden].sort()).toEqual(['lr', 'seed', 'share']);
    expect(ignored.map((i) => i.key)).toEqual(['hide=volume']);
    expect(ignoredNotice(ignored)).toContain('no control “volume” to hide');
  });
});
