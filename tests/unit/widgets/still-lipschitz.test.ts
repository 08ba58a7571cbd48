/** The Lipschitz-ratio figure's still: both measured network slices drawn, and their largest ratios in words. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CURVE_CHOICES } from '../../../src/widgets/lipschitz/curve-choices';
import { largestOnGrid } from '../../../src/lab/lipschitz/curves';
import { fmtValue } from '../../../src/charts/describe';
import slice from '../../../src/traces/gradient-slice.json';
import { SSR_START_MS, svelteSsr, type SvelteSsr } from './still-ssr';

let ssr: SvelteSsr;
let html: string;
beforeAll(async () => {
  ssr = await svelteSsr();
  html = await ssr.render('src/widgets/still/LipschitzStill.svelte', {});
}, SSR_START_MS);
afterAll(() => ssr?.close());

it('draws one line per measured net, with every sample', () => {
  const paths = [...html.matchAll(/<path class="still-line[^"]*" data-arm="([^"]+)" d="(M[^"]+)"/g)];
  expect(paths.map((m) => m[1])).toEqual(slice.arms.map((a) => a.arm));
  for (const [, , d] of paths) expect(d!.split('L').length).toBe(slice.plan.points);
  expect([...html.matchAll(/<li data-arm="([^"]+)"/g)].map((m) => m[1])).toEqual(slice.arms.map((a) => a.arm));
});

it("states each net's largest secant and gradient ratios", () => {
  const networks = CURVE_CHOICES.filter((c) => c.id.startsWith('network-'));
  expect(networks).toHaveLength(2);
  for (const curve of networks) {
    const best = largestOnGrid(curve);
    expect(html).toContain(`${curve.label}: L ≥ ${fmtValue(best.L)}, β ≥ ${fmtValue(best.beta)}`);
  }
});

it('labels the axes with the curves’ own units', () => {
  expect(html).toContain('distance moved along −∇L (parameter units)');
  expect(html).toContain('loss on the batch (nats)');
});
