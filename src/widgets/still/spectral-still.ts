/**
 * The spectral-norm figure as a still: the matrix's image of the unit circle with σ(M) as the
 * ellipse's longest semi-axis, and the small network's measured Lipschitz constant against the
 * product of its layers' σ before and after spectral normalization. Plain numbers from the figure's
 * own math (spectral/matrix2.ts, spectral/small-net.ts): a few milliseconds at build time.
 */
import { apply, ellipseOf, unitAt, type Mat2, type Vec2 } from '../spectral/matrix2';
import { checkLipschitz, drawNet, spectrallyNormalized, SIZES, type LipschitzCheck } from '../spectral/small-net';
import { fmtValue } from '../../charts/describe';

export const STILL_SIZE = 300;
/** The plane shown: [−LIMIT, LIMIT]². */
const LIMIT = 2.5;
const OUTLINE_POINTS = 72;

const round1 = (v: number) => Math.round(v * 10) / 10;
const px = (v: Vec2): [number, number] => [
  round1(STILL_SIZE / 2 + (v[0] * STILL_SIZE) / (2 * LIMIT)),
  round1(STILL_SIZE / 2 - (v[1] * STILL_SIZE) / (2 * LIMIT)),
];
const outline = (point: (angle: number) => Vec2) =>
  Array.from({ length: OUTLINE_POINTS + 1 }, (_, i) => px(point((2 * Math.PI * i) / OUTLINE_POINTS)).join(',')).join(' ');

export interface SpectralStillModel {
  size: number;
  origin: [number, number];
  circle: string;
  ellipse: string;
  /** Ends of the major axis (±σ along it). */
  major: [[number, number], [number, number]];
  columns: { name: string; tip: [number, number] }[];
  sigma: number;
  before: LipschitzCheck;
  after: LipschitzCheck;
  summary: string;
}

export function spectralStill(matrix: Mat2, seed: number): SpectralStillModel {
  const e = ellipseOf(matrix);
  const axis: Vec2 = [e.major * Math.cos(e.angle), e.major * Math.sin(e.angle)];
  const before = checkLipschitz(drawNet(seed));
  const after = checkLipschitz(spectrallyNormalized(drawNet(seed)));
  const [a, c] = matrix.col1;
  const [b, d] = matrix.col2;
  const net = `The ${SIZES.join('→')} ReLU network (seed ${seed})`;
  return {
    size: STILL_SIZE,
    origin: px([0, 0]),
    circle: outline(unitAt),
    ellipse: outline((angle) => apply(matrix, unitAt(angle))),
    major: [px([-axis[0], -axis[1]]), px(axis)],
    columns: [
      { name: 'M e₁', tip: px(matrix.col1) },
      { name: 'M e₂', tip: px(matrix.col2) },
    ],
    sigma: e.major,
    before,
    after,
    summary:
      `M = [${fmtValue(a)} ${fmtValue(b)}; ${fmtValue(c)} ${fmtValue(d)}] maps the unit circle to an ellipse with semi-axes ` +
      `σ(M) = ${fmtValue(e.major)} and ${fmtValue(e.minor)}. ${net}: largest input-gradient norm on the grid ` +
      `${fmtValue(before.measured)} against the bound Π σ(W_l) = ${fmtValue(before.bound)}; after spectral normalization ` +
      `${fmtValue(after.measured)} against ${fmtValue(after.bound)}.`,
  };
}
