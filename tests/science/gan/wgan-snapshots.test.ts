/**
 * The wgan experiment's snapshots over whole runs: the same for the same seed and different for
 * another, taken every snapshotEvery steps and at the last without changing any metric, and leaving
 * the tensor count where it started.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend, tf } from '../../../src/lab/tf';
import { wgan } from '../../../src/lab/experiments/wgan';
import type { WganConfig } from '../../../src/lab/experiments/wgan-schema';
import type { MetricRecord } from '../../../src/lab/types';

beforeAll(async () => {
  await initBackend('wasm');
});

async function records(config: Partial<Pick<WganConfig, 'snapshotEvery'>>, steps: number, seed = 1): Promise<MetricRecord[]> {
  const out: MetricRecord[] = [];
  const ctx = { seed, steps, loadDigits: () => Promise.reject(new Error('no digits here')) };
  for await (const r of wgan.run({ ...wgan.defaults, ...config }, ctx)) out.push(r);
  return out;
}

describe('wgan snapshots in a run', () => {
  it('is the same for the same seed and different for another', async () => {
    const a = await records({}, 2);
    const b = await records({}, 2);
    const c = await records({}, 2, 2);
    const snaps = (rs: MetricRecord[]) => rs.filter((r) => r.snapshot).map((r) => r.snapshot);
    expect(snaps(a)).toHaveLength(2 * 3);
    expect(snaps(a)).toEqual(snaps(b));
    expect(snaps(a)[0]!.value).not.toEqual(snaps(c)[0]!.value);
  });

  it('is taken every snapshotEvery steps and at the last, and never changes a metric', async () => {
    const withSnapshots = await records({ snapshotEvery: 2 }, 5);
    const without = await records({ snapshotEvery: 0 }, 5);
    expect(withSnapshots.filter((r) => r.arm === 'sn' && r.snapshot).map((r) => r.step)).toEqual([0, 2, 4]);
    expect(without.some((r) => r.snapshot)).toBe(false);
    expect(withSnapshots.map((r) => r.metrics)).toEqual(without.map((r) => r.metrics));
  });

  it('leaves a run’s tensor count where it started', async () => {
    const before = tf.memory().numTensors;
    await records({ snapshotEvery: 1 }, 3);
    expect(tf.memory().numTensors).toBe(before);
  });
});
