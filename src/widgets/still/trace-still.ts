/**
 * A training trace as a still: every arm's training loss over the precomputed run, with the live
 * charts' own words for its last values. Pure (runs during server rendering).
 */
import { describeLines } from '../../charts/describe';
import { lineSeries } from '../../charts/series';
import { traceColumns, type Trace } from '../../traces/trace';
import { stillChart, type StillChart } from './still-chart';

/** The metric every training trace records: the still always shows the run's training loss. */
export const STILL_METRIC = 'loss';

export interface TraceStillModel {
  chart: StillChart;
  /** "Training loss, latest values: Standard 0.661 (step 299), …". */
  summary: string;
}

export function traceStill(trace: Pick<Trace, 'arms'>, title = 'Training loss'): TraceStillModel {
  const series = lineSeries(traceColumns(trace), Object.keys(trace.arms), { key: STILL_METRIC });
  return {
    chart: stillChart({ series, xLabel: 'training step', yLabel: 'loss', log: 'auto' }),
    summary: describeLines(title, series),
  };
}
