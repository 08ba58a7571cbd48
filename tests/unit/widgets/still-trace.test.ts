/**
 * The no-JavaScript still of a training trace, rendered as the build renders it (svelte/server):
 * one path and one legend entry per arm, and the summary quoting each arm's last loss.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Trace } from '../../../src/traces/trace';
import { fmtValue } from '../../../src/charts/describe';
import { armStyle } from '../../../src/charts/arm-styles';
import noisyBn from '../../../src/traces/noisy-bn.json';
import icsGradients from '../../../src/traces/ics-gradients.json';
import landscape from '../../../src/traces/landscape.json';
import lpNorms from '../../../src/traces/lp-norms.json';
import { SSR_START_MS, svelteSsr, type SvelteSsr } from './still-ssr';

const TRACES = { 'noisy-bn': noisyBn, 'ics-gradients': icsGradients, landscape, 'lp-norms': lpNorms } as Record<string, Trace>;

let ssr: SvelteSsr;
beforeAll(async () => {
  ssr = await svelteSsr();
}, SSR_START_MS);
afterAll(() => ssr?.close());

/** The last finite loss of an arm and its step, read straight from the JSON. */
function lastLoss(trace: Trace, arm: string): { step: number; value: number } {
  const { step, loss } = trace.arms[arm]!;
  for (let i = loss!.length - 1; i >= 0; i--) if (loss![i] !== null) return { step: step![i]!, value: loss![i]! };
  throw new Error(`${arm} has no loss`);
}

describe.each(Object.entries(TRACES))('TraceStill of %s', (_, trace) => {
  const arms = Object.keys(trace.arms);

  it('draws one non-empty path and one legend entry per arm', async () => {
    const html = await ssr.render('src/widgets/still/TraceStill.svelte', { trace });
    const paths = [...html.matchAll(/<path class="still-line[^"]*" data-arm="([^"]+)" d="(M[^"]+)"/g)];
    expect(paths.map((m) => m[1])).toEqual(arms);
    for (const [, , d] of paths) expect(d!.split('L').length).toBeGreaterThan(20);
    const legend = [...html.matchAll(/<li data-arm="([^"]+)"/g)].map((m) => m[1]);
    expect(legend).toEqual(arms);
    for (const arm of arms) expect(html).toContain(armStyle(arm).label);
  });

  it("states each arm's last loss and its step in the summary", async () => {
    const html = await ssr.render('src/widgets/still/TraceStill.svelte', { trace });
    const summary = /<p class="summary[^"]*" id="[^"]+">([^<]+)<\/p>/.exec(html)?.[1];
    expect(summary).toBeDefined();
    for (const arm of arms) {
      const { step, value } = lastLoss(trace, arm);
      expect(summary).toContain(`${armStyle(arm).label} ${fmtValue(value)} (step ${step})`);
    }
  });

  it('labels both axes with ticks inside the drawing', async () => {
    const html = await ssr.render('src/widgets/still/TraceStill.svelte', { trace });
    expect(html).toContain('training step');
    expect(html).toMatch(/>loss( \(log scale\))?</);
    const ticks = [...html.matchAll(/<text x="([\d.]+)" y="([\d.]+)" text-anchor="(middle|end)"/g)];
    expect(ticks.length).toBeGreaterThanOrEqual(5);
  });
});
