/**
 * The network curves of the Lipschitz-ratio figure as a still: each net's loss along −∇L, and over
 * all pairs of its samples the largest secant ratio (L ≥) and gradient ratio (β ≥). Pure.
 */
import { gridOf, largestOnGrid, type Curve } from '../../lab/lipschitz/curves';
import { fmtValue } from '../../charts/describe';
import { stillChart, type StillChart } from './still-chart';

/** The figure's measured network curves are the ones named network-<arm>. */
const NETWORK = /^network-(.+)$/;

export function lipschitzStill(curves: readonly Curve[]): { chart: StillChart; summary: string } {
  const networks = curves.flatMap((c) => {
    const arm = NETWORK.exec(c.id)?.[1];
    return arm ? [{ arm, curve: c }] : [];
  });
  const series = networks.map(({ arm, curve }) => {
    const x = gridOf(curve);
    return { id: arm, x, y: x.map(curve.f) };
  });
  const first = networks[0]?.curve;
  const parts = networks.map(({ curve }) => {
    const best = largestOnGrid(curve);
    return `${curve.label}: L ≥ ${fmtValue(best.L)}, β ≥ ${fmtValue(best.beta)}`;
  });
  return {
    chart: stillChart({ series, xLabel: first?.xLabel ?? 'x', yLabel: first?.yLabel ?? 'loss', xFormat: '~g' }),
    summary: `Largest ratios over all pairs of measured points. ${parts.join('; ')}.`,
  };
}
