/**
 * Geometry of the Lipschitz-ratio figure: a 1-D function on its grid, two marked points, the secant
 * through them and a tangent at each. Returns plain numbers and path strings that a Svelte component
 * renders (the points are interactive SVG elements, so the component owns the markup). Only dataXAt
 * reads the DOM (the drawn size of the svg). The caller hands in the function and the points it is
 * drawn through (the lab's grid), so the chart knows nothing of where they come from.
 */
import { extent, line, scaleLinear, type ScaleLinear } from 'd3';

/** A function on [lo, hi] with its derivative. */
export interface PlottedFunction {
  lo: number;
  hi: number;
  f: (x: number) => number;
  df: (x: number) => number;
}

export const PLOT_WIDTH = 520;
export const PLOT_HEIGHT = 280;
export const PLOT_MARGIN = { top: 14, right: 16, bottom: 44, left: 56 };
/** Half-length of a drawn tangent, as a fraction of the x domain. */
const TANGENT_HALF = 0.07;

export interface FunctionPlot {
  x: ScaleLinear<number, number>;
  y: ScaleLinear<number, number>;
  curvePath: string;
  xTicks: number[];
  yTicks: number[];
}

/** The plot of `curve` through the points `xs` (ascending, from lo to hi). */
export function functionPlot(curve: PlottedFunction, xs: readonly number[]): FunctionPlot {
  const ys = xs.map(curve.f);
  const [lo, hi] = extent(ys) as [number, number];
  const pad = Math.max((hi - lo) * 0.08, 1e-3);
  const x = scaleLinear().domain([curve.lo, curve.hi]).range([PLOT_MARGIN.left, PLOT_WIDTH - PLOT_MARGIN.right]);
  const y = scaleLinear()
    .domain([lo - pad, hi + pad])
    .nice()
    .range([PLOT_HEIGHT - PLOT_MARGIN.bottom, PLOT_MARGIN.top]);
  const curvePath = line<number>()
    .x((v) => x(v))
    .y((_, i) => y(ys[i]!))(xs)!;
  return { x, y, curvePath, xTicks: x.ticks(7), yTicks: y.ticks(5) };
}

/** The segment of the tangent at x₀ (slope f′(x₀)), in pixels. */
export function tangentAt(plot: FunctionPlot, curve: PlottedFunction, x0: number): [number, number, number, number] {
  const half = (curve.hi - curve.lo) * TANGENT_HALF;
  const f0 = curve.f(x0);
  const slope = curve.df(x0);
  return [plot.x(x0 - half), plot.y(f0 - slope * half), plot.x(x0 + half), plot.y(f0 + slope * half)];
}

/** Data x under a pointer at clientX over an svg scaled by its viewBox. */
export function dataXAt(plot: FunctionPlot, svg: SVGSVGElement, clientX: number): number {
  const box = svg.getBoundingClientRect();
  return plot.x.invert(((clientX - box.left) / box.width) * PLOT_WIDTH);
}
