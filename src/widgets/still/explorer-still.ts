/**
 * The BatchNorm explorer as a still: the seeded mini-batch the figure starts with (same sampler,
 * stream and settings as src/lab/explorer/explore.ts, which a unit test checks), as a histogram with
 * its batch mean, and in words what training-mode BatchNorm does to it. Pure numbers: the batch is
 * drawn by the lab's tfjs-free sampler, so the build runs no tfjs for it.
 */
import { deviation, format, max, mean, scaleLinear } from 'd3';
import { stream } from '../../lab/random';
import { drawPreActivations } from '../../lab/explorer/sample';
import type { ExplorerSettings } from '../../lab/explorer/config';
import { binsOf, niceDomain } from '../../charts/histogram';
import { fmtValue } from '../../charts/describe';
import type { StillFrame } from './still-chart';

/** The random stream explore() draws the shown batch from. */
export const EXPLORER_BATCH_STREAM = 'explorer/batch';

const WIDTH = 360;
const HEIGHT = 210;
const MARGIN = { top: 12, right: 12, bottom: 42, left: 44 };
const round1 = (v: number) => Math.round(v * 10) / 10;

export function explorerBatch(settings: ExplorerSettings, seed: number): Float32Array {
  return drawPreActivations(stream(seed, EXPLORER_BATCH_STREAM), settings.batchSize, settings.shift, settings.scale);
}

export interface ExplorerStillModel extends StillFrame {
  bars: { x: number; y: number; width: number; height: number }[];
  /** x of the batch-mean marker. */
  meanAt: number;
  summary: string;
}

export function explorerStill(settings: ExplorerSettings, seed: number): ExplorerStillModel {
  const inputs = explorerBatch(settings, seed);
  const values = Array.from(inputs);
  const batchMean = mean(values)!;
  // BatchNorm's own spread: biased (divides by m), as in training mode.
  const batchStd = deviation(values)! * Math.sqrt((values.length - 1) / values.length);
  const domain = niceDomain(inputs, [batchMean]);
  const bins = binsOf({ values: inputs, domain });
  const x = scaleLinear().domain(domain).range([MARGIN.left, WIDTH - MARGIN.right]);
  const y = scaleLinear()
    .domain([0, max(bins, (b) => b.count) ?? 1])
    .nice()
    .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const { gamma, beta, batchSize, shift, scale } = settings;
  return {
    width: WIDTH,
    height: HEIGHT,
    margin: MARGIN,
    bars: bins.map((b) => ({
      x: round1(x(b.x0) + 0.5),
      y: round1(y(b.count)),
      width: round1(Math.max(0, x(b.x1) - x(b.x0) - 1)),
      height: round1(y(0) - y(b.count)),
    })),
    xTicks: x.ticks(6).map((v) => ({ at: round1(x(v)), label: format('~g')(v) })),
    yTicks: y.ticks(4).map((v) => ({ at: round1(y(v)), label: format('d')(v) })),
    meanAt: round1(x(batchMean)),
    summary:
      `A seeded batch of ${batchSize} skewed pre-activations from a population with mean ${fmtValue(shift)} and standard ` +
      `deviation ${fmtValue(scale)}: batch mean ${fmtValue(batchMean)}, batch standard deviation ${fmtValue(batchStd)}. ` +
      `In training mode BatchNorm subtracts the batch mean and divides by the batch standard deviation, then scales by ` +
      `γ = ${fmtValue(gamma)} and shifts by β = ${fmtValue(beta)}, so the outputs have mean ${fmtValue(beta)} and standard ` +
      `deviation ${fmtValue(gamma)} while the skewed shape stays.`,
  };
}
