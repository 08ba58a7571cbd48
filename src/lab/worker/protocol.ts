/**
 * The typed messages between a page and the lab's Web Worker. Type-only (no tfjs), so widgets can
 * import it on the main thread.
 *
 * A session: page sends `start`; the worker answers `ready` (the backend it got, why it fell
 * back if it did, and the tensors alive), `state: running`, then `metrics` batches (throttled for drawing: at most every
 * FLUSH_INTERVAL_MS or FLUSH_RECORDS records, and always before a state change), `progress`, and
 * finally `summary` + `state: finished` — or `state: stopped` after `stop` — both with the tensors
 * still alive. Any failure is an
 * `error` with a readable message. `diverged` is reported per arm as it happens (the experiment's
 * `{ diverged: 1 }` record, at the step its loss went NaN/Inf); the other arms go on.
 */
import type { ArmSummary, Config, MetricRecord } from '../types';
import type { BackendName } from '../tf';

export const FLUSH_INTERVAL_MS = 100;
export const FLUSH_RECORDS = 50;

// ----- page → worker -------------------------------------------------------------------------

export interface StartMessage {
  type: 'start';
  experimentId: string;
  /** Overrides of the experiment's defaults; validated by the worker against the schema. */
  config: Partial<Config>;
  seed: number;
  /** Step cap overriding the config's own. */
  steps?: number;
  /** Only these arms: this worker's share of a run split across workers (split-client.ts). */
  arms?: string[];
  /** Directory URL of the self-hosted tfjs .wasm files, e.g. `${BASE_URL}tfjs/`. */
  wasmPrefix: string;
  /** URL of the digits file, e.g. `${BASE_URL}data/digits.bin`; fetched only by experiments that need it. */
  digitsUrl: string;
}

/** Pause before the next training step. */
export interface PauseMessage {
  type: 'pause';
}
export interface ResumeMessage {
  type: 'resume';
}
/** While paused: run exactly one more step (all arms), then pause again. Ignored while running. */
export interface StepMessage {
  type: 'step';
}
/** End the run; its tensors are freed and `state: stopped` follows. */
export interface StopMessage {
  type: 'stop';
}

export type ToWorker = StartMessage | PauseMessage | ResumeMessage | StepMessage | StopMessage;

// ----- worker → page -------------------------------------------------------------------------

export interface ReadyMessage {
  type: 'ready';
  backend: BackendName;
  /** Set when the preferred backend (wasm) could not be used; the page shows it as a notice. */
  fallbackReason?: string;
  /** Tensors alive in the worker as the run starts (tf.memory().numTensors): the leak checks' baseline. */
  numTensors: number;
}

export interface MetricsMessage {
  type: 'metrics';
  /** In the order the experiment yielded them. */
  records: MetricRecord[];
}

export interface ProgressMessage {
  type: 'progress';
  /** Steps done so far (latest record's step + 1). */
  step: number;
  /** The step cap. */
  of: number;
}

export type RunState = 'running' | 'paused' | 'finished' | 'stopped' | 'diverged';

export interface StateMessage {
  type: 'state';
  state: RunState;
  /** Steps done when the state was entered (for `diverged`: the step whose loss was NaN/Inf). */
  step: number;
  /** With `diverged`: which arm. */
  arm?: string;
  /**
   * With `finished` and `stopped`: tensors alive in the worker once the run has freed its own, which
   * equals the `ready` count of a run that leaks nothing.
   */
  numTensors?: number;
}

/** The experiment's per-arm summary, sent once before `state: finished`. */
export interface SummaryMessage {
  type: 'summary';
  summary: Record<string, ArmSummary>;
}

export interface ErrorMessage {
  type: 'error';
  message: string;
}

export type FromWorker = ReadyMessage | MetricsMessage | ProgressMessage | StateMessage | SummaryMessage | ErrorMessage;
