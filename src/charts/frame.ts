/**
 * What the course's step charts share: the drawing size (scaled by viewBox, width 100%), the step
 * axis, a value axis (linear or log), axis labels with units, and the hover rule. Reads no tensors.
 */
import { axisBottom, axisLeft, format, scaleLinear, scaleLog, select, type ScaleContinuousNumeric, type Selection } from 'd3';

export const WIDTH = 440;
export const HEIGHT = 230;
export const MARGIN = { top: 12, right: 14, bottom: 42, left: 56 };

export type YScale = ScaleContinuousNumeric<number, number>;

export interface FrameSpec {
  xLabel: string;
  yLabel: string;
  xDomain: readonly [number, number];
  yDomain: readonly [number, number];
  log?: boolean;
  /** d3 format of the x ticks; default '~s' (steps: 1k, 2k). Step sizes such as 0.05 need '~g'. */
  xFormat?: string;
}

export interface Frame {
  root: Selection<SVGSVGElement, unknown, null, undefined>;
  x: ScaleContinuousNumeric<number, number>;
  y: YScale;
  plot: Selection<SVGGElement, unknown, null, undefined>;
}

/** Clears `svg` and draws axes and labels; the caller adds marks to `plot`. */
export function drawFrame(svg: SVGSVGElement, spec: FrameSpec): Frame {
  const x = scaleLinear()
    .domain(spec.xDomain)
    .range([MARGIN.left, WIDTH - MARGIN.right]);
  const y = (spec.log ? scaleLog() : scaleLinear())
    .domain(spec.yDomain)
    .range([HEIGHT - MARGIN.bottom, MARGIN.top])
    .nice();
  const root = select(svg).attr('viewBox', `0 0 ${WIDTH} ${HEIGHT}`).attr('preserveAspectRatio', 'xMidYMid meet');
  root.selectAll('*').remove();
  root
    .append('g')
    .attr('class', 'axis')
    .attr('transform', `translate(0,${HEIGHT - MARGIN.bottom})`)
    .call(axisBottom(x).ticks(6).tickFormat(format(spec.xFormat ?? '~s')));
  root
    .append('g')
    .attr('class', 'axis')
    .attr('transform', `translate(${MARGIN.left},0)`)
    .call(axisLeft(y).ticks(5, '~g'));
  drawAxisLabels(root, spec, { width: WIDTH, height: HEIGHT, margin: MARGIN });
  const plot = root.append('g').attr('class', 'plot');
  return { root, x, y, plot };
}

export interface ChartBox {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

/** The x label centred under the plot and the y label turned along the left edge (every chart's). */
export function drawAxisLabels(
  root: Selection<SVGSVGElement, unknown, null, undefined>,
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

/** The vertical hover rule at step `at`, and pointer tracking that reports the step under the pointer. */
export function drawHover(frame: Frame, at: number | null, onHover: (step: number | null) => void): void {
  const { root, x } = frame;
  if (at !== null) {
    root
      .append('line')
      .attr('class', 'hover-rule')
      .attr('x1', x(at))
      .attr('x2', x(at))
      .attr('y1', MARGIN.top)
      .attr('y2', HEIGHT - MARGIN.bottom);
  }
  root
    .append('rect')
    .attr('class', 'hover-target')
    .attr('x', MARGIN.left)
    .attr('y', MARGIN.top)
    .attr('width', WIDTH - MARGIN.left - MARGIN.right)
    .attr('height', HEIGHT - MARGIN.top - MARGIN.bottom)
    .attr('fill', 'transparent')
    .on('pointermove', (event: PointerEvent) => {
      const [px] = pointerIn(root.node()!, event);
      onHover(x.invert(px));
    })
    .on('pointerleave', () => onHover(null));
}

/** Pointer position in viewBox units (the svg is scaled to its container). */
function pointerIn(svg: SVGSVGElement, event: PointerEvent): [number, number] {
  const box = svg.getBoundingClientRect();
  return [((event.clientX - box.left) / box.width) * WIDTH, ((event.clientY - box.top) / box.height) * HEIGHT];
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
