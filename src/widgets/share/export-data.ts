/**
 * A widget's numbers as downloadable files: one table (CSV and JSON) together with the settings and
 * seed that made it, so a file alone says how to reproduce it. Pure formatting, no DOM.
 */
import type { Columns } from '../../lab/worker/columns';
import type { Config } from '../../lab/types';

export type Cell = number | string | null;

export interface Table {
  columns: readonly string[];
  rows: readonly (readonly Cell[])[];
}

export interface ExportMeta {
  widget: string;
  /** The widget's state: its settings and, under `seed`, its seed. */
  state: Config;
}

/**
 * Live runs: one row per arm and step, one column per metric (metrics measured only on some steps are
 * empty elsewhere). Metric columns are sorted so two exports of the same run compare line by line.
 */
export function columnsTable(columns: Columns): Table {
  const metrics = [...new Set(Object.values(columns).flatMap((arm) => Object.keys(arm)))].filter((k) => k !== 'step').sort();
  const rows = Object.entries(columns).flatMap(([arm, data]) =>
    data.step.map((step, i) => [arm, step, ...metrics.map((m) => finite(data[m]?.[i]))]),
  );
  return { columns: ['arm', 'step', ...metrics], rows };
}

const finite = (v: number | undefined): number | null => (v === undefined || !Number.isFinite(v) ? null : v);

const seedOf = (state: Config) => state.seed ?? null;
const configOf = (state: Config): Config => Object.fromEntries(Object.entries(state).filter(([k]) => k !== 'seed'));

/**
 * CSV (RFC 4180 cells) after `#` comment lines naming the widget, the seed and every setting; pandas
 * (`comment='#'`), R (`comment.char = '#'`) and spreadsheets' import dialogs skip them.
 */
export function toCsv(meta: ExportMeta, table: Table): string {
  const header = [
    `# widget: ${meta.widget}`,
    `# seed: ${seedOf(meta.state) ?? 'none'}`,
    `# config: ${Object.entries(configOf(meta.state)).map(([k, v]) => `${k}=${String(v)}`).join('; ')}`,
  ];
  const lines = [table.columns, ...table.rows].map((row) => row.map(csvCell).join(','));
  return [...header, ...lines].join('\n') + '\n';
}

function csvCell(cell: Cell): string {
  if (cell === null) return '';
  const text = String(cell);
  return /[",\n\r#]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** JSON: the widget, seed and config, then the table (missing values as null). */
export function toJson(meta: ExportMeta, table: Table): string {
  return JSON.stringify(
    { widget: meta.widget, seed: seedOf(meta.state), config: configOf(meta.state), columns: table.columns, rows: table.rows },
    null,
    1,
  );
}

/** `<slug>-seed<seed>[-<part>].<ext>`, e.g. noise-injection-seed3-training-loss.svg. */
export function exportFileName(meta: ExportMeta, ext: string, part?: string): string {
  const seed = seedOf(meta.state);
  const tail = part ? `-${slugify(part)}` : '';
  return `${meta.widget}${seed === null ? '' : `-seed${seed}`}${tail}.${ext}`;
}

/** Lower-case ASCII words joined by hyphens (chart titles hold Greek letters and symbols). */
export function slugify(text: string): string {
  return (
    text
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40)
      .replace(/-+$/, '') || 'chart'
  );
}
