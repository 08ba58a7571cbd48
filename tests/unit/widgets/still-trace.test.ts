/**
 * The no-JavaScript still of every committed training trace, rendered as the build renders it
 * (svelte/server): one path and one legend entry per arm, and the summary quoting each arm's last
 * value of the still's metric (the loss; the modes covered for the GAN).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Trace } from '../../../src/traces/trace';
import { fmtValue } from '../../../src/charts/describe';
import { armStyle } from '../../../src/charts/arm-styles';
import { stillMetric } from '../../../src/widgets/still/trace-still';
import { SSR_START_MS, svelteSsr, type SvelteSsr } from './still-ssr';

/** Every trace file (the Lipschitz figure's gradient slice is not a trace: its arms are a list). */
const TRACES = Object.entries(import.meta.glob('../../../src/traces/*.json', { eager: true, import: 'default' }))
  .filter(([, json]) => !Array.isArray((json as Trace).arms))
  .map(([path, json]) => [path.split('/').at(-1)!, json as Trace] as const);

let ssr: SvelteSsr;
beforeAll(async () => {
  ssr = await svelteSsr();
}, SSR_START_MS);
afterAll(() => ssr?.close());

/** The last recorded value of the still's metric for an arm, and its step, read straight from the JSON. */
function lastValue(trace: Trace, arm: string): { step: number; value: number } {
  const columns = trace.arms[arm]!;
  const values = columns[stillMetric(trace.experiment).key]!;
  for (let i = values.length - 1; i >= 0; i--) if (values[i] !== null) return { step: columns.step![i]!, value: values[i]! };
  throw new Error(`${arm} has no ${stillMetric(trace.experiment).key}`);
}

it('covers the committed traces', () => {
  expect(TRACES.map(([name]) => name)).toEqual(expect.arrayContaining(['noisy-bn.json', 'ics-gradients.json', 'landscape.json', 'lp-norms.json']));
});

describe.each(TRACES)('TraceStill of %s', (_, trace) => {
  const arms = Object.keys(trace.arms);

  it('draws one non-empty path and one legend entry per arm', async () => {
    const html = await ssr.render('src/widgets/still/TraceStill.svelte', { trace });
    const paths = [...html.matchAll(/<path class="still-line[^"]*" data-arm="([^"]+)" d="(M[^"]+)"/g)];
    expect(paths.map((m) => m[1])).toEqual(arms);
    // Every recorded value is a point of its arm's line (M starts it and each gap, L continues).
    for (const [, arm, d] of paths) {
      const recorded = trace.arms[arm!]![stillMetric(trace.experiment).key]!.filter((v) => v !== null).length;
      expect(d!.match(/[ML]/g)!.length, arm).toBe(recorded);
    }
    const legend = [...html.matchAll(/<li data-arm="([^"]+)"/g)].map((m) => m[1]);
    expect(legend).toEqual(arms);
    for (const arm of arms) expect(html).toContain(armStyle(arm).label);
  });

  it("states each arm's last value and its step in the summary", async () => {
    const html = await ssr.render('src/widgets/still/TraceStill.svelte', { trace });
    const summary = /<p class="summary[^"]*" id="[^"]+">([^<]+)<\/p>/.exec(html)?.[1];
    expect(summary).toBeDefined();
    for (const arm of arms) {
      const { step, value } = lastValue(trace, arm);
      expect(summary).toContain(`${armStyle(arm).label} ${fmtValue(value)} (step ${step})`);
    }
  });

  it('labels both axes with ticks inside the drawing', async () => {
    const html = await ssr.render('src/widgets/still/TraceStill.svelte', { trace });
    expect(html).toContain('training step');
    expect(html).toContain(`>${stillMetric(trace.experiment).yLabel}`);
    const ticks = [...html.matchAll(/<text x="([\d.]+)" y="([\d.]+)" text-anchor="(middle|end)"/g)];
    expect(ticks.length).toBeGreaterThanOrEqual(5);
  });
});
