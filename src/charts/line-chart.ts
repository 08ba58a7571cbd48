/**
 * A multi-series line chart over training steps: one line per arm (colour and dash pattern from
 * arm-styles.ts), optional log y, gaps where a value is NaN/Inf or not positive on a log axis, a
 * cross where an arm diverged, and a hover rule with a dot on each line at the active step.
 */
import { line } from 'd3';
import { armStyle } from './arm-styles';
import { drawFrame, drawHover, valueDomain } from './frame';
import { nearestIndex, type LineSeries } from './series';

export interface LineChartSpec {
  series: readonly LineSeries[];
  xLabel: string;
  yLabel: string;
  /** Step range to show (so a live run's axis does not jump while it grows). */
  xDomain: readonly [number, number];
  log?: boolean;
  /** Fixed value range, e.g. [0, 1] for accuracy; otherwise fitted to the data. */
  yDomain?: readonly [number, number];
  /** d3 format of the x ticks (frame.ts); for an x other than training steps. */
  xFormat?: string;
}

const usable = (log: boolean | undefined) => (v: number) => Number.isFinite(v) && (!log || v > 0);

export function drawLineChart(
  svg: SVGSVGElement,
  spec: LineChartSpec,
  active: number | null,
  onHover: (step: number | null) => void,
): void {
  const ok = usable(spec.log);
  const yDomain = spec.yDomain ?? valueDomain(spec.series.flatMap((s) => s.y), spec.log);
  const frame = drawFrame(svg, { ...spec, yDomain });
  const { x, y, plot } = frame;
  for (const s of spec.series) {
    const style = armStyle(s.id);
    const path = line<number>()
      .defined(ok)
      .x((_, i) => x(s.x[i]!))
      .y((v) => y(v));
    plot
      .append('path')
      .attr('class', 'series-line')
      .attr('d', path(s.y))
      .style('stroke', style.color)
      .attr('stroke-dasharray', style.dash || null);
    // A lone point between gaps draws no line; a dot keeps it visible.
    s.y.forEach((v, i) => {
      const isolated = ok(v) && !ok(s.y[i - 1] ?? Number.NaN) && !ok(s.y[i + 1] ?? Number.NaN);
      if (isolated) plot.append('circle').attr('class', 'series-dot').attr('cx', x(s.x[i]!)).attr('cy', y(v)).attr('r', 2).style('fill', style.color);
    });
    if (s.divergedAt !== undefined) {
      const lastOk = s.y.findLastIndex(ok);
      const cy = lastOk >= 0 ? y(s.y[lastOk]!) : y.range()[1]!;
      plot
        .append('text')
        .attr('class', 'diverged-mark')
        .attr('x', x(s.divergedAt))
        .attr('y', cy)
        .attr('text-anchor', 'middle')
        .attr('dominant-baseline', 'central')
        .style('fill', style.color)
        .text('×');
    }
  }
  if (active !== null) {
    for (const s of spec.series) {
      const i = nearestIndex(s.x, active);
      if (i < 0 || !ok(s.y[i]!)) continue;
      plot
        .append('circle')
        .attr('class', 'hover-dot')
        .attr('cx', x(s.x[i]!))
        .attr('cy', y(s.y[i]!))
        .attr('r', 3.5)
        .style('stroke', armStyle(s.id).color);
    }
  }
  drawHover(frame, active, onHover);
}
