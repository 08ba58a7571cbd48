/**
 * The lab's worker host, apart from any real worker: `createLabHost(post)` returns the message
 * handler, so Node tests drive it with a fake `post` and lab.worker.ts wires it to `self`.
 *
 * One run at a time; a new `start` stops the previous run first. Pausing happens between steps: the
 * host holds the first record of the next step until it may go on, so "step" while paused posts
 * exactly one step's records (all arms) and pauses again.
 */
import { resolveConfig } from '../schema';
import { initBackend, tf, type BackendChoice } from '../tf';
import { fetchDigits } from '../data/digits';
import { getExperiment } from '../experiments/registry';
import type { DigitData, Experiment, MetricRecord } from '../types';
import { FLUSH_INTERVAL_MS, FLUSH_RECORDS, type FromWorker, type StartMessage, type ToWorker } from './protocol';

export interface HostDeps {
  lookup: (id: string) => Experiment;
  initBackend: (wasmPrefix: string) => Promise<BackendChoice>;
  loadDigits: (url: string) => Promise<DigitData>;
  now: () => number;
  /** Lets queued messages (pause, stop) in between training steps, which otherwise chain as microtasks. */
  yieldToEvents: () => Promise<void>;
  /** Tensors alive now, reported at a run's start and end so a page (or a test) can see leaks. */
  numTensors: () => number;
}

/**
 * A new task, as setTimeout(0) would start but without its clamp: timers nested more than five deep wait at
 * least 4 ms (HTML), 4.5 ms a hop in a Chromium worker, and a run's chain of yields (one per flush, about ten a
 * second) nests them all. A message through a fresh channel is a task of its own, so queued messages get in.
 */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}

const DEFAULT_DEPS: HostDeps = {
  lookup: getExperiment,
  initBackend: (wasmPrefix) => initBackend('wasm', wasmPrefix),
  loadDigits: fetchDigits,
  now: () => performance.now(),
  yieldToEvents: nextTask,
  numTensors: () => tf.memory().numTensors,
};

/** What the message handler can change in a running session. */
interface Control {
  paused: boolean;
  /** Steps granted by `step` messages while paused. */
  credits: number;
  stopped: boolean;
  abort: AbortController;
  /** Resolves the gate's wait when pause/step/resume/stop arrives. */
  wake: () => void;
}

export function createLabHost(post: (message: FromWorker) => void, overrides: Partial<HostDeps> = {}): (message: ToWorker) => void {
  const deps = { ...DEFAULT_DEPS, ...overrides };
  let backend: Promise<BackendChoice> | null = null;
  const digits = new Map<string, Promise<DigitData>>();
  let active: { control: Control; done: Promise<void> } | null = null;

  /** Fetched once per URL; a failed fetch is forgotten so that the next start tries again. */
  const loadDigits = (url: string) => {
    if (!digits.has(url)) {
      const loading = deps.loadDigits(url);
      loading.catch(() => digits.delete(url));
      digits.set(url, loading);
    }
    return digits.get(url)!;
  };

  async function execute(start: StartMessage, control: Control): Promise<void> {
    const experiment = deps.lookup(start.experimentId);
    const config = resolveConfig(experiment.schema, start.config);
    const problem = experiment.check?.(config);
    if (problem) throw new Error(problem);
    backend ??= deps.initBackend(start.wasmPrefix);
    post({ type: 'ready', ...(await backend), numTensors: deps.numTensors() });
    const of = start.steps ?? (typeof config.steps === 'number' ? config.steps : 0);

    const all: MetricRecord[] = [];
    let pending: MetricRecord[] = [];
    let stepsDone = 0;
    let lastFlush = deps.now();
    const flush = () => {
      if (pending.length > 0) {
        post({ type: 'metrics', records: pending });
        post({ type: 'progress', step: stepsDone, of });
        pending = [];
      }
      lastFlush = deps.now();
    };
    const changed = () => new Promise<void>((resolve) => (control.wake = resolve));
    /** Waits at a step boundary while paused; a `step` credit lets exactly one step through. */
    const gate = async () => {
      if (!control.paused || control.stopped) return;
      if (control.credits > 0) {
        control.credits--;
        return;
      }
      flush();
      post({ type: 'state', state: 'paused', step: stepsDone });
      while (control.paused && control.credits === 0 && !control.stopped) await changed();
      if (control.stopped) return;
      if (control.paused) control.credits--;
      else post({ type: 'state', state: 'running', step: stepsDone });
    };

    post({ type: 'state', state: 'running', step: 0 });
    const run = experiment.run(config, {
      seed: start.seed,
      steps: start.steps,
      ...(start.arms && { arms: start.arms }),
      loadDigits: () => loadDigits(start.digitsUrl),
      signal: control.abort.signal,
    });
    let currentStep: number | undefined;
    try {
      for (let next = await run.next(); !next.done && !control.stopped; next = await run.next()) {
        const record = next.value;
        if (record.step !== currentStep) {
          currentStep = record.step;
          await gate();
          if (control.stopped) break;
        }
        all.push(record);
        pending.push(record);
        stepsDone = Math.max(stepsDone, record.step + 1);
        if (record.metrics.diverged === 1) {
          flush();
          post({ type: 'state', state: 'diverged', step: record.step, arm: record.arm });
        }
        if (pending.length >= FLUSH_RECORDS || deps.now() - lastFlush >= FLUSH_INTERVAL_MS) {
          flush();
          await deps.yieldToEvents();
        }
      }
    } finally {
      // Runs the experiment's own finally blocks, which dispose its tensors.
      await run.return();
    }
    flush();
    if (control.stopped) {
      post({ type: 'state', state: 'stopped', step: stepsDone, numTensors: deps.numTensors() });
      return;
    }
    const summary = experiment.summarize(all, config);
    // A part of a split run summarises its own arms only: the client merges the parts' summaries.
    post({ type: 'summary', summary: start.arms ? Object.fromEntries(start.arms.map((arm) => [arm, summary[arm]!])) : summary });
    post({ type: 'state', state: 'finished', step: stepsDone, numTensors: deps.numTensors() });
  }

  function stop(control: Control) {
    control.stopped = true;
    control.abort.abort();
    control.wake();
  }

  return (message: ToWorker) => {
    const control = active?.control;
    switch (message.type) {
      case 'start': {
        const previous = active;
        if (previous) stop(previous.control);
        const fresh: Control = { paused: false, credits: 0, stopped: false, abort: new AbortController(), wake: () => {} };
        const done = (async () => {
          await previous?.done;
          try {
            await execute(message, fresh);
          } catch (err) {
            post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
          }
        })();
        active = { control: fresh, done };
        return;
      }
      case 'pause':
        if (control) control.paused = true;
        return;
      case 'resume':
        if (control) {
          control.paused = false;
          control.wake();
        }
        return;
      case 'step':
        if (control?.paused) {
          control.credits++;
          control.wake();
        }
        return;
      case 'stop':
        if (control) stop(control);
        return;
      default:
        post({ type: 'error', message: `unknown message ${JSON.stringify((message as { type?: unknown }).type)}` });
    }
  };
}
