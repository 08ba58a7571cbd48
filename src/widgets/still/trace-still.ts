/**
 * The geometry of a precomputed run drawn as plain markup: what a widget shows before (or without)
 * JavaScript. Pure and DOM-free (d3's scales and line generator only, never d3-selection or
 * d3-axis), so it runs during server rendering; TraceStill.svelte turns it into SVG elements.
 */
import { format, line, scaleLinear, scaleLog } from 'd3';
import { armStyle } from '../../charts/arm-styles';
import { describeLines } from '../../charts/describe';
import { HEIGHT, MARGIN, WIDTH, valueDomain } from '../../charts/frame';
import { lineSeries } from '../../charts/series';
import { traceColumns, type Trace } from '../../traces/trace';

/** The metric every training trace records: the still always shows the run's training loss. */
export const STILL_METRIC = 'loss';

export interface StillArm {
  id: string;
  label: string;
  color: string;
  dash: string;
  /** SVG path data in viewBox units ('' when the arm has no finite point). */
  d: string;
}

export interface StillTick {
  /** Position along its axis in viewBox units. */
  at: number;
  label: string;
}

export interface TraceStillModel {
  width: number;
  height: number;
  margin: typeof MARGIN;
  arms: StillArm[];
  xTicks: StillTick[];
  yTicks: StillTick[];
  xLabel: string;
  yLabel: string;
  /** "Training loss, latest values: Standard 0.661 (step 299), …": the live charts' own wording. */
  summary: string;
}

const X_TICKS = format('~s');
const Y_TICKS = format('~g');

/** One decimal of a 440-unit viewBox is finer than a pixel and keeps the page small. */
const round1 = (v: number) => Math.round(v * 10) / 10;

/** A log axis only when the loss spans more than a factor of ten, as the paper's loss plots do. */
const wantsLog = ([lo, hi]: readonly [number, number]) => lo > 0 && hi / lo > 10;

export function traceStill(trace: Pick<Trace, 'arms'>, title = 'Training loss'): TraceStillModel {
  const columns = traceColumns(trace);
  const series = lineSeries(columns, Object.keys(trace.arms), { key: STILL_METRIC });
  const ys = series.flatMap((s) => s.y);
  const log = wantsLog(valueDomain(ys, true));
  const lastStep = Math.max(1, ...series.map((s) => s.x.at(-1) ?? 0));
  const x = scaleLinear()
    .domain([0, lastStep])
    .range([MARGIN.left, WIDTH - MARGIN.right]);
  const y = (log ? scaleLog() : scaleLinear())
    .domain(valueDomain(ys, log))
    .range([HEIGHT - MARGIN.bottom, MARGIN.top])
    .nice();
  const usable = (v: number) => Number.isFinite(v) && (!log || v > 0);

  const arms = series.map((s) => {
    const style = armStyle(s.id);
    const path = line<number>()
      .defined(usable)
      .x((_, i) => x(s.x[i]!))
      .y((v) => y(v))
      .digits(1);
    return { id: s.id, label: style.label, color: style.color, dash: style.dash, d: path(s.y) ?? '' };
  });

  const yTicks = y.ticks(5).flatMap((v) => {
    // A log axis offers every 1–9 multiple; keep the labelled ones (1, 2, 5 × 10ⁿ).
    const label = log ? y.tickFormat(5, '~g')(v) : Y_TICKS(v);
    return label ? [{ at: round1(y(v)), label }] : [];
  });
  return {
    width: WIDTH,
    height: HEIGHT,
    margin: MARGIN,
    arms,
    xTicks: x.ticks(6).map((v) => ({ at: round1(x(v)), label: X_TICKS(v) })),
    yTicks,
    xLabel: 'training step',
    yLabel: log ? 'loss (log scale)' : 'loss',
    summary: describeLines(title, series),
  };
}
