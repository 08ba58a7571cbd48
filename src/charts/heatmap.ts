/**
 * A scalar field over a square: a heat map of grid cells on a canvas under an SVG that d3 fills with
 * contour lines of the same field, marked reference points (rings), a cloud of sample points (dots),
 * axes and a cursor cell. The WGAN figure draws the critic's value D(x) and its gradient norm ‖∇ₓD‖
 * with it. Grids follow types.ts FieldSnapshot: n × n cell centres, row 0 at the bottom. The cells go
 * on a canvas because a thousand SVG rects cost a long task to restyle and paint on every snapshot.
 * Reads no tensors.
 */
import { axisBottom, axisLeft, color as parseColor, contours, geoPath, geoTransform, scaleLinear, select, type ScaleLinear } from 'd3';
import { drawAxisLabels } from './frame';

export const FIELD_SIZE = 320;
export const FIELD_MARGIN = { top: 8, right: 8, bottom: 40, left: 44 };
const SIDE = FIELD_SIZE - FIELD_MARGIN.left - FIELD_MARGIN.right;
export const FIELD_HEIGHT = FIELD_MARGIN.top + SIDE + FIELD_MARGIN.bottom;

/** Where the canvas sits over the SVG, in percent of the SVG's box (CSS left, top, width, height). */
export const CANVAS_BOX = {
  left: (100 * FIELD_MARGIN.left) / FIELD_SIZE,
  top: (100 * FIELD_MARGIN.top) / FIELD_HEIGHT,
  width: (100 * SIDE) / FIELD_SIZE,
  height: (100 * SIDE) / FIELD_HEIGHT,
};

export interface FieldSpec {
  extent: readonly [number, number];
  /** Grid side n; `values` has n² entries, row-major from the bottom-left. */
  size: number;
  values: readonly number[];
  /** Colour of a value (the caller's scale, so the legend uses the same one). */
  color: (value: number) => string;
  /** Contour levels of `values`; none draws no lines. */
  thresholds: readonly number[];
  /** Reference points, drawn as rings (the real modes). */
  marks: readonly (readonly [number, number])[];
  /** Flat [x0, y0, …] sample points (generated), drawn as dots; points off the square are left out. */
  points: readonly number[];
  xLabel: string;
  yLabel: string;
}

/** The grid cell [row, column] holding (x, y), clamped to the grid. */
export function cellAt(spec: Pick<FieldSpec, 'extent' | 'size'>, x: number, y: number): [number, number] {
  const [lo, hi] = spec.extent;
  const index = (v: number) => Math.min(spec.size - 1, Math.max(0, Math.floor(((v - lo) / (hi - lo)) * spec.size)));
  return [index(y), index(x)];
}

/** The centre (x, y) of grid cell [row, column]. */
export function cellCentre(spec: Pick<FieldSpec, 'extent' | 'size'>, row: number, column: number): [number, number] {
  const [lo, hi] = spec.extent;
  const h = (hi - lo) / spec.size;
  return [lo + (column + 0.5) * h, lo + (row + 0.5) * h];
}

function scales(spec: Pick<FieldSpec, 'extent'>): { x: ScaleLinear<number, number>; y: ScaleLinear<number, number> } {
  return {
    x: scaleLinear().domain(spec.extent).range([FIELD_MARGIN.left, FIELD_MARGIN.left + SIDE]),
    y: scaleLinear().domain(spec.extent).range([FIELD_MARGIN.top + SIDE, FIELD_MARGIN.top]),
  };
}

/**
 * The cells as an n × n canvas (row 0 at the bottom, so drawn flipped), one pixel each, which CSS scales
 * up smoothly to the plot. Scaling them onto a canvas of the plot's size in script took 5-10 ms of the
 * main thread per snapshot on the phone profile (software canvas); the browser's own scaling is free.
 */
function paintCells(canvas: HTMLCanvasElement, spec: FieldSpec): void {
  const n = spec.size;
  const cells = new ImageData(n, n);
  spec.values.forEach((v, i) => {
    const rgb = parseColor(spec.color(v))?.rgb();
    const pixel = 4 * ((n - 1 - Math.floor(i / n)) * n + (i % n));
    cells.data.set([rgb?.r ?? 0, rgb?.g ?? 0, rgb?.b ?? 0, 255], pixel);
  });
  if (canvas.width !== n) canvas.width = n;
  if (canvas.height !== n) canvas.height = n;
  canvas.getContext('2d')!.putImageData(cells, 0, 0);
}

/** The latest pointer callback of each drawn field (the hover target is built once, the callback may change). */
const pointerHandlers = new WeakMap<SVGSVGElement, (at: [number, number] | null) => void>();

/**
 * Paints the cells on `canvas` (laid over the plot area by CANVAS_BOX) and draws the rest into `svg`
 * but the contours (drawContours, the next frame's work); `cursor` outlines one cell; `onPoint` gets the
 * pointer's field position. The parts that do not change between snapshots (axes, rings, labels, hover
 * target) are built on the first call only; later calls update the dots (one path: dotsPath) and the
 * cursor in place. Rebuilding everything on every snapshot, on top of the page's own layout and paint,
 * made frames of 60-90 ms while the WGAN figure trained; cells, dots and contours in one frame still took
 * 30-40 ms of CPU on the phone profile, about half of it the contours (traced 2026-12-03).
 */
export function drawField(
  svg: SVGSVGElement,
  canvas: HTMLCanvasElement,
  spec: FieldSpec,
  cursor: readonly [number, number] | null,
  onPoint: (at: [number, number] | null) => void,
): void {
  paintCells(canvas, spec);
  const { x, y } = scales(spec);
  const root = select(svg);
  pointerHandlers.set(svg, onPoint);
  if (root.select('g.field').empty()) drawFrame(svg, spec, x, y);
  root.select('path.samples').attr('d', dotsPath(spec, x, y));
  drawCursor(svg, spec, cursor);
}

/** The contour lines of `spec` on a field `drawField` has drawn. */
export function drawContours(svg: SVGSVGElement, spec: FieldSpec): void {
  const { x, y } = scales(spec);
  // Drawn first when the queue ran it ahead of the field's first drawing.
  if (select(svg).select('g.field').empty()) drawFrame(svg, spec, x, y);
  const n = spec.size;
  const cell = SIDE / n;
  // d3-contour works in grid units with row 0 at the top of its array; ours is at the bottom.
  const flipped = Array.from({ length: n * n }, (_, i) => spec.values[(n - 1 - Math.floor(i / n)) * n + (i % n)]!);
  const toScreen = geoTransform({
    point(gx, gy) {
      this.stream.point(x.range()[0]! + gx * cell, FIELD_MARGIN.top + gy * cell);
    },
  });
  select(svg)
    .select('g.contours')
    .selectAll('path')
    .data(spec.thresholds.length > 0 ? contours().size([n, n]).thresholds([...spec.thresholds])(flipped) : [])
    .join('path')
    .attr('d', geoPath(toScreen));
}

/**
 * Outlines grid cell `cursor` (none when null) on a field `drawField` has drawn with `spec`. Alone, for
 * a cursor moved with the keys or the pointer: redrawing the cells and contours for it took 25-30 ms of
 * CPU per key press on the phone profile (traced 2026-12-03).
 */
export function drawCursor(svg: SVGSVGElement, spec: Pick<FieldSpec, 'extent' | 'size'>, cursor: readonly [number, number] | null): void {
  const { x } = scales(spec);
  const cell = SIDE / spec.size;
  const outline = select(svg).select('rect.cursor-cell').attr('display', cursor ? null : 'none');
  if (cursor) {
    const [row, column] = cursor;
    outline
      .attr('x', x.range()[0]! + column * cell)
      .attr('y', FIELD_MARGIN.top + SIDE - (row + 1) * cell)
      .attr('width', cell)
      .attr('height', cell);
  }
}

const DOT_RADIUS = 2.2;

/**
 * The sample points inside the square as one path of circles (two arcs each). One element whose `d`
 * changes costs one attribute write and one restyle per snapshot; 256 <circle>s moved by d3 cost 512
 * writes and as many restyled elements, the largest part of a snapshot's main-thread work on the phone profile.
 */
function dotsPath(spec: FieldSpec, x: ScaleLinear<number, number>, y: ScaleLinear<number, number>): string {
  const [lo, hi] = spec.extent;
  const r = DOT_RADIUS;
  let d = '';
  for (let i = 0; i + 1 < spec.points.length; i += 2) {
    const px = spec.points[i]!;
    const py = spec.points[i + 1]!;
    if (px < lo || px > hi || py < lo || py > hi) continue;
    d += `M${(x(px) - r).toFixed(1)},${y(py).toFixed(1)}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`;
  }
  return d;
}

/** What stays put between snapshots: the layers, the rings of the real modes, axes, labels and the hover target. */
function drawFrame(svg: SVGSVGElement, spec: FieldSpec, x: ScaleLinear<number, number>, y: ScaleLinear<number, number>): void {
  const root = select(svg).attr('viewBox', `0 0 ${FIELD_SIZE} ${FIELD_HEIGHT}`).attr('preserveAspectRatio', 'xMidYMid meet');
  root.selectAll('*').remove();
  const plot = root.append('g').attr('class', 'field');
  plot.append('g').attr('class', 'contours');
  // Each ring twice, a wide light halo under a dark line, so it reads on dark and light cells alike.
  for (const layer of ['mark-halo', 'mark']) {
    plot
      .append('g')
      .attr('class', layer)
      .selectAll('circle')
      .data(spec.marks)
      .join('circle')
      .attr('cx', ([mx]) => x(mx))
      .attr('cy', ([, my]) => y(my))
      .attr('r', 7);
  }
  plot.append('path').attr('class', 'samples');
  root.append('rect').attr('class', 'cursor-cell').attr('display', 'none');

  root
    .append('g')
    .attr('class', 'axis')
    .attr('transform', `translate(0,${FIELD_MARGIN.top + SIDE})`)
    .call(axisBottom(x).ticks(5));
  root
    .append('g')
    .attr('class', 'axis')
    .attr('transform', `translate(${FIELD_MARGIN.left},0)`)
    .call(axisLeft(y).ticks(5));
  drawAxisLabels(root, spec, { width: FIELD_SIZE, height: FIELD_HEIGHT, margin: FIELD_MARGIN });

  const [lo, hi] = spec.extent;
  const report = (at: [number, number] | null) => pointerHandlers.get(svg)?.(at);
  root
    .append('rect')
    .attr('class', 'hover-target')
    .attr('x', x.range()[0]!)
    .attr('y', FIELD_MARGIN.top)
    .attr('width', SIDE)
    .attr('height', SIDE)
    .attr('fill', 'transparent')
    .on('pointermove', (event: PointerEvent) => {
      const box = svg.getBoundingClientRect();
      const fx = x.invert(((event.clientX - box.left) / box.width) * FIELD_SIZE);
      const fy = y.invert(((event.clientY - box.top) / box.height) * FIELD_HEIGHT);
      report(fx < lo || fx > hi || fy < lo || fy > hi ? null : [fx, fy]);
    })
    .on('pointerleave', () => report(null));
}
