/**
 * The measured default-run times (src/site/run-times.json, written by `npm run bench`) cover exactly the
 * figures that train, and say when, where and in which browser they were measured.
 */
import { describe, expect, it } from 'vitest';
import { measuredRun, measuredRunSeconds, RUN_TIMES } from '../../../src/site/run-times';
import { TRACE_PLANS } from '../../../src/traces/trace';
import { WIDGETS } from '../../../src/widgets/catalog';
import { REFERENCE_LOOP } from '../../../tools/bench/default-runs';

describe('run-times.json', () => {
  it('has a time for every figure that trains, and none for the others', () => {
    expect(RUN_TIMES.runs.filter((r) => !r.model).map((r) => r.slug).sort()).toEqual(WIDGETS.filter((w) => w.experiment !== null).map((w) => w.slug).sort());
    for (const { slug, experiment } of WIDGETS) {
      if (experiment === null) expect(measuredRunSeconds(slug), slug).toBeNull();
      else expect(measuredRunSeconds(slug), slug).toBeGreaterThan(0);
    }
  });

  it('has a time for every other network a figure offers (it has a trace of), with the run’s steps', () => {
    const offered = WIDGETS.flatMap(({ slug, experiment }) => TRACE_PLANS.filter((p) => p.experiment === experiment && p.model).map((p) => `${slug} ${p.model}`));
    expect(offered.length).toBeGreaterThan(0);
    expect(RUN_TIMES.runs.filter((r) => r.model).map((r) => `${r.slug} ${r.model}`).sort()).toEqual(offered.sort());
    for (const entry of offered) {
      const [slug, model] = entry.split(' ') as [string, string];
      expect(measuredRun(slug, model)?.steps, entry).toBeGreaterThan(0);
    }
  });

  it('says when, on which machine and in which browser', () => {
    expect(RUN_TIMES.measured).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(RUN_TIMES.machine.cpus).toBeGreaterThan(0);
    expect(RUN_TIMES.machine.loadAverage).toHaveLength(2);
    // The machine's speed at the time, by the loop the bench times (tools/bench/default-runs.ts).
    expect(RUN_TIMES.machine.referenceLoop).toBe(REFERENCE_LOOP);
    expect(RUN_TIMES.machine.referenceLoopSeconds).toBeGreaterThan(0);
    expect(RUN_TIMES.browser).toMatch(/^Chromium /);
  });
});
