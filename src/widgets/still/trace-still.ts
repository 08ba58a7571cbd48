/**
 * A training trace as a still: every arm's main metric over the precomputed run (the training loss,
 * or what a figure is about when its loss says little), with the live charts' own words for the last
 * values. Pure (runs during server rendering).
 */
import { describeLines } from '../../charts/describe';
import { lineSeries } from '../../charts/series';
import { traceColumns, type Trace } from '../../traces/trace';
import { stillChart, type StillChart } from './still-chart';

export interface StillMetric {
  key: string;
  /** Measured on some steps only (series.ts): unmeasured rows are dropped, not gaps. */
  sparse?: boolean;
  yLabel: string;
  title: string;
}

const LOSS: StillMetric = { key: 'loss', yLabel: 'loss', title: 'Training loss' };

/** A GAN's critic loss says little about the run; the modes its generator covers say what the figure is about. */
const BY_EXPERIMENT: Readonly<Record<string, StillMetric>> = {
  wgan: { key: 'modesCovered', sparse: true, yLabel: 'modes covered (of 8)', title: 'Modes of the 8 Gaussians covered' },
};

export const stillMetric = (experiment: string): StillMetric => BY_EXPERIMENT[experiment] ?? LOSS;

export interface TraceStillModel {
  chart: StillChart;
  title: string;
  /** "Training loss, latest values: Standard 0.661 (step 299), …". */
  summary: string;
}

export function traceStill(trace: Pick<Trace, 'arms' | 'experiment'>, title?: string): TraceStillModel {
  const metric = stillMetric(trace.experiment);
  const series = lineSeries(traceColumns(trace), Object.keys(trace.arms), metric);
  const heading = title ?? metric.title;
  return {
    chart: stillChart({ series, xLabel: 'training step', yLabel: metric.yLabel, log: 'auto' }),
    title: heading,
    summary: describeLines(heading, series),
  };
}
