/**
 * A multi-series line chart over training steps: one line per arm (colour and dash pattern from
 * arm-styles.ts), optional log y, gaps where a value is NaN/Inf or not positive on a log axis, a
 * cross where an arm diverged, and a hover rule with a dot on each line at the active step.
 * Jagged per-batch metrics can be drawn smoothed with the raw curve faint behind; the arm that
 * carries the figure's point is drawn last and strongest; each line is named at its end when there
 * is room; a diverging arm is clipped at the plot's edge instead of rescaling the others away.
 */
import { area, line } from 'd3';
import type { Annotation } from './annotations';
import { medianSeries, type SeedBand } from '../traces/band';
import { armStyle } from './arm-styles';
import { drawFrame, drawHover, survivorDomain, type ChartSize, type Frame } from './frame';
import { drawPinnedMarks } from './pinned';
import { nearestIndex, trailingMean, type LineSeries, type Pinned } from './series';

export interface LineChartSpec {
  series: readonly LineSeries[];
  xLabel: string;
  yLabel: string;
  /** Step range to show (so a live run's axis does not jump while it grows). */
  xDomain: readonly [number, number];
  log?: boolean;
  /** Fixed value range, e.g. [0, 1] for accuracy; otherwise fitted to the arms that did not diverge. */
  yDomain?: readonly [number, number];
  /** d3 format of the x ticks (frame.ts); for an x other than training steps. */
  xFormat?: string;
  /** Draw a trailing mean over this many steps, the raw per-batch curve faint behind it. */
  smooth?: number;
  /** The arm that carries the figure's point: drawn last, thicker, on top of the others. */
  key?: string;
  /** The figure's point, marked where the run shows it (annotations.ts); null when it does not. */
  annotation?: Annotation | null;
  /** Shaded behind the lines: each arm's range over the committed seeds, with their median (traces/band.ts). */
  bands?: readonly SeedBand[];
  /** Pinned runs (the run shelf), faint under the live lines, each named by its letter at its end. */
  pinned?: readonly PinnedLines[];
}

/** One pinned run's lines in a chart. */
export type PinnedLines = Pinned<LineSeries>;

/** Widest a line-end label may make the right margin, and the narrowest chart that still gets labels. */
const LABEL_CHAR_PX = 6.6;
const LABELS_FROM_WIDTH = 400;
/** Line-end labels closer than this (px) are pushed apart. */
const LABEL_GAP = 13;

const usable = (log: boolean | undefined) => (v: number) => Number.isFinite(v) && (!log || v > 0);

/*
 * A chart redraws when its crosshair moves as well as when its data does: each arrow key on a figure redraws
 * every panel (one per frame, draw-queue.ts) from the same series objects. Smoothing them and writing their
 * paths again was most of such a redraw (trailingMean alone 2-3% of the main thread while a figure trained
 * on the phone profile, traced 2026-12-03), so both are kept per series object: a new batch brings new
 * objects and is computed afresh, a moved crosshair reuses them.
 */
const smoothed = new WeakMap<LineSeries, { window: number; series: LineSeries }>();
const paths = new WeakMap<LineSeries, { scales: string; d: string | null }>();

/** trailingMean(s, window), the same object while `s` is. */
function smoothOf(s: LineSeries, window: number): LineSeries {
  const kept = smoothed.get(s);
  if (kept?.window === window) return kept.series;
  const series = trailingMean(s, window);
  smoothed.set(s, { window, series });
  return series;
}

/** The series in drawing order: the key arm last, so nothing covers it. */
export function drawingOrder<T extends { id: string }>(series: readonly T[], key: string | undefined): T[] {
  return [...series.filter((s) => s.id !== key), ...series.filter((s) => s.id === key)];
}

/** Label positions (px from the top) for line ends at `ys`, at least `gap` apart, kept in [top, bottom]. */
export function spreadLabels(ys: readonly number[], gap: number, top: number, bottom: number): number[] {
  const order = ys.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y);
  const placed: number[] = [];
  for (const item of order) placed.push(Math.max(item.y, (placed.at(-1) ?? -Infinity) + gap, top));
  // Pushed past the bottom: shift the whole stack up.
  const over = (placed.at(-1) ?? bottom) - bottom;
  const shifted = over > 0 ? placed.map((y) => Math.max(top, y - over)) : placed;
  const out = new Array<number>(ys.length);
  order.forEach((item, k) => (out[item.i] = shifted[k]!));
  return out;
}

export function drawLineChart(
  svg: SVGSVGElement,
  spec: LineChartSpec,
  active: number | null,
  onHover: (step: number | null) => void,
  size?: ChartSize,
): void {
  const ok = usable(spec.log);
  const shown = spec.smooth ? spec.series.map((s) => smoothOf(s, spec.smooth!)) : spec.series;
  const bands = spec.bands ?? [];
  const pinned = (spec.pinned ?? []).map((p) => ({ letter: p.letter, series: spec.smooth ? p.series.map((s) => smoothOf(s, spec.smooth!)) : p.series }));
  const context = [...bands.flatMap((b) => [{ y: b.min }, { y: b.max }]), ...pinned.flatMap((p) => p.series)];
  const yDomain = spec.yDomain ?? survivorDomain([...shown, ...context], spec.log);
  const withLabels = (size?.width ?? 0) >= LABELS_FROM_WIDTH && shown.length > 0;
  const rightLabels = withLabels ? 20 + LABEL_CHAR_PX * Math.max(...shown.map((s) => armStyle(s.id).label.length)) : 0;
  const frame = drawFrame(svg, { ...spec, yDomain, rightLabels }, size);
  const { x, y, plot } = frame;
  const [yBottom, yTop] = y.range() as [number, number];
  // Off-scale values (a diverging arm) are drawn at the edge, where the clip path cuts them.
  const yAt = (v: number) => Math.max(yTop - 3, Math.min(yBottom + 3, y(v)));
  // What a path depends on besides its series: the scales (yAt clamps to y's range) and the axis type (ok).
  const scales = `${x.domain()} ${x.range()} ${y.domain()} ${y.range()} ${spec.log === true}`;
  const pathOf = (s: LineSeries) => {
    const kept = paths.get(s);
    if (kept?.scales === scales) return kept.d;
    const d = line<number>()
      .defined(ok)
      .x((_, i) => x(s.x[i]!))
      .y((v) => yAt(v))(s.y);
    paths.set(s, { scales, d });
    return d;
  };

  drawSeedBands(frame, bands, yAt, ok);
  for (const run of pinned) drawPinned(frame, run, pathOf, yAt, ok);
  if (spec.smooth) {
    for (const s of spec.series) {
      plot.add('path', `raw-${s.id}`, { attrs: { class: 'series-raw', 'data-arm': s.id, d: pathOf(s) }, style: { stroke: armStyle(s.id).color } });
    }
  }
  for (const s of drawingOrder(shown, spec.key)) {
    const style = armStyle(s.id);
    plot.add('path', `line-${s.id}`, {
      attrs: { class: s.id === spec.key ? 'series-line key' : 'series-line', 'data-arm': s.id, d: pathOf(s), 'stroke-dasharray': style.dash || null },
      style: { stroke: style.color },
    });
    // A lone point between gaps draws no line; a dot keeps it visible.
    s.y.forEach((v, i) => {
      const isolated = ok(v) && !ok(s.y[i - 1] ?? Number.NaN) && !ok(s.y[i + 1] ?? Number.NaN);
      if (isolated) plot.add('circle', `dot-${s.id}`, { attrs: { class: 'series-dot', cx: x(s.x[i]!), cy: yAt(v), r: 2 }, style: { fill: style.color } });
    });
    if (s.divergedAt !== undefined) drawDiverged(frame, s, style.color, yAt, ok);
  }
  if (withLabels) drawLineEndLabels(frame, shown, yAt, ok);
  if (spec.annotation) drawAnnotation(frame, spec.annotation, yAt);
  if (active !== null) {
    for (const s of shown) {
      const i = nearestIndex(s.x, active);
      if (i < 0 || !ok(s.y[i]!)) continue;
      plot.add('circle', `hover-${s.id}`, { attrs: { class: 'hover-dot', cx: x(s.x[i]!), cy: yAt(s.y[i]!), r: 3.5 }, style: { stroke: armStyle(s.id).color } });
    }
  }
  drawHover(frame, active, onHover);
}

/** Each arm's seed range, faint in its colour, and the seeds' median as a thin line, behind everything else. */
function drawSeedBands(frame: Frame, bands: readonly SeedBand[], yAt: (v: number) => number, ok: (v: number) => boolean): void {
  const { x, plot } = frame;
  for (const band of bands) {
    const color = armStyle(band.id).color;
    const shade = area<number>()
      .defined((_, i) => ok(band.min[i]!) && ok(band.max[i]!))
      .x((_, i) => x(band.x[i]!))
      .y0((_, i) => yAt(band.min[i]!))
      .y1((_, i) => yAt(band.max[i]!));
    plot.add('path', `seed-band-${band.id}`, { attrs: { class: 'seed-band', 'data-arm': band.id, d: shade(band.x) }, style: { fill: color } });
    const mid = medianSeries(band);
    const path = line<number>()
      .defined(ok)
      .x((_, i) => x(mid.x[i]!))
      .y((v) => yAt(v))(mid.y);
    plot.add('path', `seed-median-${band.id}`, { attrs: { class: 'seed-median', 'data-arm': band.id, d: path }, style: { stroke: color } });
  }
}

/** A pinned run's lines, thin and faint in their arms' colours and dashes, its letter at the end of each. */
function drawPinned(frame: Frame, run: PinnedLines, pathOf: (s: LineSeries) => string | null, yAt: (v: number) => number, ok: (v: number) => boolean): void {
  for (const s of run.series) {
    const end = s.y.findLastIndex(ok);
    drawPinnedMarks(frame, run.letter, s.id, [pathOf(s)], end >= 0 ? [frame.x(s.x[end]!), yAt(s.y[end]!)] : null);
  }
}

/** The × where an arm diverged, at its last finite value or, when that is off the scale, at the plot's edge. */
function drawDiverged(frame: Frame, s: LineSeries, color: string, yAt: (v: number) => number, ok: (v: number) => boolean): void {
  const lastOk = s.y.findLastIndex(ok);
  const cy = lastOk >= 0 ? yAt(s.y[lastOk]!) : frame.y.range()[1]!;
  const mark = frame.over.add('text', `diverged-${s.id}`, {
    attrs: { class: 'diverged-mark', x: frame.x(s.divergedAt!), y: cy, 'text-anchor': 'middle', 'dominant-baseline': 'central' },
    style: { fill: color },
    text: '×',
  });
  frame.over.inside(mark).add('title', 'title', { text: `${armStyle(s.id).label} diverged at step ${s.divergedAt}` });
}

/** Each arm's name at the end of its line (right of the plot), pushed apart so none overlap. */
function drawLineEndLabels(frame: Frame, series: readonly LineSeries[], yAt: (v: number) => number, ok: (v: number) => boolean): void {
  const ends = series.flatMap((s) => {
    const i = s.y.findLastIndex(ok);
    return i < 0 ? [] : [{ id: s.id, y: yAt(s.y[i]!) }];
  });
  const [bottom, top] = frame.y.range() as [number, number];
  const ys = spreadLabels(
    ends.map((e) => e.y),
    LABEL_GAP,
    top,
    bottom,
  );
  const left = frame.size.width - frame.margin.right + 6;
  ends.forEach((e, k) => {
    const style = armStyle(e.id);
    // The name in text colour (small text needs 4.5:1), after a sample of the arm's line.
    const label = frame.over.group(`label-${e.id}`, { attrs: { class: 'line-label', 'data-arm': e.id, transform: `translate(${left},${ys[k]!})` } });
    label.add('line', 'sample', { attrs: { x1: 0, x2: 10, 'stroke-dasharray': style.dash || null }, style: { stroke: style.color } });
    label.add('text', 'name', { attrs: { x: 14, 'dominant-baseline': 'central' }, text: style.label });
  });
}

/** A ring on the key arm where the point shows, and the point in words, inside the plot above or below it. */
function drawAnnotation(frame: Frame, note: Annotation, yAt: (v: number) => number): void {
  const cx = frame.x(note.step);
  const cy = yAt(note.value);
  const [bottom, top] = frame.y.range() as [number, number];
  const above = cy - top > 30;
  const mark = frame.over.group('annotation', { attrs: { class: 'annotation', 'data-arm': note.arm } });
  mark.add('circle', 'ring', { attrs: { cx, cy, r: 6 } });
  mark.add('text', 'words', { attrs: { x: cx - 4, y: above ? cy - 12 : Math.min(bottom - 4, cy + 18), 'text-anchor': 'end' }, text: note.text });
}
