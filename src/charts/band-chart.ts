/**
 * The distribution of one unit's pre-activation over training, as quantile bands (the paper's
 * distribution panels, Fig. 1c / Fig. 2): 5–95% and 25–75% bands and the median line, in the arm's
 * colour (the bands differ by opacity, the median by a solid line); pinned runs' medians faint under them.
 */
import { area, line } from 'd3';
import { armStyle } from './arm-styles';
import { drawFrame, drawHover, type ChartSize } from './frame';
import { drawPinnedMarks } from './pinned';
import { nearestIndex, type BandQuantile, type BandSeries, type LineSeries, type Pinned } from './series';

export interface BandChartSpec {
  band: BandSeries;
  xLabel: string;
  yLabel: string;
  xDomain: readonly [number, number];
  /** Shared by the arms' panels so their spreads compare at a glance. */
  yDomain: readonly [number, number];
  /**
   * Pinned runs (the run shelf): the same unit's median in each, faint under the bands and lettered at
   * its end. Their bands are left out: two sets of shaded quantiles in one arm's colour do not read apart.
   */
  pinned?: readonly Pinned<LineSeries>[];
}

const BANDS: readonly [BandQuantile, BandQuantile, string][] = [
  ['q05', 'q95', 'band-outer'],
  ['q25', 'q75', 'band-inner'],
];

export function drawBandChart(
  svg: SVGSVGElement,
  spec: BandChartSpec,
  active: number | null,
  onHover: (step: number | null) => void,
  size?: ChartSize,
): void {
  const frame = drawFrame(svg, spec, size);
  const { x, y, plot } = frame;
  const { band } = spec;
  const color = armStyle(band.id).color;
  const defined = (i: number) => Number.isFinite(band.q.q05[i]!) && Number.isFinite(band.q.q95[i]!);
  for (const run of spec.pinned ?? []) {
    for (const s of run.series) {
      const end = s.y.findLastIndex(Number.isFinite);
      const path = line<number>()
        .defined(Number.isFinite)
        .x((_, i) => x(s.x[i]!))
        .y((v) => y(v))(s.y);
      drawPinnedMarks(frame, run.letter, s.id, [path], end >= 0 ? [x(s.x[end]!), y(s.y[end]!)] : null);
    }
  }
  for (const [lo, hi, cls] of BANDS) {
    const shape = area<number>()
      .defined((_, i) => defined(i))
      .x((step) => x(step))
      .y0((_, i) => y(band.q[lo][i]!))
      .y1((_, i) => y(band.q[hi][i]!));
    plot.add('path', cls, { attrs: { class: cls, 'data-arm': band.id, d: shape(band.x) }, style: { fill: color } });
  }
  const median = line<number>()
    .defined((_, i) => Number.isFinite(band.q.q50[i]!))
    .x((step) => x(step))
    .y((_, i) => y(band.q.q50[i]!));
  plot.add('path', 'median', { attrs: { class: 'series-line', 'data-arm': band.id, d: median(band.x) }, style: { stroke: color } });
  if (active !== null) {
    const i = nearestIndex(band.x, active);
    if (i >= 0 && Number.isFinite(band.q.q50[i]!)) {
      plot.add('circle', 'hover', { attrs: { class: 'hover-dot', cx: x(band.x[i]!), cy: y(band.q.q50[i]!), r: 3.5 }, style: { stroke: color } });
    }
  }
  drawHover(frame, active, onHover);
}
