/**
 * The page-side client wired to the real host through a fake worker (no browser): messages go out
 * typed, come back to the right callbacks, and the worker is created only on the first start.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { initBackend } from '../../../src/lab/tf';
import { createLabClient, type WorkerLike } from '../../../src/lab/worker/client';
import { createLabHost } from '../../../src/lab/worker/host';
import type { FromWorker, StateMessage, ToWorker } from '../../../src/lab/worker/protocol';

function fakeWorker(sent: ToWorker[]) {
  let created = 0;
  const create = (): WorkerLike => {
    created++;
    const worker: WorkerLike = {
      onmessage: null,
      onerror: null,
      postMessage: (message) => {
        sent.push(message);
        onMessage(message);
      },
      terminate: () => {},
    };
    const onMessage = createLabHost((m: FromWorker) => worker.onmessage?.({ data: m } as MessageEvent<FromWorker>), {
      initBackend: () => initBackend('cpu'),
    });
    return worker;
  };
  return { create, count: () => created };
}

describe('lab client', () => {
  it('starts lazily with the base-path URLs and delivers every message type to its callback', async () => {
    const sent: ToWorker[] = [];
    const worker = fakeWorker(sent);
    const seen: string[] = [];
    let records = 0;
    let finished!: () => void;
    const done = new Promise<void>((resolve) => (finished = resolve));
    const client = createLabClient(
      {
        onReady: (m) => seen.push(`ready ${m.backend}`),
        onMetrics: (batch) => (records += batch.length),
        onProgress: (p) => seen.push(`progress ${p.step}/${p.of}`),
        onSummary: (s) => seen.push(`summary ${Object.keys(s).join(',')}`),
        onState: (s: StateMessage) => {
          seen.push(`state ${s.state}`);
          if (s.state === 'finished') finished();
        },
      },
      { createWorker: worker.create },
    );
    client.pause();
    expect(worker.count()).toBe(0);
    client.start('spectral-norm', { probeEvery: 2 }, 3, 4);
    await done;
    expect(sent[0]).toEqual({
      type: 'start',
      experimentId: 'spectral-norm',
      config: { probeEvery: 2 },
      seed: 3,
      steps: 4,
      wasmPrefix: '/tfjs/',
      digitsUrl: '/data/digits.bin',
    });
    expect(records).toBe(8);
    // Progress comes with each time-throttled batch: how many depends on the clock, the order does not.
    const progress = seen.filter((s) => s.startsWith('progress'));
    expect(progress.at(-1)).toBe('progress 4/4');
    expect(progress.map((p) => Number(p.split(/[ /]/)[1]))).toEqual([...progress.map((p) => Number(p.split(/[ /]/)[1]))].sort());
    expect(seen.filter((s) => !s.startsWith('progress'))).toEqual(['ready cpu', 'state running', 'summary power-iteration,critic', 'state finished']);
    client.terminate();
    expect(() => client.start('wgan', {}, 1)).toThrow('the lab worker was terminated');
  });

  it('reports errors through onError', async () => {
    const worker = fakeWorker([]);
    const message = await new Promise<string>((resolve) => {
      createLabClient({ onError: resolve }, { createWorker: worker.create }).start('nope', {}, 1);
    });
    expect(message).toMatch(/^unknown experiment "nope"/);
  });

  it('delivers nothing from a worker after terminate, not even an error it raised before', () => {
    const errors: string[] = [];
    let made: WorkerLike | undefined;
    let terminated = 0;
    const client = createLabClient(
      { onError: (message) => errors.push(message), onMetrics: () => errors.push('metrics') },
      {
        createWorker: () =>
          (made = { onmessage: null, onerror: null, postMessage: () => {}, terminate: () => void terminated++ }),
      },
    );
    client.start('noisy-bn', {}, 1);
    made!.onerror?.({ message: 'crash' } as ErrorEvent);
    expect(errors).toEqual(['the lab worker failed: crash']);
    client.terminate();
    expect(terminated).toBe(1);
    made!.onerror?.({ message: 'late crash' } as ErrorEvent);
    made!.onmessage?.({ data: { type: 'metrics', records: [] } } as unknown as MessageEvent<FromWorker>);
    expect(errors).toEqual(['the lab worker failed: crash']);
  });

  it('holds a start and the messages after it until the page lets it go, in order; a terminate drops them', () => {
    const posted: string[] = [];
    const painted: (() => void)[] = [];
    let created = 0;
    const client = createLabClient(
      {},
      {
        createWorker: () => {
          created++;
          return { onmessage: null, onerror: null, postMessage: (m: ToWorker) => void posted.push(m.type), terminate: () => {} };
        },
        deferStart: (then) => void painted.push(then),
      },
    );
    client.start('noisy-bn', {}, 1);
    client.pause();
    client.step();
    // Nothing reaches a worker, and none is created, before the page lets the start go.
    expect([created, posted, painted.length]).toEqual([0, [], 1]);
    painted.shift()!();
    expect([created, posted]).toEqual([1, ['start', 'pause', 'step']]);
    // Controls of a started run go at once; a new start waits again, and so does what follows it.
    client.resume();
    client.start('noisy-bn', {}, 2);
    client.stop();
    expect(posted).toEqual(['start', 'pause', 'step', 'resume']);
    client.terminate();
    painted.shift()!();
    expect([created, posted]).toEqual([1, ['start', 'pause', 'step', 'resume']]);
  });

  it('keeps tfjs off the main thread: the client and what it shares with widgets import types only', () => {
    for (const file of ['client.ts', 'protocol.ts', 'columns.ts']) {
      const source = readFileSync(new URL(`../../../src/lab/worker/${file}`, import.meta.url), 'utf8');
      const imports = source.match(/^import .*$/gm) ?? [];
      expect(imports.length, file).toBeGreaterThan(0);
      for (const line of imports) expect(line, file).toMatch(/^import type /);
    }
  });
});
