/**
 * What the WGAN figure shows, from metric columns and snapshots: the arm's latest snapshot, the two
 * surfaces (critic value, gradient norm) with their colour scales and contour levels, the live sample
 * quality, and the words for the read-out and the summary. Pure: no DOM, no tensors.
 */
import { interpolateRdBu, interpolateViridis, scaleDiverging, scaleSequential } from 'd3';
import { fmtValue } from '../../charts/describe';
import { HIGH_QUALITY_RADIUS } from '../../lab/gan/quality';
import { snapshotsOf, type Columns, type StepSnapshot } from '../../lab/worker/columns';
import type { FieldSnapshot } from '../../lab/types';

export type Surface = 'value' | 'gradNorm';

export const SURFACES: readonly { id: Surface; label: string; unit: string }[] = [
  { id: 'value', label: 'Critic value D(x)', unit: 'D(x)' },
  { id: 'gradNorm', label: 'Gradient norm ‖∇ₓD(x)‖', unit: '‖∇ₓD‖' },
];

export const ARM_LABELS: Readonly<Record<string, string>> = {
  clip: 'Weight clipping',
  gp: 'Gradient penalty',
  sn: 'Spectral normalization',
};

/** Gradient norms are coloured on [0, 2], white at the Lipschitz bound 1 (larger values clamp). */
export const GRAD_NORM_DOMAIN = [0, 1, 2] as const;
const VALUE_CONTOURS = 8;

export interface SurfaceScale {
  color: (value: number) => string;
  /** Legend ends and its middle tick (the value range, or 0 / 1 / 2 for gradient norms). */
  ticks: readonly number[];
  thresholds: number[];
}

/** The arm's latest snapshot, or null before its first. */
export function latestSnapshot(columns: Columns, arm: string): StepSnapshot | null {
  return snapshotsOf(columns, arm).at(-1) ?? null;
}

function range(values: readonly number[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo <= hi ? [lo, hi] : [0, 1];
}

/**
 * The colour scale and contour levels of a surface. Critic values have no natural scale (only
 * differences matter), so they span their own range; gradient norms are read against 1.
 */
export function surfaceScale(surface: Surface, snapshot: FieldSnapshot): SurfaceScale {
  if (surface === 'gradNorm') {
    // Red above 1 (steeper than 1-Lipschitz allows), blue below: RdBu runs red → blue, so reverse.
    const scale = scaleDiverging((t: number) => interpolateRdBu(1 - t)).domain(GRAD_NORM_DOMAIN).clamp(true);
    return { color: (v) => scale(v), ticks: GRAD_NORM_DOMAIN, thresholds: [0.5, 1, 1.5] };
  }
  const [lo, hi] = range(snapshot.value);
  const scale = scaleSequential(interpolateViridis).domain([lo, hi === lo ? lo + 1 : hi]);
  const thresholds = Array.from({ length: VALUE_CONTOURS - 1 }, (_, k) => lo + ((k + 1) * (hi - lo)) / VALUE_CONTOURS);
  return { color: (v) => scale(v), ticks: [lo, (lo + hi) / 2, hi], thresholds: hi > lo ? thresholds : [] };
}

export interface ArmQuality {
  modesCovered: number;
  highQualityFraction: number;
  step: number;
}

/** The arm's latest sample-quality measurement (2000 samples), or null before its first. */
export function latestQuality(columns: Columns, arm: string): ArmQuality | null {
  const c = columns[arm];
  const modes = c?.modesCovered;
  if (!c || !modes) return null;
  for (let row = modes.length - 1; row >= 0; row--) {
    if (Number.isFinite(modes[row]!)) {
      return { modesCovered: modes[row]!, highQualityFraction: c.highQualityFraction?.[row] ?? Number.NaN, step: c.step[row]! };
    }
  }
  return null;
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** "At (0.81, −0.56): D(x) 0.312, ‖∇ₓD‖ 0.97." */
export function readCell(snapshot: FieldSnapshot, row: number, column: number, at: readonly [number, number]): string {
  const i = row * snapshot.size + column;
  return `At (${fmtValue(at[0])}, ${fmtValue(at[1])}): D(x) ${fmtValue(snapshot.value[i]!)}, ‖∇ₓD‖ ${fmtValue(snapshot.gradNorm[i]!)}.`;
}

/** The figure in words: what is drawn, the surface's range, where the critic is steeper than 1, the samples. */
export function describeSnapshot(arm: string, shot: StepSnapshot, quality: ArmQuality | null): string {
  const { snapshot, step } = shot;
  const [vlo, vhi] = range(snapshot.value);
  const steep = snapshot.gradNorm.filter((g) => g > 1).length / snapshot.gradNorm.length;
  const parts = [
    `${ARM_LABELS[arm] ?? arm}, step ${step}: critic values from ${fmtValue(vlo)} to ${fmtValue(vhi)} over the square;`,
    `gradient norm median ${fmtValue(median(snapshot.gradNorm))}, largest ${fmtValue(range(snapshot.gradNorm)[1])},`,
    `above 1 on ${Math.round(100 * steep)}% of the grid.`,
  ];
  if (quality) {
    parts.push(
      `At step ${quality.step}, ${quality.modesCovered} of 8 modes covered and ${Math.round(100 * quality.highQualityFraction)}% of 2000 samples within ${HIGH_QUALITY_RADIUS} of a mode.`,
    );
  }
  return parts.join(' ');
}
