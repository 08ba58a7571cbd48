/**
 * What the course's step charts share: the drawing size, the step axis, a value axis (linear or log),
 * axis labels with units, and the hover rule. A live chart draws at its CSS size (one SVG unit is one
 * CSS pixel), so its text is 12 px at every width instead of shrinking with a scaled viewBox; the
 * margins are measured from the tick labels, so an axis title never overlaps them. Reads no tensors.
 */
import { axisBottom, axisLeft, format, scaleLinear, scaleLog, select, type ScaleContinuousNumeric, type Selection } from 'd3';
import { Marks } from './marks';

/** The still charts' drawing (scaled by viewBox) and a live chart's size before it is measured. */
export const WIDTH = 440;
export const HEIGHT = 230;
export const MARGIN = { top: 12, right: 14, bottom: 42, left: 56 };

/** A chart's drawing size in CSS pixels. */
export interface ChartSize {
  width: number;
  height: number;
}

/** Tick text is 12 px (charts.css); an average glyph of it is about this wide. */
const TICK_CHAR_PX = 7;
/** Room for the turned y title (a 12.5 px line) left of the tick labels. */
const Y_TITLE_PX = 20;

/** The left margin that fits the y title and tick labels of `widest` characters, in px of 12 px text. */
export function leftMargin(widest: number): number {
  return Y_TITLE_PX + 10 + Math.max(1, widest) * TICK_CHAR_PX;
}

/** Height for a chart `width` px wide: compact, so a figure's panels fit on a screen or two. */
export function chartHeight(width: number): number {
  return width < 260 ? 150 : width < 420 ? 190 : 210;
}

export type YScale = ScaleContinuousNumeric<number, number>;

export interface FrameSpec {
  xLabel: string;
  yLabel: string;
  xDomain: readonly [number, number];
  yDomain: readonly [number, number];
  log?: boolean;
  /** d3 format of the x ticks; default '~s' (steps: 1k, 2k). Step sizes such as 0.05 need '~g'. */
  xFormat?: string;
  /** Extra room right of the plot (direct labels at the lines' ends). */
  rightLabels?: number;
}

export interface Frame {
  root: Selection<SVGSVGElement, unknown, null, undefined>;
  x: ScaleContinuousNumeric<number, number>;
  y: YScale;
  /** The marks inside the clipped plot, and those over it (line-end labels, the hover rule); drawHover ends both. */
  plot: Marks;
  over: Marks;
  size: ChartSize;
  margin: { top: number; right: number; bottom: number; left: number };
}

const SUPERSCRIPT: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };

/** A power of ten as people write it: 0.01 … 1,000 plainly, 10⁻⁵ or 10⁶ beyond. */
export function powerOfTen(exponent: number): string {
  if (exponent >= -2 && exponent <= 3) return format(',')(10 ** exponent);
  return `10${String(exponent).replace(/./g, (c) => SUPERSCRIPT[c] ?? c)}`;
}

/** Log-axis ticks: powers of ten only (thinned to at most `most`), each labelled; never 1–9 multiples crowding the axis. */
export function logTicks(domain: readonly [number, number], most = 5): { value: number; label: string }[] {
  const lo = Math.ceil(Math.log10(Math.min(domain[0], domain[1])) - 1e-9);
  const hi = Math.floor(Math.log10(Math.max(domain[0], domain[1])) + 1e-9);
  if (hi < lo) return [];
  const every = Math.ceil((hi - lo + 1) / most);
  const out: { value: number; label: string }[] = [];
  for (let e = hi; e >= lo; e -= every) out.unshift({ value: 10 ** e, label: powerOfTen(e) });
  return out;
}

/** Each chart's frame as last drawn (what decides its axes, labels and clip), so a redraw can keep it. */
const drawnFrames = new WeakMap<SVGSVGElement, string>();

/**
 * Draws axes and labels at `size` (CSS px, one unit each) and returns the lists of the caller's marks
 * (marks.ts): what the caller draws again is kept, the rest is removed when drawHover ends them. While
 * training, most redraws only add points: when the axes, labels and clip would come out the same they
 * are kept, not rebuilt, since laying out their text again was much of a redraw's cost on a slow phone.
 */
export function drawFrame(svg: SVGSVGElement, spec: FrameSpec, size: ChartSize = { width: WIDTH, height: HEIGHT }): Frame {
  const y = (spec.log ? scaleLog() : scaleLinear()).domain(spec.yDomain).nice();
  const yTicks =
    spec.log ? logTicks(y.domain() as [number, number])
    : y.ticks(5).map((value) => ({ value, label: format('~g')(value) }));
  const margin = { top: 10, right: 10 + (spec.rightLabels ?? 0), bottom: 40, left: leftMargin(Math.max(0, ...yTicks.map((t) => t.label.length))) };
  const { width, height } = size;
  const x = scaleLinear()
    .domain(spec.xDomain)
    .range([margin.left, width - margin.right]);
  y.range([height - margin.bottom, margin.top]);
  const root = select(svg);
  // Written only when they change: setting the svg's size, even to the same value, makes the browser lay
  // out the whole page again rather than this chart alone (traced on the phone profile, 2026-12-03).
  const sizes = { viewBox: `0 0 ${width} ${height}`, width: String(width), height: String(height) };
  for (const [name, value] of Object.entries(sizes)) if (svg.getAttribute(name) !== value) svg.setAttribute(name, value);
  const clipId = `${svg.id || 'chart'}-clip`;
  const key = JSON.stringify([spec.xLabel, spec.yLabel, spec.xFormat, spec.log, x.domain(), x.range(), y.domain(), y.range(), yTicks, clipId]);
  // The clip and the clipped plot group are made once and kept: removing a clip-path, or its user,
  // invalidates the clip resource and with it the svg's own layout, which the browser then redoes for
  // every box around the chart up to the document (traced on the phone profile, 2026-12-03). Inside a
  // kept svg a redraw is laid out as the chart alone.
  let plot = root.select<SVGGElement>(':scope > g.plot');
  if (plot.empty() || root.select(`:scope > clipPath#${clipId}`).empty()) {
    root.selectAll('*').remove();
    root.append('clipPath').attr('id', clipId).attr('data-frame', '').append('rect');
    root.append('g').attr('class', 'axes').attr('data-frame', '');
    plot = root.append('g').attr('class', 'plot').attr('clip-path', `url(#${clipId})`).attr('data-frame', '');
    drawnFrames.delete(svg);
  }
  const plotElement = plot.node()!;
  if (drawnFrames.get(svg) !== key) {
    const axes = root.select<SVGGElement>(':scope > g.axes');
    axes.selectAll('*').remove();
    drawAxes(axes, spec, { width, height, margin }, x, y, yTicks);
    // Marks stay inside the plot: a diverging arm is clipped (and marked), not allowed to rescale the rest.
    root
      .select(`:scope > clipPath#${clipId} > rect`)
      .attr('x', margin.left)
      .attr('y', margin.top - 4)
      .attr('width', width - margin.left - margin.right + 4)
      .attr('height', height - margin.top - margin.bottom + 8);
    drawnFrames.set(svg, key);
  }
  return { root, x, y, plot: new Marks(plotElement), over: new Marks(svg, plotElement.nextSibling), size, margin };
}

/** The axes and their labels, into the frame's `axes` group (rebuilt when they change). */
function drawAxes(
  root: Selection<SVGGElement, unknown, null, undefined>,
  spec: FrameSpec,
  box: ChartBox,
  x: ScaleContinuousNumeric<number, number>,
  y: YScale,
  yTicks: readonly { value: number; label: string }[],
): void {
  const { width, height, margin } = box;
  const xTicks = Math.max(2, Math.floor((width - margin.left - margin.right) / 70));
  root
    .append('g')
    .attr('class', 'axis')
    .attr('transform', `translate(0,${height - margin.bottom})`)
    .call(axisBottom(x).ticks(xTicks).tickFormat(format(spec.xFormat ?? '~s')));
  root
    .append('g')
    .attr('class', 'axis')
    .attr('transform', `translate(${margin.left},0)`)
    .call(
      axisLeft(y)
        .tickValues(yTicks.map((t) => t.value))
        .tickFormat((_, i) => yTicks[i]!.label),
    );
  drawAxisLabels(root, spec, box);
}

export interface ChartBox {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

/** The x label centred under the plot and the y label turned along the left edge (every chart's). */
export function drawAxisLabels<E extends SVGElement>(
  root: Selection<E, unknown, null, undefined>,
  labels: { xLabel: string; yLabel: string },
  { width, height, margin }: ChartBox,
): void {
  root
    .append('text')
    .attr('class', 'axis-label')
    .attr('x', (margin.left + width - margin.right) / 2)
    .attr('y', height - 6)
    .attr('text-anchor', 'middle')
    .text(labels.xLabel);
  root
    .append('text')
    .attr('class', 'axis-label')
    .attr('transform', `translate(12,${(margin.top + height - margin.bottom) / 2}) rotate(-90)`)
    .attr('text-anchor', 'middle')
    .text(labels.yLabel);
}

/** Each chart's latest hover callback and scale: the hover target is made once, they change with each drawing. */
const hoverHandlers = new WeakMap<Element, { onHover: (step: number | null) => void; stepAt: (event: PointerEvent) => number }>();

/**
 * The vertical hover rule at step `at`, and pointer tracking that reports the step under the pointer:
 * a mouse by hovering, a finger by tapping or dragging (touch-action lets the page still scroll vertically).
 * Drawn last: it ends the frame's marks, removing those the chart did not draw again.
 */
export function drawHover(frame: Frame, at: number | null, onHover: (step: number | null) => void): void {
  const { root, x, margin, size, over } = frame;
  if (at !== null) {
    over.add('line', 'hover-rule', { attrs: { class: 'hover-rule', x1: x(at), x2: x(at), y1: margin.top, y2: size.height - margin.bottom } });
  }
  const target = over.add('rect', 'hover-target', {
    attrs: {
      class: 'hover-target',
      x: margin.left,
      y: margin.top,
      width: Math.max(0, size.width - margin.left - margin.right),
      height: Math.max(0, size.height - margin.top - margin.bottom),
      fill: 'transparent',
    },
  });
  if (!hoverHandlers.has(target)) {
    const report = (event: PointerEvent) => {
      const handlers = hoverHandlers.get(target)!;
      handlers.onHover(handlers.stepAt(event));
    };
    target.addEventListener('pointerdown', report);
    target.addEventListener('pointermove', report);
    // A finger lifted leaves the values shown (a tap reads them); a mouse leaving the plot clears them.
    target.addEventListener('pointerleave', (event: PointerEvent) => {
      if (event.pointerType === 'mouse') hoverHandlers.get(target)!.onHover(null);
    });
  }
  hoverHandlers.set(target, {
    onHover,
    stepAt: (event) => {
      const box = root.node()!.getBoundingClientRect();
      return x.invert(((event.clientX - box.left) / box.width) * size.width);
    },
  });
  frame.plot.end();
  over.end();
}

/** A y domain covering finite values (positive only on a log axis), never zero-width. */
export function valueDomain(values: Iterable<number>, log = false): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v) || (log && v <= 0)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo > hi) return log ? [0.1, 1] : [0, 1];
  if (lo === hi) return log ? [lo / 2, hi * 2] : [lo - 0.5, hi + 0.5];
  return [lo, hi];
}

/**
 * The value range of a chart whose arms may diverge: fitted to the arms that did not, since a diverging
 * arm's last values (up to 1e15) would flatten every other line; the diverged arm is clipped at the
 * plot's edge and marked there. When every arm diverged, all values count.
 */
export function survivorDomain(series: readonly { y: readonly number[]; divergedAt?: number }[], log = false): [number, number] {
  const survivors = series.filter((s) => s.divergedAt === undefined);
  const counted = survivors.length > 0 && survivors.some((s) => s.y.some(Number.isFinite)) ? survivors : series;
  return valueDomain(
    counted.flatMap((s) => s.y),
    log,
  );
}
