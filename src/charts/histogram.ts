/**
 * A small reusable histogram: bins, axes with labels, vertical marker lines, and a highlighted
 * bin for hover/keyboard read-out. Scales with its container (viewBox, width 100%); colours come
 * from CSS classes (src/charts/charts.css) so both themes and print work. Reads no tensors: the
 * caller hands it plain numbers.
 */
import { axisBottom, axisLeft, bin, extent, format, max, scaleLinear, select } from 'd3';
import { drawAxisLabels } from './frame';

const WIDTH = 360;
const HEIGHT = 210;
const MARGIN = { top: 12, right: 12, bottom: 42, left: 44 };
/** Equal-width bins across the domain, the same count on every chart, so shapes compare across charts. */
const BIN_COUNT = 14;

export interface Marker {
  value: number;
  label: string;
  /** Dashed markers are told apart by pattern as well as colour. */
  style: 'solid' | 'dashed';
}

export interface HistogramSpec {
  values: ArrayLike<number>;
  domain: readonly [number, number];
  xLabel: string;
  yLabel: string;
  markers: readonly Marker[];
  /** CSS class for the bars: 'series-1' or 'series-2'. */
  series: 'series-1' | 'series-2';
}

export interface BinInfo {
  x0: number;
  x1: number;
  count: number;
}

/** A nice axis domain covering `values` and `extras` (marker positions), never zero-width. */
export function niceDomain(values: ArrayLike<number>, extras: readonly number[] = []): [number, number] {
  const [lo, hi] = extent([...Array.from(values), ...extras]) as [number | undefined, number | undefined];
  if (lo === undefined || hi === undefined) return [-1, 1];
  const pad = Math.max((hi - lo) * 0.05, 0.5);
  return scaleLinear()
    .domain([lo - pad, hi + pad])
    .nice()
    .domain() as [number, number];
}

/** The bins `drawHistogram` uses for a spec, so callers can describe them in text. */
export function binsOf(spec: Pick<HistogramSpec, 'values' | 'domain'>): BinInfo[] {
  const [lo, hi] = spec.domain;
  const width = (hi - lo) / BIN_COUNT;
  const thresholds = Array.from({ length: BIN_COUNT - 1 }, (_, i) => lo + (i + 1) * width);
  const bins = bin().domain([lo, hi]).thresholds(thresholds)(Array.from(spec.values));
  return bins.map((b) => ({ x0: b.x0 ?? spec.domain[0], x1: b.x1 ?? spec.domain[1], count: b.length }));
}

/**
 * (Re)draws the chart into `svg`. `active` highlights one bin; `onActivate` is called with a bin
 * index when the pointer enters a bar, and with null when it leaves the plot.
 */
export function drawHistogram(
  svg: SVGSVGElement,
  spec: HistogramSpec,
  active: number | null,
  onActivate: (index: number | null) => void,
): void {
  const bins = binsOf(spec);
  const x = scaleLinear().domain(spec.domain).range([MARGIN.left, WIDTH - MARGIN.right]);
  const yMax = Math.max(1, max(bins, (b) => b.count) ?? 1);
  const y = scaleLinear().domain([0, yMax]).nice().range([HEIGHT - MARGIN.bottom, MARGIN.top]);

  const root = select(svg).attr('viewBox', `0 0 ${WIDTH} ${HEIGHT}`).attr('preserveAspectRatio', 'xMidYMid meet');
  root.selectAll('*').remove();
  root.on('pointerleave', () => onActivate(null));

  root
    .append('g')
    .attr('class', 'bars')
    .selectAll('rect')
    .data(bins)
    .join('rect')
    .attr('class', (_, i) => `bar ${spec.series}${i === active ? ' active' : ''}`)
    .attr('x', (b) => x(b.x0) + 0.5)
    .attr('width', (b) => Math.max(0, x(b.x1) - x(b.x0) - 1))
    .attr('y', (b) => y(b.count))
    .attr('height', (b) => y(0) - y(b.count))
    .on('pointerenter', (_, b) => onActivate(bins.indexOf(b)));

  const integerTicks = y.ticks(4).filter(Number.isInteger);
  root
    .append('g')
    .attr('class', 'axis')
    .attr('transform', `translate(0,${HEIGHT - MARGIN.bottom})`)
    .call(axisBottom(x).ticks(6));
  root
    .append('g')
    .attr('class', 'axis')
    .attr('transform', `translate(${MARGIN.left},0)`)
    .call(axisLeft(y).tickValues(integerTicks).tickFormat(format('d')));

  drawAxisLabels(root, spec, { width: WIDTH, height: HEIGHT, margin: MARGIN });

  root
    .append('g')
    .attr('class', 'markers')
    .selectAll('line')
    .data(spec.markers.filter((m) => m.value >= spec.domain[0] && m.value <= spec.domain[1]))
    .join('line')
    .attr('class', (m) => `marker ${m.style}`)
    .attr('x1', (m) => x(m.value))
    .attr('x2', (m) => x(m.value))
    .attr('y1', MARGIN.top)
    .attr('y2', HEIGHT - MARGIN.bottom);
}
