/**
 * The spectral-norm figure as a still, its numbers: σ(M), and the small network's measured Lipschitz
 * constant against the product of its layers' σ before and after spectral normalization, in words.
 * Plain numbers from the figure's own math (src/lab/spectral): a few
 * milliseconds at build time. The plane is drawn by the figure's own EllipsePlane.
 */
import { ellipseOf, type Mat2 } from '../../lab/spectral/matrix2';
import { checkLipschitz, drawNet, spectrallyNormalized, SIZES, type LipschitzCheck } from '../../lab/spectral/small-net';
import { fmtValue } from '../../charts/describe';

export interface SpectralStillModel {
  before: LipschitzCheck;
  after: LipschitzCheck;
  summary: string;
}

export function spectralStill(matrix: Mat2, seed: number): SpectralStillModel {
  const e = ellipseOf(matrix);
  const before = checkLipschitz(drawNet(seed));
  const after = checkLipschitz(spectrallyNormalized(drawNet(seed)));
  const [a, c] = matrix.col1;
  const [b, d] = matrix.col2;
  const net = `The ${SIZES.join('→')} ReLU network (seed ${seed})`;
  return {
    before,
    after,
    summary:
      `M = [${fmtValue(a)} ${fmtValue(b)}; ${fmtValue(c)} ${fmtValue(d)}] maps the unit circle to an ellipse with semi-axes ` +
      `σ(M) = ${fmtValue(e.major)} and ${fmtValue(e.minor)}. ${net}: largest input-gradient norm on the grid ` +
      `${fmtValue(before.measured)} against the bound Π σ(W_l) = ${fmtValue(before.bound)}; after spectral normalization ` +
      `${fmtValue(after.measured)} against ${fmtValue(after.bound)}.`,
  };
}
