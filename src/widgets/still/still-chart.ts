/**
 * The geometry of a static line chart drawn as plain markup: what a widget shows before (or
 * without) JavaScript. Pure and DOM-free (d3's scales and line generator only, never d3-selection
 * or d3-axis), so it runs during server rendering; StillChart.svelte turns it into SVG elements.
 * Same size, margins and arm styles as the live charts (charts/frame.ts, charts/arm-styles.ts).
 */
import { format, line, scaleLinear, scaleLog } from 'd3';
import { armStyle } from '../../charts/arm-styles';
import { HEIGHT, leftMargin, MARGIN, WIDTH, powerOfTen, valueDomain } from '../../charts/frame';

export interface StillSeries {
  /** Arm id: selects the name, colour and dash pattern. */
  id: string;
  x: readonly number[];
  y: readonly number[];
}

export interface StillChartSpec {
  series: readonly StillSeries[];
  xLabel: string;
  yLabel: string;
  /** A log value axis; 'auto' takes one when the values span more than a factor of ten. */
  log?: boolean | 'auto';
  /** d3 format of the x ticks: '~s' (steps: 1k) unless told. */
  xFormat?: string;
}

export interface StillArm {
  id: string;
  label: string;
  color: string;
  dash: string;
  /** SVG path data in viewBox units ('' when the arm has no drawable point). */
  d: string;
}

export interface StillTick {
  /** Position along its axis in viewBox units. */
  at: number;
  label: string;
}

/** What a still's axes are drawn from (StillAxes.svelte): the viewBox, its margins and the ticks. */
export interface StillFrame {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
  xTicks: StillTick[];
  yTicks: StillTick[];
}

export interface StillChart extends StillFrame {
  arms: StillArm[];
  xLabel: string;
  /** With " (log scale)" appended on a log axis. */
  yLabel: string;
}

/** One decimal of a 440-unit viewBox is finer than a pixel and keeps the page small. */
const round1 = (v: number) => Math.round(v * 10) / 10;

/**
 * A still shrinks with its viewBox while its text keeps 11.5 CSS px or more (charts.css), so on a phone its
 * text takes more of the drawing: about WIDTH / 300 units per CSS px where a still is 300 px wide (a 360 px
 * screen). Its left margin fits the widest y tick label at that scale, or the turned y title ran into a
 * "1,000" there; on a desktop the plot gives up a little width for it.
 */
const PHONE_UNITS_PER_PX = WIDTH / 300;
const Y_TICKS = format('~g');

function wantsLog(spec: StillChartSpec, ys: readonly number[]): boolean {
  if (spec.log !== 'auto') return spec.log ?? false;
  const [lo, hi] = valueDomain(ys, true);
  return ys.every((v) => !Number.isFinite(v) || v > 0) && hi / lo > 10;
}

export function stillChart(spec: StillChartSpec): StillChart {
  const ys = spec.series.flatMap((s) => s.y);
  const log = wantsLog(spec, ys);
  const xs = spec.series.flatMap((s) => s.x);
  const y = (log ? scaleLog() : scaleLinear())
    .domain(valueDomain(ys, log))
    .range([HEIGHT - MARGIN.bottom, MARGIN.top])
    .nice();
  // A log axis labels powers of ten only, written short (10⁵, as the live charts do).
  const yTicks = log
    ? y.ticks(5).flatMap((v) => (Number.isInteger(Math.log10(v)) ? [{ at: round1(y(v)), label: powerOfTen(Math.log10(v)) }] : []))
    : y.ticks(5).map((v) => ({ at: round1(y(v)), label: Y_TICKS(v) }));
  const margin = { ...MARGIN, left: Math.max(MARGIN.left, Math.round(PHONE_UNITS_PER_PX * leftMargin(Math.max(0, ...yTicks.map((t) => t.label.length))))) };
  const x = scaleLinear()
    .domain(valueDomain(xs))
    .range([margin.left, WIDTH - margin.right]);
  const usable = (v: number) => Number.isFinite(v) && (!log || v > 0);

  const arms = spec.series.map((s) => {
    const style = armStyle(s.id);
    const path = line<number>()
      .defined(usable)
      .x((_, i) => x(s.x[i]!))
      .y((v) => y(v))
      .digits(1);
    return { id: s.id, label: style.label, color: style.color, dash: style.dash, d: path([...s.y]) ?? '' };
  });

  const xTickFormat = format(spec.xFormat ?? '~s');
  return {
    width: WIDTH,
    height: HEIGHT,
    margin,
    arms,
    xTicks: x.ticks(6).map((v) => ({ at: round1(x(v)), label: xTickFormat(v) })),
    yTicks,
    xLabel: spec.xLabel,
    yLabel: log ? `${spec.yLabel} (log scale)` : spec.yLabel,
  };
}
