/**
 * The wgan experiment's snapshot for drawing (MetricRecord.snapshot): its shape and grid, that it frees
 * its tensors, and how it travels: kept aside in columns, left out of the CLI report unless asked,
 * rounded into a trace. Whole runs (the same snapshots for the same seed, none changing a metric) are
 * science tests (tests/science/gan/wgan-snapshots.test.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend, tf } from '../../../src/lab/tf';
import { createWganArm } from '../../../src/lab/gan/wgan-arm';
import { wgan } from '../../../src/lab/experiments/wgan';
import { SNAPSHOT_EXTENT, SNAPSHOT_GRID, SNAPSHOT_POINTS } from '../../../src/lab/experiments/wgan-schema';
import { SNAPSHOTS, snapshotsOf, toColumns } from '../../../src/lab/worker/columns';
import { buildReport } from '../../../src/lab/cli/report';
import { lastSnapshots, traceColumns, SNAPSHOT_SIGNIFICANT } from '../../../src/traces/trace';
import type { FieldSnapshot, MetricRecord } from '../../../src/lab/types';

beforeAll(async () => {
  await initBackend('wasm');
});

const tiny = (extent: [number, number]): FieldSnapshot => ({ extent, size: 1, points: [0.123456, -1], value: [2.34567], gradNorm: [1] });

describe('wgan snapshot', () => {
  it('holds 256 points and the critic and its gradient norm on a 32×32 grid over [−2, 2]²', async () => {
    const arm = createWganArm('gp', wgan.defaults, 1);
    await arm.iterate();
    const snap = await arm.snapshot(SNAPSHOT_POINTS, SNAPSHOT_GRID, SNAPSHOT_EXTENT);
    arm.dispose();
    expect(snap.extent).toEqual([-2, 2]);
    expect(snap.size).toBe(32);
    expect(snap.points).toHaveLength(2 * 256);
    expect(snap.value).toHaveLength(32 * 32);
    expect(snap.gradNorm).toHaveLength(32 * 32);
    for (const v of [...snap.points, ...snap.value, ...snap.gradNorm]) expect(Number.isFinite(v)).toBe(true);
    expect(Math.min(...snap.gradNorm)).toBeGreaterThanOrEqual(0);
    // A trained-for-one-step critic is not constant over the square.
    expect(Math.max(...snap.value) - Math.min(...snap.value)).toBeGreaterThan(1e-3);
  });

  it('leaks no tensor, and shows a clipped critic as nearly flat (‖∇ₓD‖ < 0.01 everywhere)', async () => {
    const before = tf.memory().numTensors;
    const arm = createWganArm('clip', wgan.defaults, 1);
    await arm.iterate();
    const during = tf.memory().numTensors;
    const snap = await arm.snapshot(SNAPSHOT_POINTS, SNAPSHOT_GRID, SNAPSHOT_EXTENT);
    expect(tf.memory().numTensors).toBe(during);
    arm.dispose();
    expect(tf.memory().numTensors).toBe(before);
    // Every weight in [−0.01, 0.01]: σ ≤ Frobenius norm gives a bound of 0.011 · 0.64 · 0.08 on ‖∇ₓD‖.
    expect(Math.max(...snap.gradNorm)).toBeLessThan(0.01);
  });

});

describe('snapshots on their way to a figure', () => {
  const recs: MetricRecord[] = [
    { arm: 'gp', step: 0, metrics: { loss: 1 }, snapshot: tiny([-2, 2]) },
    { arm: 'gp', step: 1, metrics: { loss: 0.5 } },
    { arm: 'gp', step: 2, metrics: { loss: 0.25 }, snapshot: tiny([-1, 1]) },
  ];

  it('are kept aside from the metric columns, in step order', () => {
    const columns = toColumns(recs);
    expect(Object.keys(columns.gp!)).toEqual(['step', 'loss']);
    expect(JSON.parse(JSON.stringify(columns))).toEqual({ gp: { step: [0, 1, 2], loss: [1, 0.5, 0.25] } });
    expect(snapshotsOf(columns, 'gp').map((s) => [s.step, s.snapshot.extent])).toEqual([
      [0, [-2, 2]],
      [2, [-1, 1]],
    ]);
    expect(snapshotsOf(columns, 'sn')).toEqual([]);
  });

  it('stay out of the CLI report unless asked for', () => {
    const input = { experiment: 'wgan', seed: 1, steps: 3, backend: 'wasm', config: {}, records: recs, summary: {} };
    expect(buildReport(input)).not.toHaveProperty('snapshots');
    expect(buildReport({ ...input, snapshots: true }).snapshots!.gp!.map((s) => s.step)).toEqual([0, 2]);
  });

  it('reach a trace as each arm’s last one, rounded, and come back under SNAPSHOTS', () => {
    const kept = lastSnapshots({ gp: snapshotsOf(toColumns(recs), 'gp') });
    expect(kept.gp!.step).toBe(2);
    expect(kept.gp!.snapshot.value).toEqual([Number((2.34567).toPrecision(SNAPSHOT_SIGNIFICANT))]);
    expect(kept.gp!.snapshot.points).toEqual([0.123, -1]);
    const columns = traceColumns({ arms: { gp: { step: [2], loss: [0.25] } }, snapshots: kept });
    expect(columns.gp![SNAPSHOTS]).toEqual([kept.gp]);
  });
});
