/**
 * Where the chapters' measured numbers come from, loaded once at build time (src/site/measured.ts
 * resolves a reference against these). Every source is committed data or a figure's own
 * deterministic math, never a number typed into prose:
 *   claims   src/replication/r1.json … r7.json, with the replication page's checks (claims.ts)
 *   studies  src/replication/studies/<study>.json (runs a chapter quotes that no claim holds)
 *   traces   src/traces/<experiment>.json, a figure's precomputed run (one seed)
 *   figures  numbers a figure shows from its own committed data or plain-number math
 */
import { CLAIMS, type Claim } from '../replication/claims';
import type { ClaimFile, StudyFile } from '../replication/measured';
import type { Trace } from '../traces/trace';
import { largestOnGrid, sampledCurve } from '../lab/lipschitz/curves';
import type { SliceFile } from '../lab/lipschitz/slice-file';
import sliceJson from '../traces/gradient-slice.json';
import theoremJson from '../widgets/still/theorem-check.json';
import type { TheoremStillData } from '../widgets/still/theorem-still';
import { ellipseOf } from '../lab/spectral/matrix2';
import { checkLipschitz, drawNet, spectrallyNormalized } from '../lab/spectral/small-net';
import { FIRST_MATRIX, FIRST_SEED } from '../widgets/spectral/share-fields';

/** The file name's stem: "../replication/studies/x.json" → "x". */
const stem = (path: string) => path.replace(/^.*\//, '').replace(/\.json$/, '');

export const CLAIM_SOURCES: ReadonlyMap<string, Claim> = new Map(CLAIMS.map((c) => [c.id, c]));

export const STUDY_SOURCES: ReadonlyMap<string, StudyFile> = new Map(
  Object.entries(import.meta.glob<StudyFile>('../replication/studies/*.json', { eager: true, import: 'default' })).map(([path, file]) => [stem(path), file]),
);

/** Every trace a figure draws (the gradient slice has its own shape and is a figure below). */
export const TRACE_SOURCES: ReadonlyMap<string, Trace> = new Map(
  Object.entries(import.meta.glob<Trace>(['../traces/*.json', '!../traces/gradient-slice.json'], { eager: true, import: 'default' })).map(
    ([path, trace]) => [stem(path), trace],
  ),
);

/** A figure's numbers: name → value, and the seed its data was drawn with (when it has one). */
export interface FigureNumbers {
  seed?: number;
  values: Readonly<Record<string, number>>;
}

const QUARTER = 0.25;

/** Chapter 4's network curves: each arm's loss along −∇L after the slice's step, and what a reader can find on it. */
function gradientSlice(): FigureNumbers {
  const file = sliceJson as SliceFile;
  const values: Record<string, number> = {};
  for (const arm of file.arms) {
    const curve = sampledCurve({ id: arm.arm, label: arm.arm, description: '', xLabel: 'x', yLabel: 'loss' }, arm);
    const best = largestOnGrid(curve);
    Object.assign(values, {
      [`${arm.arm}.lossStart`]: arm.values[0]!,
      [`${arm.arm}.lossMin`]: Math.min(...arm.values),
      [`${arm.arm}.lossMax`]: Math.max(...arm.values),
      [`${arm.arm}.lossEnd`]: arm.values.at(-1)!,
      [`${arm.arm}.slopeStart`]: arm.slopes[0]!,
      // A quarter unit along: how fast the slope changes near the start (chapter 4 reads the BatchNorm curve there).
      [`${arm.arm}.slopeAtQuarter`]: curve.df(QUARTER),
      [`${arm.arm}.gradNorm`]: arm.gradNorm,
      [`${arm.arm}.secantMax`]: best.L,
      [`${arm.arm}.gradientRatioMax`]: best.beta,
    });
  }
  values.maxDistance = file.plan.maxDistance;
  return { seed: file.seed, values };
}

/** Chapter 6's Theorem 4.1 check: both sides for the figure's first batch (theorem-check.json). */
function theoremCheck(): FigureNumbers {
  const { seed, theorem } = theoremJson as TheoremStillData;
  return { seed, values: { ...theorem } };
}

/** Chapter 8's spectral-norm figure: σ of its first matrix, and its first network's bound against the measured slope. */
function spectralNorm(): FigureNumbers {
  const { major, minor } = ellipseOf(FIRST_MATRIX);
  const before = checkLipschitz(drawNet(FIRST_SEED));
  const after = checkLipschitz(spectrallyNormalized(drawNet(FIRST_SEED)));
  const values: Record<string, number> = {
    sigma: major,
    sigma2: minor,
    // The factor by which one iteration shrinks ũ's part off the top singular direction.
    contraction: (minor / major) ** 2,
    bound: before.bound,
    measured: before.measured,
    normalizedBound: after.bound,
    normalizedMeasured: after.measured,
  };
  before.sigmas.forEach((s, l) => (values[`layerSigma.${l + 1}`] = s));
  return { seed: FIRST_SEED, values };
}

export const FIGURE_SOURCES: ReadonlyMap<string, () => FigureNumbers> = new Map([
  ['gradient-slice', gradientSlice],
  ['theorem-check', theoremCheck],
  ['spectral-norm', spectralNorm],
]);

export type { ClaimFile, StudyFile, Trace };
