/**
 * The worker host driven through its message handler with a fake `post`, as lab.worker.ts drives it
 * with the real port. Waits are on posted messages, never on time.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend, tf } from '../../../src/lab/tf';
import { createLabHost, type HostDeps } from '../../../src/lab/worker/host';
import { FLUSH_RECORDS, type FromWorker, type StartMessage } from '../../../src/lab/worker/protocol';
import { getExperiment } from '../../../src/lab/experiments/registry';
import type { Experiment, MetricRecord } from '../../../src/lab/types';

/** A tensor-free experiment with two arms whose records say which step made them. */
const counting: Experiment = {
  id: 'counting',
  title: 'counts',
  arms: ['a', 'b'],
  schema: [
    { key: 'steps', type: 'number', label: 'Steps', default: 60, min: 1, max: 1000, integer: true },
    { key: 'divergeAt', type: 'number', label: 'b diverges at', default: -1, min: -1, max: 1000, integer: true },
  ],
  defaults: { steps: 60, divergeAt: -1 },
  async *run(config, ctx) {
    const steps = ctx.steps ?? (config.steps as number);
    let bAlive = true;
    for (let step = 0; step < steps && !ctx.signal?.aborted; step++) {
      yield { arm: 'a', step, metrics: { loss: 1 / (step + 1) } };
      if (!bAlive) continue;
      bAlive = step !== config.divergeAt;
      const metrics: Record<string, number> = bAlive ? { loss: 2 / (step + 1) } : { diverged: 1 };
      yield { arm: 'b', step, metrics };
    }
  },
  summarize: (records) => ({ a: { diverged: false, finalLoss: records.filter((r) => r.arm === 'a').length }, b: { diverged: false } }),
};

function session(overrides: Partial<HostDeps> = {}) {
  const posted: FromWorker[] = [];
  const waiters: { test: (m: FromWorker) => boolean; resolve: (m: FromWorker) => void }[] = [];
  const send = createLabHost(
    (message) => {
      posted.push(message);
      for (const w of waiters.filter((w) => w.test(message))) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(message);
      }
    },
    {
      lookup: (id) => (id === 'counting' ? counting : getExperiment(id)),
      initBackend: () => initBackend('cpu'),
      now: () => 0,
      ...overrides,
    },
  );
  /** Resolves at the next posted message matching `test` (or the first already posted since `from`). */
  const next = (test: (m: FromWorker) => boolean, from = posted.length) =>
    new Promise<FromWorker>((resolve) => {
      const earlier = posted.slice(from).find(test);
      if (earlier) resolve(earlier);
      else waiters.push({ test, resolve });
    });
  const state = (s: string) => (m: FromWorker) => m.type === 'state' && m.state === s;
  const records = (from = 0) => posted.slice(from).flatMap((m) => (m.type === 'metrics' ? m.records : []));
  return { posted, send, next, state, records };
}

const start = (experimentId: string, rest: Partial<StartMessage> = {}): StartMessage => ({
  type: 'start',
  experimentId,
  config: {},
  seed: 1,
  wasmPrefix: '/tfjs/',
  digitsUrl: '/data/digits.bin',
  ...rest,
});

beforeAll(async () => {
  await initBackend('cpu');
});

describe('worker host', () => {
  it('start → ready → running → metric batches → progress → summary → finished', async () => {
    const s = session();
    s.send(start('counting', { config: { steps: 60 } }));
    await s.next(s.state('finished'));
    const types = s.posted.map((m) => m.type);
    const alive = tf.memory().numTensors;
    expect(s.posted[0]).toEqual({ type: 'ready', backend: 'cpu', numTensors: alive });
    expect(s.posted[1]).toEqual({ type: 'state', state: 'running', step: 0 });
    expect(types.slice(-2)).toEqual(['summary', 'state']);
    // 120 records: batches of at most FLUSH_RECORDS, in order, the last flushed at the end.
    const batches = s.posted.flatMap((m) => (m.type === 'metrics' ? [m.records.length] : []));
    expect(batches).toEqual([FLUSH_RECORDS, FLUSH_RECORDS, 120 - 2 * FLUSH_RECORDS]);
    expect(s.records().map((r) => `${r.arm}${r.step}`)).toEqual(Array.from({ length: 120 }, (_, i) => `${i % 2 ? 'b' : 'a'}${Math.floor(i / 2)}`));
    expect(s.posted.filter((m) => m.type === 'progress').at(-1)).toEqual({ type: 'progress', step: 60, of: 60 });
    expect(s.posted.at(-2)).toEqual({ type: 'summary', summary: { a: { diverged: false, finalLoss: 60 }, b: { diverged: false } } });
    expect(s.posted.at(-1)).toEqual({ type: 'state', state: 'finished', step: 60, numTensors: alive });
  });

  it('flushes by time as well as by count', async () => {
    let clock = 0;
    const s = session({ now: () => (clock += 60) });
    s.send(start('counting', { config: { steps: 5 } }));
    await s.next(s.state('finished'));
    // Every second record crosses 100 ms of the fake clock, so no batch waits for 50 records.
    expect(Math.max(...s.posted.flatMap((m) => (m.type === 'metrics' ? [m.records.length] : [])))).toBeLessThanOrEqual(2);
    expect(s.records()).toHaveLength(10);
  });

  it('pauses between steps; step advances exactly one step (all arms); resume runs to the end', async () => {
    const s = session();
    s.send(start('counting', { config: { steps: 60 } }));
    s.send({ type: 'pause' });
    // Paused before the first step: nothing ran yet.
    expect(await s.next(s.state('paused'))).toEqual({ type: 'state', state: 'paused', step: 0 });
    expect(s.records()).toEqual([]);

    for (let at = 0; at < 3; at++) {
      const mark = s.posted.length;
      s.send({ type: 'step' });
      expect(await s.next(s.state('paused'), mark)).toEqual({ type: 'state', state: 'paused', step: at + 1 });
      expect(s.records(mark).map((r: MetricRecord) => [r.arm, r.step])).toEqual([
        ['a', at],
        ['b', at],
      ]);
    }

    const resumed = s.posted.length;
    s.send({ type: 'resume' });
    await s.next(s.state('finished'));
    expect(s.posted[resumed]).toEqual({ type: 'state', state: 'running', step: 3 });
    expect(s.records()).toHaveLength(120);
  });

  it('reports a diverged arm when it happens and lets the other arm go on', async () => {
    const s = session();
    s.send(start('counting', { config: { steps: 10, divergeAt: 3 } }));
    await s.next(s.state('finished'));
    expect(s.posted.filter(s.state('diverged'))).toEqual([{ type: 'state', state: 'diverged', step: 3, arm: 'b' }]);
    expect(s.records().filter((r) => r.arm === 'a')).toHaveLength(10);
    expect(s.records().filter((r) => r.arm === 'b')).toHaveLength(4);
  });

  it('answers an unknown experiment or a bad setting with a readable error', async () => {
    const s = session();
    s.send(start('wgn'));
    expect(await s.next((m) => m.type === 'error')).toEqual({
      type: 'error',
      message: 'unknown experiment "wgn"; valid experiments: bn-vs-standard, noisy-bn, ics-gradients, landscape, lp-norms, wgan, spectral-norm',
    });
    s.send(start('wgan', { config: { lambda: -1 } }));
    expect(await s.next((m) => m.type === 'error')).toEqual({ type: 'error', message: 'lambda must be between 0.01 and 100 (got -1)' });
  });

  it('loads the digits once per URL, and again after a failed load', async () => {
    const loads: string[] = [];
    const needsDigits: Experiment = {
      ...counting,
      id: 'needs-digits',
      async *run(_config, ctx) {
        const data = await ctx.loadDigits();
        yield { arm: 'a', step: 0, metrics: { loss: data.train.count } };
      },
    };
    const s = session({
      lookup: () => needsDigits,
      loadDigits: async (url) => {
        loads.push(url);
        if (loads.length === 1) throw new Error(`could not load the digits (404 Not Found at ${url})`);
        const empty = { pixels: new Uint8Array(0), labels: new Uint8Array(0), count: 7 };
        return { train: empty, test: empty };
      },
    });
    s.send(start('needs-digits'));
    expect(await s.next((m) => m.type === 'error')).toEqual({ type: 'error', message: 'could not load the digits (404 Not Found at /data/digits.bin)' });
    for (let run = 0; run < 2; run++) {
      const mark = s.posted.length;
      s.send(start('needs-digits'));
      await s.next(s.state('finished'), mark);
      expect(s.records(mark)).toEqual([{ arm: 'a', step: 0, metrics: { loss: 7 } }]);
    }
    expect(loads).toEqual(['/data/digits.bin', '/data/digits.bin']);
  });

  it('stop frees every tensor of a running experiment, also while paused', async () => {
    const before = tf.memory().numTensors;
    for (const pauseFirst of [false, true]) {
      const s = session({ now: () => performance.now() });
      s.send(start('spectral-norm', { steps: 1000 }));
      await s.next((m) => m.type === 'metrics');
      expect(tf.memory().numTensors).toBeGreaterThan(before);
      if (pauseFirst) {
        s.send({ type: 'pause' });
        await s.next(s.state('paused'));
      }
      s.send({ type: 'stop' });
      const stopped = await s.next(s.state('stopped'));
      expect((stopped as { step: number }).step).toBeLessThan(1000);
      expect(tf.memory().numTensors).toBe(before);
    }
  });

  // spectral-norm sets up its nets and power iteration per run (~1 s each on a loaded machine).
  it('reports the tensors alive at every start and end, back at the start value after reruns and stops', { timeout: 30_000 }, async () => {
    const s = session({ now: () => performance.now() });
    const counts: number[] = [];
    for (let run = 0; run < 2; run++) {
      const mark = s.posted.length;
      s.send(start('spectral-norm', { steps: 2 }));
      const ready = await s.next((m) => m.type === 'ready', mark);
      const finished = await s.next(s.state('finished'), mark);
      counts.push((ready as { numTensors: number }).numTensors, (finished as { numTensors: number }).numTensors);
    }
    const mark = s.posted.length;
    s.send(start('spectral-norm', { steps: 1000 }));
    await s.next((m) => m.type === 'metrics', mark);
    s.send({ type: 'stop' });
    const stopped = await s.next(s.state('stopped'), mark);
    counts.push((stopped as { numTensors: number }).numTensors);
    expect(counts).toEqual(Array(5).fill(tf.memory().numTensors));
  });

  it('a new start stops the running one first', async () => {
    const s = session();
    s.send(start('counting', { config: { steps: 1000 } }));
    await s.next((m) => m.type === 'metrics');
    s.send(start('counting', { config: { steps: 3 } }));
    await s.next(s.state('finished'));
    const states = s.posted.filter((m) => m.type === 'state').map((m) => (m as { state: string }).state);
    expect(states).toEqual(['running', 'stopped', 'running', 'finished']);
  });
});
