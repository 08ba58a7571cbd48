/**
 * The page's handle on the lab worker, for widgets. It imports no tfjs (only types), so the ~150 KiB
 * engine and the .wasm load inside the worker, when a widget first calls `start`.
 *
 *   const lab = createLabClient({ onMetrics: (records) => …, onState: (s) => … });
 *   lab.start('bn-vs-standard', { lr: 0.5 }, 1);
 *   lab.pause(); lab.step(); lab.resume(); lab.stop(); lab.terminate();
 */
import type { Config } from '../types';
import type {
  FromWorker,
  MetricsMessage,
  ProgressMessage,
  ReadyMessage,
  StateMessage,
  SummaryMessage,
  ToWorker,
} from './protocol';

export interface LabHandlers {
  onReady?: (message: ReadyMessage) => void;
  onMetrics?: (records: MetricsMessage['records']) => void;
  onProgress?: (message: ProgressMessage) => void;
  onState?: (message: StateMessage) => void;
  onSummary?: (summary: SummaryMessage['summary']) => void;
  onError?: (message: string) => void;
}

/** What the client needs of a Worker (tests pass a fake). */
export interface WorkerLike {
  postMessage(message: ToWorker): void;
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

export interface LabClientOptions {
  /** Directory of the self-hosted .wasm files; default `${BASE_URL}tfjs/` (scripts/copy-wasm.mjs). */
  wasmPrefix?: string;
  /** Default `${BASE_URL}data/digits.bin` (scripts/build-mnist.mjs). */
  digitsUrl?: string;
  createWorker?: () => WorkerLike;
  /**
   * Where given, a start and the messages after it wait until it calls back (once): the page passes the wait for
   * its charts to have drawn what the start changed (src/charts/draw-queue.ts). Without it they go at once.
   */
  deferStart?: (then: () => void) => void;
}

export interface LabClient {
  /** `arms`: only these of the experiment's arms (default all). */
  start(experimentId: string, config: Partial<Config>, seed: number, steps?: number, arms?: string[]): void;
  pause(): void;
  resume(): void;
  /** While paused: one more step, then paused again. */
  step(): void;
  stop(): void;
  /** Ends the worker; the client cannot be used afterwards. */
  terminate(): void;
}

function defaultWorker(): WorkerLike {
  // Vite bundles the worker from this exact pattern (a literal URL next to import.meta.url).
  return new Worker(new URL('./lab.worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike;
}

export function createLabClient(handlers: LabHandlers, options: LabClientOptions = {}): LabClient {
  const base = import.meta.env.BASE_URL;
  const wasmPrefix = options.wasmPrefix ?? `${base}tfjs/`;
  const digitsUrl = options.digitsUrl ?? `${base}data/digits.bin`;
  // Created on first use, so a page that never trains never loads the engine.
  let worker: WorkerLike | null = null;
  let terminated = false;
  /** Messages waiting for `deferStart` to call back, else null. */
  let held: ToWorker[] | null = null;

  const dispatch = (message: FromWorker) => {
    switch (message.type) {
      case 'ready':
        return handlers.onReady?.(message);
      case 'metrics':
        return handlers.onMetrics?.(message.records);
      case 'progress':
        return handlers.onProgress?.(message);
      case 'state':
        return handlers.onState?.(message);
      case 'summary':
        return handlers.onSummary?.(message.summary);
      case 'error':
        return handlers.onError?.(message.message);
    }
  };

  const post = (message: ToWorker) => {
    if (!worker) {
      worker = (options.createWorker ?? defaultWorker)();
      worker.onmessage = (event) => dispatch(event.data);
      worker.onerror = (event) => {
        event.preventDefault?.();
        handlers.onError?.(`the lab worker failed: ${event.message || 'it could not be loaded'}`);
      };
    }
    worker.postMessage(message);
  };

  const send = (message: ToWorker) => {
    if (terminated) throw new Error('the lab worker was terminated');
    if (held) held.push(message);
    else post(message);
  };

  const hold = () => {
    if (held || terminated || !options.deferStart) return;
    held = [];
    options.deferStart(() => {
      const messages = held ?? [];
      held = null;
      if (!terminated) messages.forEach(post);
    });
  };

  const control = (message: ToWorker) => void ((worker || held) && send(message));

  return {
    start: (experimentId, config, seed, steps, arms) => {
      hold();
      send({ type: 'start', experimentId, config, seed, ...(steps !== undefined && { steps }), ...(arms && { arms }), wasmPrefix, digitsUrl });
    },
    // Control messages before any start have nothing to act on; they do not create the worker.
    pause: () => control({ type: 'pause' }),
    resume: () => control({ type: 'resume' }),
    step: () => control({ type: 'step' }),
    stop: () => control({ type: 'stop' }),
    terminate: () => {
      // Chromium still dispatches errors the worker raised just before it was terminated (a probe: 5 late
      // errors in 3 of 5 tries); one would fail the run started after this one, e.g. by "Try again".
      if (worker) {
        worker.onmessage = null;
        worker.onerror = null;
        worker.terminate();
      }
      worker = null;
      held = null;
      terminated = true;
    },
  };
}
