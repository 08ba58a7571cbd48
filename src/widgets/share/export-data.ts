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
  /** Runs pinned beside the live one (the run shelf), each with its own settings and seed. */
  pinned?: readonly Omit<PinnedTable, 'table'>[];
}

/** A pinned run's numbers and what made them. */
export interface PinnedTable {
  letter: string;
  label: string;
  state: Config;
  table: Table;
}

/**
 * The live run's table with the pinned runs' rows after it, told apart by a first column `run` ("live",
 * "A", "B"…); the columns are the union, empty where a run lacks one. Without pins, the live table as is.
 */
export function withPinned(live: Table, pinned: readonly PinnedTable[]): Table {
  if (pinned.length === 0) return live;
  const columns = [...new Set([live, ...pinned.map((p) => p.table)].flatMap((t) => t.columns))];
  const rowsOf = (run: string, table: Table) =>
    table.rows.map((row) => [run, ...columns.map((c) => (table.columns.includes(c) ? row[table.columns.indexOf(c)]! : null))]);
  return { columns: ['run', ...columns], rows: [...rowsOf('live', live), ...pinned.flatMap((p) => rowsOf(p.letter, p.table))] };
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
const configText = (state: Config) =>
  Object.entries(configOf(state))
    .map(([k, v]) => `${k}=${String(v)}`)
    .join('; ');

/**
 * CSV (RFC 4180 cells) after `#` comment lines naming the widget, the seed and every setting; pandas
 * (`comment='#'`), R (`comment.char = '#'`) and spreadsheets' import dialogs skip them.
 */
export function toCsv(meta: ExportMeta, table: Table): string {
  const header = [
    `# widget: ${meta.widget}`,
    `# seed: ${seedOf(meta.state) ?? 'none'}`,
    `# config: ${configText(meta.state)}`,
    ...(meta.pinned ?? []).map((p) => `# pinned ${p.letter}: ${p.label}; seed: ${seedOf(p.state) ?? 'none'}; config: ${configText(p.state)}`),
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
    {
      widget: meta.widget,
      seed: seedOf(meta.state),
      config: configOf(meta.state),
      ...(meta.pinned?.length && { pinned: meta.pinned.map((p) => ({ run: p.letter, label: p.label, seed: seedOf(p.state), config: configOf(p.state) })) }),
      columns: table.columns,
      rows: table.rows,
    },
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
