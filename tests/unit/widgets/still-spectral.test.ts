/** The spectral-norm figure's still: ellipse, σ and the network numbers, from the figure's own math. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ellipseOf, type Mat2 } from '../../../src/lab/spectral/matrix2';
import { checkLipschitz, drawNet, spectrallyNormalized } from '../../../src/lab/spectral/small-net';
import { ellipseView, PLANE_SIZE } from '../../../src/widgets/spectral/plane';
import { fmtValue } from '../../../src/charts/describe';
import { SSR_START_MS, svelteSsr, type SvelteSsr } from './still-ssr';

const MATRIX: Mat2 = { col1: [1.5, 0.5], col2: [-0.4, 0.8] };

let ssr: SvelteSsr;
let html: string;
beforeAll(async () => {
  ssr = await svelteSsr();
  html = await ssr.render('src/widgets/still/SpectralStill.svelte', { matrix: MATRIX, seed: 1 });
}, SSR_START_MS);
afterAll(() => ssr?.close());

it('puts the major axis at ±σ(M) from the centre, along the ellipse', () => {
  const view = ellipseView(MATRIX);
  const sigma = ellipseOf(MATRIX).major;
  const [[x1, y1], [x2, y2]] = view.major;
  const unitsPerPixel = 5 / PLANE_SIZE;
  expect(Math.hypot(x2 - x1, y2 - y1) * unitsPerPixel).toBeCloseTo(2 * sigma, 1);
  expect(view.sigma).toBe(sigma);
  // Every outline point of the ellipse lies within σ of the centre.
  for (const point of view.ellipse.split(' ')) {
    const [x, y] = point.split(',').map(Number) as [number, number];
    expect(Math.hypot(x - PLANE_SIZE / 2, y - PLANE_SIZE / 2) * unitsPerPixel).toBeLessThanOrEqual(sigma + 0.01);
  }
});

it('renders the circle, the ellipse with σ on its axis, both columns and the network table', () => {
  expect(html.match(/<polyline/g)).toHaveLength(2);
  expect(html.match(/class="column-tip/g)).toHaveLength(2);
  expect(html).toMatch(/<line class="basis[^"]*" x1="180" y1="180" x2="288" y2="144"/);
  expect(html).toMatch(/>σ = 1\.59<\/text>/);
  const before = checkLipschitz(drawNet(1));
  const after = checkLipschitz(spectrallyNormalized(drawNet(1)));
  for (const v of [before.measured, before.bound, after.measured, after.bound]) expect(html).toMatch(new RegExp(`<td[^>]*>${v.toFixed(2).replace('.', '\\.')}</td>`));
  expect(html).toContain(`σ(M) = ${fmtValue(ellipseOf(MATRIX).major)}`);
  // Spectral normalization brings the bound to 1 and the measured norm under it.
  expect(after.bound).toBeCloseTo(1, 6);
  expect(after.measured).toBeLessThanOrEqual(after.bound);
});
