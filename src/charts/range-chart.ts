/**
 * Min–max bands over training, one per arm on one axis: the paper's Fig. 4 panels (a) and (b), where
 * the band at step t spans a measurement over the probed step sizes η (the loss L(w_t − ηg_t), or the
 * gradient change ‖g_t − ∇L(w_t − ηg_t)‖). Each arm's band is shaded in its colour and edged with its
 * dash pattern, so arms are told apart without colour. Pure shaping and d3 drawing; reads no tensors.
 */
import { area, line } from 'd3';
import type { Columns } from '../lab/worker/columns';
import { armStyle } from './arm-styles';
import { fmtValue } from './describe';
import { drawFrame, drawHover, valueDomain, type ChartSize } from './frame';
import { drawPinnedMarks } from './pinned';
import { divergedStep, nearestIndex, type Pinned } from './series';

export interface RangeSeries {
  id: string;
  x: number[];
  lo: number[];
  hi: number[];
  divergedAt?: number;
}

/** Per arm, the min and max over `keys` at every step where all of them were measured. */
export function rangeSeries(columns: Columns, arms: readonly string[], keys: readonly string[]): RangeSeries[] {
  return arms.flatMap((arm) => {
    const armColumns = columns[arm];
    if (!armColumns || keys.some((k) => !armColumns[k])) return [];
    const x: number[] = [];
    const lo: number[] = [];
    const hi: number[] = [];
    armColumns.step.forEach((step, row) => {
      const values = keys.map((k) => armColumns[k]![row]!);
      if (!values.every(Number.isFinite)) return;
      x.push(step);
      lo.push(Math.min(...values));
      hi.push(Math.max(...values));
    });
    const divergedAt = divergedStep(columns, arm);
    return [{ id: arm, x, lo, hi, ...(divergedAt !== undefined ? { divergedAt } : {}) }];
  });
}

export interface RangeChartSpec {
  series: readonly RangeSeries[];
  xLabel: string;
  yLabel: string;
  xDomain: readonly [number, number];
  log?: boolean;
  /** Pinned runs (the run shelf): each band's edges faint under the live bands, lettered at the upper edge's end. */
  pinned?: readonly Pinned<RangeSeries>[];
}

export function drawRangeChart(
  svg: SVGSVGElement,
  spec: RangeChartSpec,
  active: number | null,
  onHover: (step: number | null) => void,
  size?: ChartSize,
): void {
  // Fitted to the arms that did not diverge (as line charts are): a diverging arm's band is clipped at the edge.
  // Pinned runs count too, as in line charts, so a pin is not clipped away.
  const pinned = spec.pinned ?? [];
  const all = [...spec.series, ...pinned.flatMap((p) => p.series)];
  const survivors = all.filter((s) => s.divergedAt === undefined && s.x.length > 0);
  const yDomain = valueDomain(
    (survivors.length > 0 ? survivors : all).flatMap((s) => [...s.lo, ...s.hi]),
    spec.log,
  );
  const frame = drawFrame(svg, { ...spec, yDomain }, size);
  const { x, y, plot } = frame;
  const [bottom, top] = y.range() as [number, number];
  // On a log axis a non-positive value has no place: clamp it to the axis floor; off-scale values sit at the edge.
  const yOf = (v: number) => Math.max(top - 3, Math.min(bottom + 3, y(spec.log ? Math.max(v, y.domain()[0]!) : v)));
  const edgeOf = (s: RangeSeries, edge: readonly number[]) =>
    line<number>()
      .x((step) => x(step))
      .y((_, i) => yOf(edge[i]!))(s.x);
  // Unshaded, so the live bands stay the figure's ink; the line charts' pinned classes and letters.
  for (const run of pinned) {
    for (const s of run.series) drawPinnedMarks(frame, run.letter, s.id, [edgeOf(s, s.lo), edgeOf(s, s.hi)], s.x.length > 0 ? [x(s.x.at(-1)!), yOf(s.hi.at(-1)!)] : null);
  }
  for (const s of spec.series) {
    const style = armStyle(s.id);
    const shape = area<number>()
      .x((step) => x(step))
      .y0((_, i) => yOf(s.lo[i]!))
      .y1((_, i) => yOf(s.hi[i]!));
    plot.add('path', `band-${s.id}`, { attrs: { class: 'range-band', 'data-arm': s.id, d: shape(s.x) }, style: { fill: style.color } });
    for (const edge of [s.lo, s.hi]) {
      plot.add('path', `edge-${s.id}`, {
        attrs: { class: 'series-line range-edge', 'data-arm': s.id, d: edgeOf(s, edge), 'stroke-dasharray': style.dash || null },
        style: { stroke: style.color },
      });
    }
  }
  if (active !== null) {
    for (const s of spec.series) {
      const i = nearestIndex(s.x, active);
      if (i < 0) continue;
      for (const v of [s.lo[i]!, s.hi[i]!]) {
        plot.add('circle', `hover-${s.id}`, { attrs: { class: 'hover-dot', cx: x(s.x[i]!), cy: yOf(v), r: 3.5 }, style: { stroke: armStyle(s.id).color } });
      }
    }
  }
  drawHover(frame, active, onHover);
}

/** "Loss along the gradient at step 180: Standard 0.412 to 3.1, BatchNorm 0.18 to 0.26." */
export function readRangesAt(series: readonly RangeSeries[], step: number): string {
  return series
    .flatMap((s) => {
      const i = nearestIndex(s.x, step);
      return i < 0 ? [] : [`${armStyle(s.id).label} ${fmtValue(s.lo[i]!)} to ${fmtValue(s.hi[i]!)} (step ${s.x[i]})`];
    })
    .join(' · ');
}

/** The latest band of every arm and any divergence, in words. */
export function describeRanges(title: string, series: readonly RangeSeries[]): string {
  if (series.every((s) => s.x.length === 0)) return `${title}: no data yet.`;
  const latest = series.flatMap((s) =>
    s.x.length === 0 ? [] : [`${armStyle(s.id).label} ${fmtValue(s.lo.at(-1)!)} to ${fmtValue(s.hi.at(-1)!)} (step ${s.x.at(-1)})`],
  );
  const diverged = series.flatMap((s) => (s.divergedAt !== undefined ? [`${armStyle(s.id).label} diverged at step ${s.divergedAt}.`] : []));
  return [`${title}, latest range: ${latest.join(', ')}.`, ...diverged].join(' ');
}
