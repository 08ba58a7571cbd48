/**
 * A widget's handle on one live run in the lab worker, as Svelte 5 state: the run's phase, the step
 * reached, the metric columns so far (appendRecords), the backend (and why it fell back), divergence
 * per arm and errors. It starts showing a precomputed trace; a live run replaces it.
 *
 * The worker answers every `start` with exactly one `ready` (or one `error`), after the previous run
 * has posted its last message. Messages that arrive while a newer start still awaits its `ready`
 * belong to a replaced run and are dropped, and so are those of a run stopped by a reset, up to its
 * final state: a reset never mixes two runs' numbers.
 */
import type { LabClient, LabHandlers } from '../../lab/worker/client';
import { createSplitLabClient, labWorkerCount } from '../../lab/worker/split-client';
import { appendRecords, type Columns } from '../../lab/worker/columns';
import type { Config } from '../../lab/types';
import { afterChartsDrawn } from '../../charts/draw-queue';

export type RunPhase = 'idle' | 'loading' | 'running' | 'paused' | 'finished' | 'stopped' | 'diverged' | 'error';

export interface RunRequest {
  config: Partial<Config>;
  seed: number;
  /** The step cap: the run ends here. */
  steps: number;
}

export type ClientFactory = (handlers: LabHandlers) => LabClient;

/**
 * Batches arrive every 100 ms; the charts take them at most this often (state changes show at once).
 * Fewer redraws leave the main thread more room on a slow machine; four updates a second read as live.
 */
const REDRAW_MS = 250;

export class RunController {
  phase: RunPhase = $state('idle');
  /** Steps done so far, as of the batch the charts show. */
  step = $state(0);
  of = $state(0);
  backend: string | null = $state(null);
  fallbackReason: string | null = $state(null);
  error: string | null = $state(null);
  /** Arm → the step at which its loss became NaN/Inf. */
  diverged: Record<string, number> = $state({});
  /** Whether the columns are the precomputed trace rather than a live run. */
  showingTrace = $state(false);

  #columns: Columns = {};
  /** A step the worker reported and the page does not show yet; shown with its batch (#showNow). */
  #stepReported: number | null = null;
  #revision = $state(0);
  #redraw: ReturnType<typeof setTimeout> | null = null;
  #client: LabClient | null = null;
  #awaitingReady = 0;
  /** Runs stopped by `show` whose last messages are still to come. */
  #stopping = 0;
  #autoPaused = false;
  #last: RunRequest | null = null;

  constructor(
    readonly experimentId: string,
    readonly arms: readonly string[],
    // Where cores allow, the arms train in parallel workers (split-client.ts), with the numbers of one
    // worker; with one worker that is the plain client. A run starts once the charts have shown Play's change.
    private readonly createClient: ClientFactory = (handlers) =>
      createSplitLabClient(handlers, arms, labWorkerCount(arms.length), { deferStart: afterChartsDrawn }),
  ) {}

  /**
   * The metric columns shown now; reading it subscribes to every new batch. Batches are appended in
   * place, so each read returns a fresh outer object: deriveds compare by identity.
   */
  get columns(): Columns {
    void this.#revision;
    // In the experiment's arm order, whichever worker's records came first (split-client.ts).
    const ordered: Columns = {};
    for (const arm of this.arms) if (arm in this.#columns) ordered[arm] = this.#columns[arm]!;
    return Object.assign(ordered, this.#columns);
  }

  get active(): boolean {
    return this.phase === 'loading' || this.phase === 'running' || this.phase === 'paused';
  }

  /** Show `columns` (a trace, or nothing) with no run: the idle state a reset returns to. */
  show(columns: Columns, isTrace: boolean): void {
    if (this.active && this.#client) {
      this.#client.stop();
      this.#stopping++;
    }
    this.#setColumns(columns);
    this.showingTrace = isTrace;
    Object.assign(this, { phase: 'idle', step: 0, error: null, diverged: {} });
  }

  /** Play: resume a paused run, or start a new one. */
  play(request: RunRequest): void {
    if (this.phase === 'paused') this.#client?.resume();
    else this.#start(request);
  }

  pause(): void {
    if (this.phase === 'running' || this.phase === 'loading') this.#client?.pause();
  }

  /** One step (all arms) while paused; from idle or an ended run, a new run that pauses after its first step. */
  stepOnce(request: RunRequest): void {
    if (this.phase === 'running') return;
    if (this.phase !== 'paused') {
      this.#start(request);
      this.#client!.pause();
    }
    this.#client!.step();
  }

  /** Pauses while the widget is out of sight; `wake` resumes only what this paused. */
  sleep(): void {
    if (this.phase !== 'running' && this.phase !== 'loading') return;
    this.#autoPaused = true;
    this.#client?.pause();
  }

  wake(): void {
    if (!this.#autoPaused) return;
    this.#autoPaused = false;
    if (this.active) this.#client?.resume();
  }

  /** After an error: a fresh worker, the same run again. */
  retry(): void {
    this.#client?.terminate();
    this.#client = null;
    this.#awaitingReady = 0;
    this.#stopping = 0;
    if (this.#last) this.#start(this.#last);
  }

  /** Ends the worker (navigation, unmount). */
  dispose(): void {
    this.#client?.terminate();
    this.#client = null;
  }

  #start(request: RunRequest): void {
    this.#last = request;
    this.#autoPaused = false;
    this.#client ??= this.createClient(this.#handlers());
    this.#awaitingReady++;
    this.#client.start(this.experimentId, request.config, request.seed, request.steps);
    this.#setColumns({});
    Object.assign(this, { phase: 'loading', step: 0, of: request.steps, error: null, diverged: {}, showingTrace: false });
  }

  #setColumns(columns: Columns): void {
    this.#columns = columns;
    this.#stepReported = null;
    this.#showNow();
  }

  /** Redraw with what has arrived, now, and show the step it reached. */
  #showNow(): void {
    if (this.#redraw !== null) clearTimeout(this.#redraw);
    this.#redraw = null;
    this.#revision++;
    if (this.#stepReported !== null) this.step = this.#stepReported;
    this.#stepReported = null;
  }

  /** Redraw within REDRAW_MS, once for all batches that arrive until then. */
  #showSoon(): void {
    this.#redraw ??= setTimeout(() => this.#showNow(), REDRAW_MS);
  }

  #handlers(): LabHandlers {
    const current = () => this.#awaitingReady === 0 && this.#stopping === 0;
    return {
      onReady: (message) => {
        if (--this.#awaitingReady > 0) return;
        // The host starts a run only after the previous one ended: nothing stopped is still to come.
        this.#stopping = 0;
        this.backend = message.backend;
        this.fallbackReason = message.fallbackReason ?? null;
      },
      onMetrics: (records) => {
        if (!current()) return;
        appendRecords(this.#columns, records);
        this.#showSoon();
      },
      // The step counter moves with the charts, when the batches are shown: set on every message (ten a
      // second), it was an update of the page of its own, each a frame of style, layout and paint on the
      // phone profile's slowed main thread between the charts' redraws (traced 2026-12-04).
      onProgress: (message) => {
        if (!current()) return;
        this.#stepReported = message.step;
        this.#showSoon();
      },
      onState: (message) => {
        const ended = message.state === 'stopped' || message.state === 'finished';
        if (this.#stopping > 0 && ended) {
          this.#stopping--;
          return;
        }
        if (!current()) return;
        this.#showNow();
        switch (message.state) {
          case 'diverged':
            this.diverged = { ...this.diverged, [message.arm ?? '']: message.step };
            return;
          case 'finished':
            this.step = message.step;
            this.phase = this.arms.every((arm) => arm in this.diverged) ? 'diverged' : 'finished';
            return;
          default:
            this.step = message.step;
            this.phase = message.state;
        }
      },
      onError: (message) => {
        // An error that answers a start (bad config, no backend) stands in for its `ready`.
        if (this.#awaitingReady > 0 && --this.#awaitingReady > 0) return;
        this.#stopping = 0;
        this.error = message;
        this.phase = 'error';
      },
    };
  }
}
