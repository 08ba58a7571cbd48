/**
 * Words for what a chart shows, for screen readers and for readers who prefer numbers: the latest
 * value of every line, divergences, and the values at a hovered step. Pure.
 */
import { format } from 'd3';
import { armStyle } from './arm-styles';
import { nearestIndex, type BandSeries, type LineSeries } from './series';
import type { SeedBand } from '../traces/band';

const PLAIN = format(',.3~r');
const EXPONENT = format('.3~g');

/** Three significant digits (2,330; 0.962; 1.23e-7); d3 writes a true minus sign before a number. "n/a" for NaN/Inf. */
export function fmtValue(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  const plain = Math.abs(value) >= 1e-3 && Math.abs(value) < 1e6;
  return (plain ? PLAIN : EXPONENT)(value);
}

/** The last finite value of a series and its step. */
function latest(s: LineSeries): { step: number; value: number } | null {
  for (let i = s.y.length - 1; i >= 0; i--) if (Number.isFinite(s.y[i]!)) return { step: s.x[i]!, value: s.y[i]! };
  return null;
}

/** "Training loss, latest values: BatchNorm 0.158 (step 299), …. Standard diverged at step 37." */
export function describeLines(title: string, series: readonly LineSeries[]): string {
  if (series.length === 0) return `${title}: no data yet.`;
  const parts = series.flatMap((s) => {
    const last = latest(s);
    return last ? [`${armStyle(s.id).label} ${fmtValue(last.value)} (step ${last.step})`] : [];
  });
  const diverged = series.flatMap((s) => (s.divergedAt !== undefined ? [`${armStyle(s.id).label} diverged at step ${s.divergedAt}.`] : []));
  return [`${title}, latest values: ${parts.length > 0 ? parts.join(', ') : 'none'}.`, ...diverged].join(' ');
}

/** "Median −0.21, middle half −0.60 to 0.31, 90% between −1.2 and 0.95 (step 299)." */
export function describeBand(title: string, band: BandSeries): string {
  if (band.x.length === 0) return `${title}: no data yet.`;
  return `${title}: ${bandAt(band, band.x.length - 1)}.`;
}

function bandAt(band: BandSeries, i: number): string {
  const q = (name: keyof BandSeries['q']) => fmtValue(band.q[name][i]!);
  return `at step ${band.x[i]}, median ${q('q50')}, middle half ${q('q25')} to ${q('q75')}, 90% between ${q('q05')} and ${q('q95')}`;
}

/** One line per series at the step nearest `step`, for the hover/keyboard read-out. */
export function readLinesAt(series: readonly LineSeries[], step: number): string {
  const parts = series.flatMap((s) => {
    const i = nearestIndex(s.x, step);
    return i < 0 ? [] : [`${armStyle(s.id).label} ${fmtValue(s.y[i]!)} (step ${s.x[i]})`];
  });
  return parts.join(' · ');
}

/** "seeds 1–5: Standard median 0.52 (0.41 to 0.66) · …" at the band row nearest `step`. */
export function readSeedBandsAt(bands: readonly SeedBand[], step: number): string {
  const parts = bands.flatMap((b) => {
    const i = nearestIndex(b.x, step);
    return i < 0 || b.count[i] === 0 ? [] : [`${armStyle(b.id).label} median ${fmtValue(b.median[i]!)} (${fmtValue(b.min[i]!)} to ${fmtValue(b.max[i]!)}, step ${b.x[i]})`];
  });
  return parts.length === 0 ? '' : `${seedRange(bands[0]!.seeds)}: ${parts.join(' · ')}`;
}

/** "seeds 1–5" for three or more consecutive seeds, else "seeds 1, 3". */
const seedRange = (seeds: readonly number[]) =>
  seeds.every((s, i) => i === 0 || s === seeds[i - 1]! + 1) && seeds.length > 2 ? `seeds ${seeds[0]}–${seeds.at(-1)}` : `seeds ${seeds.join(', ')}`;

export function readBandAt(band: BandSeries, step: number): string {
  const i = nearestIndex(band.x, step);
  return i < 0 ? '' : bandAt(band, i);
}
