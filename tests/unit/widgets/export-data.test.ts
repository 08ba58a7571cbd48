/** Exports: a run's columns as one table, written as CSV and JSON that carry the widget, seed and config. */
import { describe, expect, it } from 'vitest';
import { toColumns } from '../../../src/lab/worker/columns';
import { columnsTable, exportFileName, slugify, toCsv, toJson, type ExportMeta } from '../../../src/widgets/share/export-data';

const columns = toColumns([
  { arm: 'standard', step: 0, metrics: { loss: 2.3, accuracy: 0.1 } },
  { arm: 'standard', step: 1, metrics: { loss: 2.1, accuracy: 0.2 } },
  { arm: 'standard', step: 1, metrics: { testAccuracy: 0.15 } },
  { arm: 'batchnorm', step: 0, metrics: { loss: Number.NaN, accuracy: 0.12 } },
]);
const meta: ExportMeta = { widget: 'noise-injection', state: { lr: 0.5, activation: 'relu', seed: 3 } };

/** The CSV's data lines (comment lines dropped), split into cells (no quoted commas in these). */
const dataRows = (csv: string) =>
  csv
    .trimEnd()
    .split('\n')
    .filter((l) => !l.startsWith('#'))
    .map((l) => l.split(','));

describe('a run as a table', () => {
  it('has one row per arm and step, metric columns sorted, unmeasured values empty', () => {
    const table = columnsTable(columns);
    expect(table.columns).toEqual(['arm', 'step', 'accuracy', 'loss', 'testAccuracy']);
    expect(table.rows).toEqual([
      ['standard', 0, 0.1, 2.3, null],
      ['standard', 1, 0.2, 2.1, 0.15],
      ['batchnorm', 0, 0.12, null, null],
    ]);
  });

  it('is empty (a header, no rows) before any data', () => {
    expect(columnsTable({})).toEqual({ columns: ['arm', 'step'], rows: [] });
  });
});

describe('CSV', () => {
  it('starts with the widget, seed and config as comments, then a header and one line per row', () => {
    const csv = toCsv(meta, columnsTable(columns));
    expect(csv.split('\n').slice(0, 3)).toEqual(['# widget: noise-injection', '# seed: 3', '# config: lr=0.5; activation=relu']);
    const rows = dataRows(csv);
    expect(rows).toHaveLength(1 + 3);
    expect(rows[0]).toEqual(['arm', 'step', 'accuracy', 'loss', 'testAccuracy']);
    expect(rows[3]).toEqual(['batchnorm', '0', '0.12', '', '']);
    expect(rows.every((r) => r.length === 5)).toBe(true);
  });

  it('quotes cells holding commas, quotes, newlines or #', () => {
    const csv = toCsv(meta, { columns: ['quantity', 'value'], rows: [['a, "b"', 1], ['#1\nx', 2]] });
    expect(csv).toContain('"a, ""b""",1\n"#1\nx",2\n');
  });
});

describe('JSON', () => {
  it('parses back to the widget, seed, config (without the seed) and the table, missing values null', () => {
    const parsed = JSON.parse(toJson(meta, columnsTable(columns)));
    expect(parsed).toEqual({
      widget: 'noise-injection',
      seed: 3,
      config: { lr: 0.5, activation: 'relu' },
      columns: ['arm', 'step', 'accuracy', 'loss', 'testAccuracy'],
      rows: [
        ['standard', 0, 0.1, 2.3, null],
        ['standard', 1, 0.2, 2.1, 0.15],
        ['batchnorm', 0, 0.12, null, null],
      ],
    });
  });

  it('writes seed null for a widget without one', () => {
    expect(JSON.parse(toJson({ widget: 'lipschitz-ratio', state: { curve: 'smooth' } }, { columns: [], rows: [] })).seed).toBeNull();
  });
});

describe('file names', () => {
  it('are <slug>-seed<seed>[-<part>].<ext>', () => {
    expect(exportFileName(meta, 'csv')).toBe('noise-injection-seed3.csv');
    expect(exportFileName(meta, 'svg', 'cos(G, G′) at layer 9')).toBe('noise-injection-seed3-cos-g-g-at-layer-9.svg');
    expect(exportFileName({ widget: 'lipschitz-ratio', state: {} }, 'json')).toBe('lipschitz-ratio.json');
  });

  it('slugify keeps ASCII words and never returns an empty name', () => {
    expect(slugify('‖G − G′‖ at layer 3')).toBe('g-g-at-layer-3');
    expect(slugify('σ̂')).toBe('chart');
  });
});
