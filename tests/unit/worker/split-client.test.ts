/**
 * A run split across workers (split-client.ts) against the same run in one worker, both through the
 * real host behind fake workers: every arm's records are identical, number for number, for the real
 * experiments the live figures train; and the merged messages keep the one-worker protocol (one
 * ready, one summary, one final state; pausing lines the parts up at one step).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../../src/lab/tf';
import { readDigitsFile } from '../../../src/lab/data/digits-file';
import { createLabClient, type LabClient, type LabHandlers, type WorkerLike } from '../../../src/lab/worker/client';
import { createLabHost } from '../../../src/lab/worker/host';
import type { FromWorker, ProgressMessage, StateMessage } from '../../../src/lab/worker/protocol';
import { createSplitLabClient, labWorkerCount, splitArms } from '../../../src/lab/worker/split-client';
import { getExperiment } from '../../../src/lab/experiments/registry';
import type { ArmSummary, Config, DigitData, MetricRecord } from '../../../src/lab/types';

let digits: DigitData;

beforeAll(async () => {
  // The backend the site trains on: the sameness shown is the site's.
  expect((await initBackend('wasm')).backend).toBe('wasm');
  digits = await readDigitsFile();
});

/** Fake workers, each with its own real host (they share this process's tfjs, as workers share nothing). */
function fakeWorkers() {
  let created = 0;
  const create = (): WorkerLike => {
    created++;
    const worker: WorkerLike = { onmessage: null, onerror: null, postMessage: (m) => onMessage(m), terminate: () => {} };
    const onMessage = createLabHost((m: FromWorker) => worker.onmessage?.({ data: m } as MessageEvent<FromWorker>), {
      initBackend: () => initBackend('wasm'),
      loadDigits: async () => digits,
    });
    return worker;
  };
  return { create, count: () => created };
}

interface Seen {
  records: MetricRecord[];
  events: string[];
  progress: ProgressMessage[];
  summary?: Record<string, ArmSummary>;
}

/** A client (one worker or split) that records what reaches the page; `until` resolves at a state. */
function recorded(make: (handlers: LabHandlers, create: () => WorkerLike) => LabClient) {
  const workers = fakeWorkers();
  const seen: Seen = { records: [], events: [], progress: [] };
  const waiting: { state: string; resolve: (m: StateMessage) => void }[] = [];
  const client = make(
    {
      onReady: (m) => seen.events.push(`ready ${m.backend}`),
      onMetrics: (records) => seen.records.push(...records),
      onProgress: (m) => seen.progress.push(m),
      onSummary: (summary) => {
        seen.summary = summary;
        seen.events.push('summary');
      },
      onState: (m) => {
        seen.events.push(`${m.state} ${m.step}${m.arm ? ` ${m.arm}` : ''}`);
        for (const w of waiting.filter((w) => w.state === m.state)) {
          waiting.splice(waiting.indexOf(w), 1);
          w.resolve(m);
        }
      },
      onError: (message) => {
        seen.events.push(`error ${message}`);
        for (const w of waiting.filter((w) => w.state === 'error')) w.resolve({ type: 'state', state: 'stopped', step: 0 });
      },
    },
    workers.create,
  );
  const until = (state: string) => new Promise<StateMessage>((resolve) => waiting.push({ state, resolve }));
  return { client, seen, until, workers };
}

const single = () => recorded((handlers, createWorker) => createLabClient(handlers, { createWorker }));
const split = (arms: readonly string[], parts: number) => recorded((handlers, createWorker) => createSplitLabClient(handlers, arms, parts, { createWorker }));

const byArm = (records: MetricRecord[], arm: string) => records.filter((r) => r.arm === arm);

/** Each figure's experiment at a size that runs in seconds, its arms' work the same as in a default run. */
/** Experiment, config, parts, the arms that diverge. */
const CASES: [string, Config, number, string[]][] = [
  ['noisy-bn', { steps: 12, hiddenLayers: 3, width: 16, batchSize: 16, measureEvery: 5 }, 2, []],
  ['lp-norms', { steps: 12, hiddenLayers: 3, width: 16, batchSize: 16, measureEvery: 5 }, 2, []],
  ['ics-gradients', { steps: 40, measureEvery: 10 }, 2, []],
  ['landscape', { steps: 12, hiddenLayers: 2, width: 16, measureEvery: 5 }, 2, []],
  ['wgan', { steps: 6, evalEvery: 3, snapshotEvery: 3 }, 3, []],
  // Noise strong enough that the plain noisy arm diverges while the others go on.
  ['noisy-bn', { steps: 8, nMu: 1.5, nSigma: 2 }, 2, ['standard-noisy']],
];

describe('a run split across workers', () => {
  it.each(CASES)('%s: every arm’s records, the summary and the end equal the one-worker run’s', { timeout: 120_000 }, async (id, config, parts, diverging) => {
    const arms = getExperiment(id).arms;
    const one = single();
    one.client.start(id, config, 3);
    await one.until('finished');
    const many = split(arms, parts);
    many.client.start(id, config, 3);
    const end = await many.until('finished');

    expect(many.workers.count()).toBe(Math.min(parts, arms.length));
    expect(many.seen.records.length).toBe(one.seen.records.length);
    for (const arm of arms) expect(JSON.stringify(byArm(many.seen.records, arm)), arm).toBe(JSON.stringify(byArm(one.seen.records, arm)));
    expect(many.seen.summary).toEqual(one.seen.summary);
    expect(Object.keys(many.seen.summary!)).toEqual([...arms]);
    expect(end.step).toBe(config.steps);
    // The one-worker protocol: one ready first, running once, the summary just before the end.
    const diverged = (events: string[]) => events.filter((e) => e.startsWith('diverged'));
    expect(many.seen.events.filter((e) => !e.startsWith('diverged'))).toEqual(['ready wasm', 'running 0', 'summary', `finished ${config.steps}`]);
    expect(diverged(many.seen.events)).toEqual(diverged(one.seen.events));
    expect(diverged(one.seen.events).map((e) => e.split(' ')[2])).toEqual(diverging);
    expect(many.seen.progress.at(-1)).toEqual({ type: 'progress', step: config.steps, of: config.steps });
    const steps = many.seen.progress.map((p) => p.step);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
  });

  it('pauses with every part at one step, steps all arms by one, and resumes to the same records', { timeout: 60_000 }, async () => {
    const config = { steps: 12, hiddenLayers: 2, width: 16, batchSize: 16 };
    const arms = getExperiment('noisy-bn').arms;
    const one = single();
    one.client.start('noisy-bn', config, 2);
    await one.until('finished');

    const many = split(arms, 2);
    many.client.start('noisy-bn', config, 2);
    many.client.pause();
    const paused = await many.until('paused');
    const at = (records: MetricRecord[]) => arms.map((arm) => byArm(records, arm).length);
    expect(at(many.seen.records)).toEqual(arms.map(() => paused.step));
    many.client.step();
    const stepped = await many.until('paused');
    expect(stepped.step).toBe(paused.step + 1);
    expect(at(many.seen.records)).toEqual(arms.map(() => paused.step + 1));
    many.client.resume();
    await many.until('finished');
    for (const arm of arms) expect(JSON.stringify(byArm(many.seen.records, arm))).toBe(JSON.stringify(byArm(one.seen.records, arm)));
    expect(many.seen.events.filter((e) => e.startsWith('paused'))).toEqual([`paused ${paused.step}`, `paused ${paused.step + 1}`]);
  });

  it('a restart ends the previous run once, then answers the new start once', { timeout: 60_000 }, async () => {
    const many = split(getExperiment('wgan').arms, 3);
    many.client.start('wgan', { steps: 50 }, 1);
    many.client.start('wgan', { steps: 2 }, 1);
    await many.until('finished');
    expect(many.seen.events.filter((e) => /^(ready|stopped|finished)/.test(e))).toEqual(['ready wasm', 'stopped 0', 'ready wasm', 'finished 2']);
  });

  it('shows a run’s first batches once every part has sent one, or ended', () => {
    // Workers the test speaks for, message by message: the order in which the parts' batches arrive is chosen here.
    const workers: WorkerLike[] = [];
    const createWorker = () => {
      const worker: WorkerLike = { onmessage: null, onerror: null, postMessage: () => {}, terminate: () => {} };
      workers.push(worker);
      return worker;
    };
    const shown: string[] = [];
    const client = createSplitLabClient(
      { onMetrics: (records) => shown.push(...records.map((r) => `${r.arm}${r.step}`)), onState: (m) => shown.push(m.state) },
      ['a', 'b', 'c'],
      3,
      { createWorker },
    );
    const say = (k: number, message: FromWorker) => workers[k]!.onmessage!({ data: message } as MessageEvent<FromWorker>);
    const batch = (k: number, arm: string, step: number) => say(k, { type: 'metrics', records: [{ arm, step, metrics: { loss: 1 } }] });
    client.start('noisy-bn', {}, 1);
    workers.forEach((_, k) => say(k, { type: 'ready', backend: 'wasm', numTensors: 0 }));
    batch(0, 'a', 0);
    batch(0, 'a', 1);
    batch(2, 'c', 0);
    expect(shown).toEqual([]);
    batch(1, 'b', 0);
    expect(shown).toEqual(['a0', 'a1', 'c0', 'b0']);
    batch(2, 'c', 1);
    expect(shown.at(-1)).toBe('c1');

    // The next run: a part that ends having sent nothing lets the others' batches go, before the end is told.
    workers.forEach((_, k) => say(k, { type: 'state', state: 'stopped', step: 2 }));
    client.start('noisy-bn', {}, 2);
    shown.length = 0;
    workers.forEach((_, k) => say(k, { type: 'ready', backend: 'wasm', numTensors: 0 }));
    batch(0, 'a', 0);
    say(1, { type: 'state', state: 'finished', step: 0 });
    expect(shown).toEqual([]);
    say(2, { type: 'state', state: 'finished', step: 1 });
    expect(shown).toEqual(['a0']);
    say(0, { type: 'state', state: 'finished', step: 1 });
    expect(shown).toEqual(['a0', 'finished']);
  });

  it('reports a failed start once, in place of ready', async () => {
    const many = split(['a', 'b'], 2);
    many.client.start('no-such-experiment', {}, 1);
    await many.until('error');
    expect(many.seen.events).toEqual(['error unknown experiment "no-such-experiment"; valid experiments: bn-vs-standard, noisy-bn, ics-gradients, landscape, lp-norms, wgan, spectral-norm']);
  });
});

describe('how arms are shared out', () => {
  it('deals arms of equal cost out in turn; one worker per core, up to one per arm and at most four', () => {
    expect(splitArms(['standard', 'batchnorm', 'noisy-batchnorm', 'standard-noisy'], 2)).toEqual([
      ['standard', 'noisy-batchnorm'],
      ['batchnorm', 'standard-noisy'],
    ]);
    expect(splitArms(['standard', 'batchnorm', 'l1', 'l2', 'linf'], 2)).toEqual([
      ['standard', 'l1', 'linf'],
      ['batchnorm', 'l2'],
    ]);
    expect(splitArms(['clip', 'gp', 'sn'], 4)).toEqual([['sn'], ['gp'], ['clip']]);
    expect([labWorkerCount(5, 2), labWorkerCount(5, 3), labWorkerCount(3, 8), labWorkerCount(5, 16), labWorkerCount(2, 1)]).toEqual([2, 3, 3, 4, 1]);
  });

  it('gives the costliest arm a part of its own before pairing cheaper ones', () => {
    // Dealt out in turn, clip and sn (the dearest) would share a part: 2.5 units against gp's 1.45.
    expect(splitArms(['clip', 'gp', 'sn'], 2)).toEqual([['sn'], ['clip', 'gp']]);
    expect(splitArms(['clip', 'gp', 'sn'], 1)).toEqual([['clip', 'gp', 'sn']]);
  });
});
