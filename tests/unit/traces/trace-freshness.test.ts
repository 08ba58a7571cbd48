/**
 * A committed trace is the figure a reader sees first: it must be the run of its experiment's current
 * defaults on the current engine, or the page would show a stale figure. Re-make traces with
 * `npm run traces` (or everything derived with `npm run regenerate`). The gradient slice is held to the
 * same rule; the science project re-derives both numerically. A seed band (src/traces/bands/) is held to
 * it too, and its seed 1 must be the committed trace's run, row for row: a trace re-made without its
 * band fails here (re-running five seeds belongs to `npm run bands`, not to a test).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { getExperiment } from '../../../src/lab/experiments/registry';
import { configHash, resolveConfig } from '../../../src/lab/schema';
import { planOverrides, traceName, TRACE_PLANS, type Trace } from '../../../src/traces/trace';
import { ENGINE_FINGERPRINT, staleEngine } from '../../../src/lab/engine-fingerprint';
import { landscape } from '../../../src/lab/experiments/landscape';
import { SLICE_PLAN, SLICE_SEED, sliceHash, type SliceFile } from '../../../src/lab/lipschitz/slice-file';
import slice from '../../../src/traces/gradient-slice.json';
import { BAND_PLANS, type BandFile } from '../../../src/traces/band';
import { SEEDS } from '../../../src/replication/plan';

/** The committed traces stay light enough to ship inside a widget's script. */
const MAX_BYTES = 150_000;

const read = (name: string) => readFileSync(`src/traces/${name}.json`, 'utf8');

describe.each(TRACE_PLANS.map((p) => [traceName(p), p] as const))('trace %s', (name, plan) => {
  const trace = JSON.parse(read(name)) as Trace;
  const current = getExperiment(plan.experiment);
  const config = resolveConfig(current.schema, planOverrides(plan));

  it('was made from the experiment’s current defaults (its network’s) and engine (npm run traces re-makes it)', () => {
    const remake = `npm run traces -- ${name}`;
    expect(trace.experiment).toBe(plan.experiment);
    expect(trace.engine, staleEngine(`src/traces/${name}.json`, remake)).toBe(ENGINE_FINGERPRINT);
    expect(trace.configHash, `src/traces/${name}.json is stale: ${name}'s defaults changed; re-make it: ${remake}`).toBe(configHash(config, current.schema));
    expect(trace.steps).toBe(config.steps);
  });

  it('uses the plan’s seed and stride and covers every arm to the last step', () => {
    expect(trace.seed).toBe(plan.seed);
    expect(trace.stride).toBe(plan.stride);
    expect(Object.keys(trace.arms).sort()).toEqual([...current.arms].sort());
    for (const columns of Object.values(trace.arms)) expect(columns.step!.at(-1)).toBe(trace.steps - 1);
  });

  it(`stays under ${MAX_BYTES / 1000} kB`, () => {
    expect(read(name).length).toBeLessThan(MAX_BYTES);
  });
});

describe('gradient slice', () => {
  const file = slice as SliceFile;
  const path = 'src/traces/gradient-slice.json';
  const remake = 'tsx --import ./scripts/tfjs-esm.mjs scripts/make-gradient-slice.ts (or npm run regenerate)';

  it('was made from the current landscape defaults, slice plan and engine', () => {
    expect(file.engine, staleEngine(path, remake)).toBe(ENGINE_FINGERPRINT);
    expect(file.configHash, `${path} is stale: the landscape defaults or the slice plan changed; re-make it: ${remake}`).toBe(sliceHash(landscape.defaults));
    expect(file.plan).toEqual(SLICE_PLAN);
    expect(file.seed).toBe(SLICE_SEED);
  });
});

describe.each(BAND_PLANS.map((p) => [p.experiment, p] as const))('seed band %s', (experiment, plan) => {
  const path = `src/traces/bands/${experiment}.json`;
  const band = JSON.parse(readFileSync(path, 'utf8')) as BandFile;
  const trace = JSON.parse(read(experiment)) as Trace;
  const current = getExperiment(experiment);
  const remake = `npm run bands -- ${experiment}`;

  it('was made from the experiment’s current defaults and engine, on the replication seeds', () => {
    expect(band.engine, staleEngine(path, remake)).toBe(ENGINE_FINGERPRINT);
    expect(band.configHash, `${path} is stale: ${experiment}'s defaults changed; re-make it: ${remake}`).toBe(configHash(current.defaults, current.schema));
    expect(band.seeds).toEqual([...SEEDS]);
    expect(band.metric).toBe(plan.metric);
    expect(Object.keys(band.arms).sort()).toEqual([...current.arms].sort());
  });

  it('holds one curve per seed, and its seed 1 is the committed trace, row for row', () => {
    const first = band.seeds.indexOf(trace.seed);
    expect(first, `${path} lacks the trace's seed ${trace.seed}`).toBeGreaterThanOrEqual(0);
    for (const [arm, curves] of Object.entries(band.arms)) {
      expect(curves).toHaveLength(band.seeds.length);
      for (const curve of curves) expect(curve).toHaveLength(band.step.length);
      const columns = trace.arms[arm]!;
      const fromTrace = band.step.map((step) => columns[plan.metric]![columns.step!.indexOf(step)] ?? null);
      expect(curves[first], `${path} ${arm}: seed ${trace.seed} differs from the trace; re-make it: ${remake}`).toEqual(fromTrace);
    }
    expect(band.step.some((step) => step > 0)).toBe(true);
  });
});
