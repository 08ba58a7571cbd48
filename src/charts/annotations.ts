/**
 * Marks a figure puts on its chart when the run shows its point, computed from the data, never drawn by
 * hand: if a new seed or setting does not show it, there is no mark. Pure.
 */
import { armStyle } from './arm-styles';
import { fmtValue } from './describe';
import type { LineSeries } from './series';

export interface Annotation {
  arm: string;
  step: number;
  value: number;
  text: string;
}

/** Mean of the last `n` finite values of a series and the step of its last one, or null. */
function finalLevel(s: LineSeries, n: number): { step: number; value: number } | null {
  const finite = s.y.flatMap((v, i) => (Number.isFinite(v) ? [i] : []));
  if (finite.length === 0) return null;
  const tail = finite.slice(-n);
  return { step: s.x[tail.at(-1)!]!, value: tail.reduce((sum, i) => sum + s.y[i]!, 0) / tail.length };
}

/**
 * "5.2× below Standard" at the key arm's end: when the key arm's last `n` values average `direction`
 * of the other's by more than 10% (the ring on the key arm says whose line it is). A diverged other arm
 * is named as such.
 */
export function endsApart(
  series: readonly LineSeries[],
  key: string,
  other: string,
  direction: 'lower' | 'higher',
  n = 10,
): Annotation | null {
  const a = series.find((s) => s.id === key);
  const b = series.find((s) => s.id === other);
  if (!a || !b || a.divergedAt !== undefined) return null;
  const end = finalLevel(a, n);
  if (!end) return null;
  if (b.divergedAt !== undefined) return { arm: key, ...end, text: `${armStyle(other).label} diverged` };
  const theirs = finalLevel(b, n);
  if (!theirs || end.value <= 0 || theirs.value <= 0) return null;
  const ratio = direction === 'lower' ? theirs.value / end.value : end.value / theirs.value;
  if (ratio < 1.1) return null;
  return { arm: key, ...end, text: `${fmtValue(ratio)}× ${direction === 'lower' ? 'below' : 'above'} ${armStyle(other).label}` };
}

/** "median −0.91 vs Standard 0.99" at the key arm's end: when the key arm's median is below the other's by `margin`. */
export function medianBelow(series: readonly LineSeries[], key: string, other: string, margin: number): Annotation | null {
  const median = (s: LineSeries | undefined) => {
    const ys = (s?.y ?? []).filter(Number.isFinite).sort((p, q) => p - q);
    return ys.length === 0 ? null : ys[Math.floor((ys.length - 1) / 2)]!;
  };
  const a = series.find((s) => s.id === key);
  const [mine, theirs] = [median(a), median(series.find((s) => s.id === other))];
  if (!a || mine === null || theirs === null || theirs - mine < margin) return null;
  const last = a.y.findLastIndex(Number.isFinite);
  return {
    arm: key,
    step: a.x[last]!,
    value: a.y[last]!,
    text: `median ${fmtValue(mine)} vs ${armStyle(other).label} ${fmtValue(theirs)}`,
  };
}
