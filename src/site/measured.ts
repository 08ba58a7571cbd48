/**
 * A measured number in a chapter, resolved from committed data (src/site/measured-sources.ts) at
 * build time: <Measured> (src/components/Measured.astro) renders `resolveMeasured(ref).text`, and a
 * self-check's numeric answer can come from `measuredAnswer(ref)`. Pure: the unit tests resolve every
 * reference the chapters make without a build.
 *
 * A reference names one source (claim, study, trace or figure) and what to read from it (the second
 * quantity of a ratio, difference, change or holds is arm `over`, in run `overRun`, of the same source):
 *   value       a metric of an arm in a run (default): over a multi-seed file, the mean and the range
 *               ("−0.95 (−0.96 to −0.94, 5 seeds)"); one seed (a trace, a one-seed study, or
 *               `show="seed"`) reads as that run's value, labelled with its seed ("0.000402 (seed 1)")
 *   ratio       arm ÷ `over`, seed by seed, then summarised like a value
 *   difference  arm − `over`, seed by seed
 *   change      arm ÷ `over` − 1, seed by seed, as a signed percentage
 *   holds       on how many seeds `arm op over × factor` (or `arm op than`) holds: "on 4 of 5 seeds (not seed 3)"
 *   check       on how many seeds one of the replication page's checks holds (claims.ts, report.ts)
 *   seeds       the seeds a source holds: "5 seeds" (so prose never types how many)
 * Anything that does not resolve throws, with a message naming the reference; the component adds the chapter.
 */
import { evaluateCheck } from '../replication/report';
import { METRICS, type MetricFormat } from '../replication/claims';
import type { SeedValues } from '../replication/measured';
import { median } from '../lab/measure/stats';
import { CLAIM_SOURCES, FIGURE_SOURCES, STUDY_SOURCES, TRACE_SOURCES, type ClaimFile, type Trace } from './measured-sources';

export type MeasuredForm = 'value' | 'ratio' | 'difference' | 'change' | 'holds' | 'check' | 'seeds';
export type Relation = '<' | '>' | '<=' | '>=';
export type TraceReduce = 'median' | 'min' | 'max' | 'first' | 'last';

export interface MeasuredRef {
  /** Sources: exactly one. */
  claim?: string;
  study?: string;
  trace?: string;
  figure?: string;
  /** A run key of a claim or study file ("dln", "lr0.5"). */
  run?: string;
  arm?: string;
  metric?: string;
  form?: MeasuredForm;
  /** The other arm of a ratio, difference, change or holds… */
  over?: string;
  /** …or the same arm (or `over`) in another run of the same file. */
  overRun?: string;
  /** holds: the relation, and its right side (`over` × factor, or the number `than`). */
  op?: Relation;
  factor?: number;
  than?: number;
  /** check: the start of a check's text on the replication page ("standard: median cos"). */
  check?: string;
  /** A multi-seed source read as one seed's run (labelled with it). */
  seed?: number;
  /** "range": only "min to max (n seeds)", for sentences that give the mean elsewhere. */
  show?: 'mean' | 'range';
  /** Trace: the value at this step, or `reduce` over the steps in [from, to]. */
  step?: number;
  reduce?: TraceReduce;
  from?: number;
  to?: number;
  /** How to print: the metric's own format by default (percent for accuracies). */
  format?: MetricFormat;
  /** Significant digits (default 3; 2 for a ratio). */
  digits?: number;
  /** Leave out the "(seed 1)" of a one-run value: only where the same sentence names the run and its seed. */
  bare?: boolean;
}

export interface MeasuredResult {
  text: string;
  /** What the rendered element's data-measured attribute says: the source and the path into it. */
  source: string;
  /** The number behind the text: the mean (or the one seed's value; the count of seeds for holds/check). */
  value: number;
}

/** Per-seed numbers of one quantity, with the seeds they belong to. */
interface Series {
  seeds: readonly number[];
  values: SeedValues;
  /** data-measured: "claim R3 dln batchnorm icsCosMedian". */
  source: string;
}

const SOURCE_KEYS = ['claim', 'study', 'trace', 'figure'] as const;

/** A reference as authors wrote it, for error messages: <Measured claim="R3" metric="…" />. */
export function describeRef(ref: MeasuredRef): string {
  const attrs = Object.entries(ref)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => (typeof v === 'string' ? `${k}="${v}"` : `${k}={${String(v)}}`));
  return `<Measured ${attrs.join(' ')} />`;
}

function fail(ref: MeasuredRef, why: string): never {
  throw new Error(`${describeRef(ref)}: ${why}`);
}

const finite = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/** A claim or study file: the seeds and one metric of one arm in one run. */
function fileSeries(ref: MeasuredRef, file: ClaimFile | Omit<ClaimFile, 'claim'>, label: string, arm: string | undefined): Series {
  const run = ref.run ?? (Object.keys(file.runs).length === 1 ? Object.keys(file.runs)[0] : undefined);
  if (run === undefined) fail(ref, `${label} has several runs (${Object.keys(file.runs).join(', ')}): name one with run="…"`);
  const stored = file.runs[run];
  if (!stored) fail(ref, `${label} has no run "${run}" (it has ${Object.keys(file.runs).join(', ')})`);
  if (!arm) fail(ref, 'name an arm');
  const metrics = stored.arms[arm];
  if (!metrics) fail(ref, `${label} run "${run}" has no arm "${arm}" (it has ${Object.keys(stored.arms).join(', ')})`);
  if (!ref.metric) fail(ref, 'name a metric');
  const values = metrics[ref.metric];
  if (!values) fail(ref, `${label} run "${run}" arm "${arm}" has no metric "${ref.metric}" (it has ${Object.keys(metrics).join(', ')})`);
  return { seeds: file.seeds, values, source: `${label} ${run} ${arm} ${ref.metric}` };
}

/** Columns a trace does not store but the prose reads off every probed step. */
const DERIVED_COLUMNS: Readonly<Record<string, (columns: Record<string, (number | null)[]>, row: number) => number | null>> = {
  // The width of the loss band along the gradient (the summaries' lossBandMedian, one step at a time).
  lossBand: (c, row) => {
    const [lo, hi] = [c.lossMin?.[row], c.lossMax?.[row]];
    return finite(lo) && finite(hi) ? hi - lo : null;
  },
};

function traceSeries(ref: MeasuredRef, trace: Trace, arm: string | undefined): Series {
  if (!arm) fail(ref, 'name an arm');
  const columns = trace.arms[arm];
  if (!columns) fail(ref, `trace ${trace.experiment} has no arm "${arm}" (it has ${Object.keys(trace.arms).join(', ')})`);
  const metric = ref.metric;
  if (!metric) fail(ref, 'name a metric');
  const derived = DERIVED_COLUMNS[metric];
  if (!derived && !columns[metric]) fail(ref, `trace ${trace.experiment} arm "${arm}" has no metric "${metric}"`);
  const steps = columns.step ?? [];
  const cell = (row: number) => (derived ? derived(columns, row) : (columns[metric]![row] ?? null));
  let value: number | null;
  let where: string;
  if (ref.step !== undefined) {
    const row = steps.indexOf(ref.step);
    if (row < 0) fail(ref, `trace ${trace.experiment} keeps no row at step ${ref.step} (every ${trace.stride}th step and the probed ones)`);
    value = cell(row);
    where = `@${ref.step}`;
  } else if (ref.reduce) {
    const [from, to] = [ref.from ?? -Infinity, ref.to ?? Infinity];
    const picked = steps.flatMap((s, row) => (s !== null && s >= from && s <= to ? [cell(row)] : [])).filter(finite);
    if (picked.length === 0) fail(ref, `trace ${trace.experiment} arm "${arm}" has no finite "${metric}" in steps ${from} to ${to}`);
    value = { median: median(picked), min: Math.min(...picked), max: Math.max(...picked), first: picked[0]!, last: picked.at(-1)! }[ref.reduce];
    where = ` ${ref.reduce}${ref.from !== undefined || ref.to !== undefined ? ` ${ref.from ?? ''}..${ref.to ?? ''}` : ''}`;
  } else {
    fail(ref, 'a trace holds a series: give step={…} or reduce="median|min|max|first|last"');
  }
  return { seeds: [trace.seed], values: [value], source: `trace ${trace.experiment} ${arm} ${metric}${where}` };
}

function figureSeries(ref: MeasuredRef, name: string): Series {
  const figure = FIGURE_SOURCES.get(name);
  if (!figure) fail(ref, `no figure "${name}" (known: ${[...FIGURE_SOURCES.keys()].join(', ')})`);
  const { seed, values } = figure();
  const key = ref.arm ? `${ref.arm}.${ref.metric}` : ref.metric;
  if (!key || !(key in values)) fail(ref, `figure ${name} has no number "${key}" (it has ${Object.keys(values).join(', ')})`);
  return { seeds: seed === undefined ? [] : [seed], values: [values[key]!], source: `figure ${name} ${key}` };
}

/** One quantity (arm and metric) from the reference's source. */
function seriesOf(ref: MeasuredRef, arm: string | undefined): Series {
  const named = SOURCE_KEYS.filter((k) => ref[k] !== undefined);
  if (named.length !== 1) fail(ref, `name exactly one source (claim, study, trace or figure), not ${named.length}`);
  if (ref.claim !== undefined) {
    const claim = CLAIM_SOURCES.get(ref.claim);
    if (!claim) fail(ref, `no claim "${ref.claim}" (known: ${[...CLAIM_SOURCES.keys()].join(', ')})`);
    return fileSeries(ref, claim.file, `claim ${ref.claim}`, arm);
  }
  if (ref.study !== undefined) {
    const study = STUDY_SOURCES.get(ref.study);
    if (!study) fail(ref, `no study file "${ref.study}" in src/replication/studies/ (add it to studies.ts and run npm run replicate -- ${ref.study})`);
    return fileSeries(ref, study, `study ${ref.study}`, arm);
  }
  if (ref.trace !== undefined) {
    const trace = TRACE_SOURCES.get(ref.trace);
    if (!trace) fail(ref, `no trace "${ref.trace}" in src/traces/ (known: ${[...TRACE_SOURCES.keys()].join(', ')})`);
    return traceSeries(ref, trace, arm);
  }
  return figureSeries(ref, ref.figure!);
}

/** The second quantity of a two-sided form: arm `over` (default: the same arm) in run `overRun` (default: the same run). */
function otherSeries(ref: MeasuredRef): Series {
  if (ref.over === undefined && ref.overRun === undefined) fail(ref, `form="${ref.form}" needs over="<arm>" or overRun="<run>"`);
  return seriesOf({ ...ref, run: ref.overRun ?? ref.run }, ref.over ?? ref.arm);
}

/** "batchnorm", "lr0.1", "batchnorm in lr0.1": how a source label names the second quantity. */
const otherName = (ref: MeasuredRef) => [ref.over, ref.overRun && `in ${ref.overRun}`].filter(Boolean).join(' ');

/** Seed by seed, a ∘ b; null where either is missing (a diverged run). */
function combine(a: Series, b: Series, op: (x: number, y: number) => number, source: string): Series {
  return { seeds: a.seeds, values: a.values.map((x, i) => (finite(x) && finite(b.values[i]) ? op(x, b.values[i]!) : null)), source };
}

const NUMBER_DIGITS = 3;
const RATIO_DIGITS = 2;
const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** A number for prose: significant digits, thousands separators, a true minus sign; tiny values as a·10⁻ᵏ. */
export function formatNumber(value: number, digits = NUMBER_DIGITS): string {
  if (value !== 0 && Math.abs(value) < 1e-3) {
    const [mantissa, exponent] = value.toExponential(Math.max(0, digits - 1)).split('e');
    const power = [...String(Number(exponent))].map((c) => (c === '-' ? '⁻' : SUPERSCRIPT[Number(c)])).join('');
    return `${mantissa!.replace('-', '−')}·10${power}`;
  }
  // Trailing zeros kept: 0.160 beside 0.144, and a cosine of 0.99996 reads 1.00, not 1.
  return new Intl.NumberFormat('en', { minimumSignificantDigits: digits, maximumSignificantDigits: digits }).format(value).replace('-', '−');
}

function formatAs(value: number, format: MetricFormat, digits: number, signed = false): string {
  const sign = signed && value > 0 ? '+' : '';
  if (format === 'percent') return `${sign}${formatNumber(100 * value, digits)}%`;
  if (format === 'count') return `${sign}${new Intl.NumberFormat('en', { maximumFractionDigits: 1 }).format(value)}`;
  return `${sign}${formatNumber(value, digits)}`;
}

/** "seeds 1, 2 and 4". */
function seedList(seeds: readonly number[]): string {
  const names = seeds.map(String);
  const list = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return `${seeds.length === 1 ? 'seed' : 'seeds'} ${list}`;
}

/** "on all 5 seeds", "on 4 of 5 seeds (not seed 3)", "on 1 of 5 seeds (seed 2)", "on no seed of 5"; one seed: "on seed 1" / "not on seed 1". */
export function holdsText(holdsOn: readonly number[], seeds: readonly number[]): string {
  const n = seeds.length;
  if (n === 1) return holdsOn.length === 1 ? `on ${seedList(seeds)}` : `not on ${seedList(seeds)}`;
  if (holdsOn.length === n) return `on all ${n} seeds`;
  if (holdsOn.length === 0) return `on no seed of ${n}`;
  const failing = seeds.filter((s) => !holdsOn.includes(s));
  const named = holdsOn.length <= failing.length ? seedList(holdsOn) : `not ${seedList(failing)}`;
  return `on ${holdsOn.length} of ${n} seeds (${named})`;
}

function compare(x: number, op: Relation, y: number): boolean {
  return op === '<' ? x < y : op === '>' ? x > y : op === '<=' ? x <= y : x >= y;
}

function holds(ref: MeasuredRef): MeasuredResult {
  if (!ref.op) fail(ref, 'holds needs op="<", ">", "<=" or ">="');
  const left = seriesOf(ref, ref.arm);
  const twoSided = ref.over !== undefined || ref.overRun !== undefined;
  if (twoSided === (ref.than !== undefined)) fail(ref, 'holds needs either over="<arm>" (or overRun="<run>") or than={number}');
  const right = twoSided ? otherSeries(ref) : { ...left, values: left.values.map(() => ref.than!) };
  const factor = ref.factor ?? 1;
  const holdsOn = left.seeds.filter((_, i) => {
    const [x, y] = [left.values[i], right.values[i]];
    return finite(x) && finite(y) && compare(x, ref.op!, factor * y);
  });
  const rhs = twoSided ? `${factor === 1 ? '' : `${factor}×`}${otherName(ref)}` : String(ref.than);
  return { text: holdsText(holdsOn, left.seeds), source: `${left.source} ${ref.op} ${rhs}`, value: holdsOn.length };
}

function check(ref: MeasuredRef): MeasuredResult {
  const claim = ref.claim === undefined ? undefined : CLAIM_SOURCES.get(ref.claim);
  if (!claim) fail(ref, 'a check belongs to a claim: name it with claim="R…"');
  const matching = claim.checks.filter((c) => ref.check !== undefined && c.text.startsWith(ref.check));
  if (matching.length !== 1) {
    fail(ref, `check="${ref.check}" must start exactly one of claim ${claim.id}'s checks (it matches ${matching.length}): ${claim.checks.map((c) => `"${c.text}"`).join(', ')}`);
  }
  const result = evaluateCheck(claim.file, matching[0]!);
  return { text: holdsText(result.holdsOn, result.seeds), source: `claim ${claim.id} check "${matching[0]!.text}"`, value: result.holdsOn.length };
}

/** The per-seed numbers a value, ratio, difference or change reads. */
function quantity(ref: MeasuredRef): { series: Series; format: MetricFormat; digits: number; signed: boolean } {
  const form = ref.form ?? 'value';
  const own = seriesOf(ref, ref.arm);
  const metricFormat = (ref.metric && METRICS[ref.metric]?.format) || 'number';
  if (form === 'value') return { series: own, format: ref.format ?? metricFormat, digits: ref.digits ?? NUMBER_DIGITS, signed: false };
  const other = otherSeries(ref);
  const name = otherName(ref);
  if (form === 'ratio') {
    return { series: combine(own, other, (x, y) => x / y, `${own.source} ÷ ${name}`), format: ref.format ?? 'number', digits: ref.digits ?? RATIO_DIGITS, signed: false };
  }
  if (form === 'difference') {
    return { series: combine(own, other, (x, y) => x - y, `${own.source} − ${name}`), format: ref.format ?? metricFormat, digits: ref.digits ?? NUMBER_DIGITS, signed: true };
  }
  return { series: combine(own, other, (x, y) => x / y - 1, `${own.source} ÷ ${name} − 1`), format: ref.format ?? 'percent', digits: ref.digits ?? RATIO_DIGITS, signed: true };
}

/** One run's value, "0.158 (seed 1)". */
function oneRun(ref: MeasuredRef, series: Series, index: number, fmt: (v: number) => string): MeasuredResult {
  const value = series.values[index];
  const seed = series.seeds[index];
  const label = seed === undefined || ref.bare ? '' : ` (seed ${seed})`;
  const source = `${series.source}${seed === undefined ? '' : ` seed ${seed}`}`;
  if (!finite(value)) return { text: `no finite value${label} (diverged)`, source, value: Number.NaN };
  return { text: `${fmt(value)}${label}`, source, value };
}

function summarise(ref: MeasuredRef): MeasuredResult {
  const { series, format, digits, signed } = quantity(ref);
  const fmt = (v: number) => formatAs(v, format, digits, signed);
  if (ref.seed !== undefined) {
    const index = series.seeds.indexOf(ref.seed);
    if (index < 0) fail(ref, `the source has no seed ${ref.seed} (it has ${series.seeds.join(', ')})`);
    return oneRun(ref, series, index, fmt);
  }
  if (series.values.length === 1) return oneRun(ref, series, 0, fmt);
  const values = series.values.filter(finite);
  const n = series.values.length;
  const source = `${series.source} seeds ${series.seeds.join(',')}`;
  if (values.length === 0) return { text: `no finite value on any of ${n} seeds (diverged)`, source, value: Number.NaN };
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const [lo, hi] = [fmt(Math.min(...values)), fmt(Math.max(...values))];
  const missing = n - values.length;
  const seeds = missing > 0 ? `${values.length} of ${n} seeds; diverged on ${missing}` : `${n} seeds`;
  // Seeds that agree to the digits shown read once: "1.00 (all 5 seeds)".
  if (lo === hi) return { text: `${lo} (all ${seeds})`, source, value: mean };
  const text = ref.show === 'range' ? `${lo} to ${hi} (${seeds})` : `${fmt(mean)} (${lo} to ${hi}, ${seeds})`;
  return { text, source, value: mean };
}

function seedsOf(ref: MeasuredRef): MeasuredResult {
  const named = SOURCE_KEYS.filter((k) => ref[k] !== undefined);
  if (named.length !== 1) fail(ref, 'name exactly one source');
  const { seeds, source } = (() => {
    if (ref.claim !== undefined) {
      const claim = CLAIM_SOURCES.get(ref.claim) ?? fail(ref, `no claim "${ref.claim}"`);
      return { seeds: claim.file.seeds, source: `claim ${ref.claim}` };
    }
    if (ref.study !== undefined) {
      const study = STUDY_SOURCES.get(ref.study) ?? fail(ref, `no study file "${ref.study}"`);
      return { seeds: study.seeds, source: `study ${ref.study}` };
    }
    if (ref.trace !== undefined) {
      const trace = TRACE_SOURCES.get(ref.trace) ?? fail(ref, `no trace "${ref.trace}"`);
      return { seeds: [trace.seed], source: `trace ${ref.trace}` };
    }
    return fail(ref, 'form="seeds" reads a claim, a study or a trace');
  })();
  const text = seeds.length === 1 ? `seed ${seeds[0]}` : `${seeds.length} seeds`;
  return { text, source: `${source} seeds ${seeds.join(',')}`, value: seeds.length };
}

/** What <Measured {...ref} /> renders; throws when the reference does not resolve. */
export function resolveMeasured(ref: MeasuredRef): MeasuredResult {
  const form = ref.form ?? 'value';
  if (form === 'holds') return holds(ref);
  if (form === 'check') return check(ref);
  if (form === 'seeds') return seedsOf(ref);
  return summarise(ref);
}

/** Relative tolerance of a numeric self-check answer read from data: readers work from the rounded numbers shown. */
const ANSWER_TOLERANCE = 0.05;

/** A self-check's `answer` and `tolerance` from data: spread it onto <Question {...measuredAnswer({…})}>. */
export function measuredAnswer(ref: MeasuredRef): { answer: number; tolerance: number } {
  const { value } = resolveMeasured(ref);
  if (!finite(value)) fail(ref, 'a self-check answer needs a finite value');
  return { answer: value, tolerance: Math.abs(value) * ANSWER_TOLERANCE };
}
