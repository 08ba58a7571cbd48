/**
 * One run's arms split across several lab workers, behind the interface of one worker's client. Every
 * arm trains on its own (src/lab/experiments/chosen-arms.ts), so a part runs some of the experiment's
 * arms (`splitArms`) and yields exactly the records those arms yield in a single worker's run; the
 * widget receives their union. Where the machine has more than one core the arms train in parallel.
 *
 * The parts' messages are merged back into the one-worker protocol (protocol.ts), run by run (a part
 * answers each start after its previous run's last message, so runs never overlap within a part):
 * - `ready` once every part is ready (the first fallback reason if any part fell back; tensors summed);
 *   whatever a part says before that waits for it;
 * - `metrics` as they come (each arm in step order; how arms of different parts interleave differs
 *   from one worker's order, which per-arm columns do not see), but a run's first batches wait until
 *   every part has sent one (or ended), so the charts start with every arm side by side;
 * - `progress`: the steps every part has done;
 *   a part that gets ahead of the slowest by more than `leadOf(steps)` steps is held (paused) until it
 *   is back within half that, so the arms grow side by side and a pause lines them up quickly;
 * - `state`: `running` once, `diverged` per arm as it comes; `paused` once every part still training
 *   is paused at the same step (a part that paused behind the others is stepped up to their step
 *   first, so the charts never pause with arms at different steps); `finished` or `stopped` once
 *   every part has ended, after the parts' summaries merged into one `summary`;
 * - `error`: the run's first error only; its other parts are stopped and their messages dropped.
 */
import type { Config, MetricRecord } from '../types';
import { createLabClient, type LabClient, type LabClientOptions, type LabHandlers } from './client';
import type { ReadyMessage, StateMessage, SummaryMessage } from './protocol';
import { armCost } from './arm-cost';

/** More workers than this buys little: each loads its own tfjs, .wasm and data. */
const MAX_WORKERS = 4;

/**
 * How many workers to split `arms` arms across on this device: one per core, at most one per arm. The
 * page's own thread draws between a worker's batches and needs little: on the 2-core development
 * machine two workers took noise-injection's default run from 13.4 s to 7.3 s and the WGAN's from
 * about 50 s to 24 s (Chromium, Play to "Finished").
 */
export function labWorkerCount(arms: number, cores = globalThis.navigator?.hardwareConcurrency ?? 1): number {
  return Math.max(1, Math.min(arms, cores, MAX_WORKERS));
}

/**
 * The arms of each part, the costliest first (arm-cost.ts), each to the part with the least work so far,
 * the earlier part on a tie: arms of equal cost are dealt out in turn (k, k + n, … for part k), so
 * neighbours in the experiment's list (often alike in cost) go to different parts. Each part keeps the
 * experiment's order.
 */
export function splitArms(arms: readonly string[], parts: number): string[][] {
  const groups = Array.from({ length: Math.min(parts, arms.length) }, () => ({ load: 0, arms: new Set<string>() }));
  const costliestFirst = arms.map((arm, i) => ({ arm, i })).sort((a, b) => armCost(b.arm) - armCost(a.arm) || a.i - b.i);
  for (const { arm } of costliestFirst) {
    const least = groups.reduce((best, g) => (g.load < best.load ? g : best));
    least.load += armCost(arm);
    least.arms.add(arm);
  }
  return groups.map((g) => arms.filter((arm) => g.arms.has(arm)));
}

/**
 * How many steps one part may run ahead of the slowest: 2% of the run, at least 10 steps. Holding and
 * letting go take a message each way through the page, which a busy main thread answers late, so a
 * tighter leash idles parts for nothing; a looser one makes a pause wait for the slowest to catch up.
 */
const leadOf = (steps: number) => Math.max(10, Math.ceil(steps / 50));

/** What the merge knows of one run (one `start`) across the parts. */
interface SplitRun {
  ready: (ReadyMessage | undefined)[];
  /** Whether `ready` (or the error in its place) went to the handlers. */
  answered: boolean;
  /** What parts said before the run was answered, in order. */
  waiting: (() => void)[];
  failed: boolean;
  progress: number[];
  of: number;
  /** A part's step while paused, else undefined. */
  paused: (number | undefined)[];
  /** Parts sent a `step` to catch up that have not paused again yet. */
  catchingUp: boolean[];
  /** Parts paused here for running ahead of the others (not the reader's pause). */
  held: boolean[];
  /** Whether the reader paused (or the page, while the figure is out of sight). */
  pausing: boolean;
  pausedAt: number | null;
  running: boolean;
  ended: (StateMessage | undefined)[];
  summary: SummaryMessage['summary'];
  /** Batches held until every part has sent its first (`release`); null once let go. */
  early: MetricRecord[][] | null;
  /** Parts that have sent a batch. */
  sent: boolean[];
}

export function createSplitLabClient(handlers: LabHandlers, arms: readonly string[], workers: number, options: LabClientOptions = {}): LabClient {
  const groups = splitArms(arms, workers);
  if (groups.length <= 1) return createLabClient(handlers, options);

  const runs: SplitRun[] = [];
  /** Per part: how many starts it has answered; its messages belong to run `answered[k] - 1`. */
  const answered = groups.map(() => 0);
  const partsOf = (run: SplitRun) => groups.map((_, k) => k).filter((k) => run.ended[k] === undefined);

  const fail = (run: SplitRun, message: string) => {
    if (run.failed) return;
    run.failed = true;
    run.answered = true;
    handlers.onError?.(message);
    // The other parts of a failed run have nothing to add (a newer run, if any, is theirs to go on with).
    if (run === runs.at(-1)) for (const k of partsOf(run)) parts[k]!.stop();
  };

  /** Runs `emit` now if the run was answered, else once it is; drops it if the run failed. */
  const when = (run: SplitRun, emit: () => void) => {
    if (run.failed) return;
    if (run.answered) emit();
    else run.waiting.push(emit);
  };

  /** Holds a part that ran ahead; lets it go once the slowest is back within half the lead. */
  const pace = (run: SplitRun) => {
    if (run.pausing) return;
    // A part left alone (the others ended) is never ahead: it is let go.
    const training = partsOf(run);
    const slowest = Math.min(...training.map((k) => run.progress[k]!));
    const lead = leadOf(run.of);
    for (const k of training) {
      const ahead = run.progress[k]! - slowest;
      if (!run.held[k] && ahead > lead) {
        run.held[k] = true;
        parts[k]!.pause();
      } else if (run.held[k] && ahead <= lead / 2) {
        run.held[k] = false;
        parts[k]!.resume();
      }
    }
  };

  const settlePause = (run: SplitRun) => {
    if (!run.pausing) return;
    const training = partsOf(run);
    if (training.length === 0 || training.some((k) => run.paused[k] === undefined)) return;
    const at = Math.max(...training.map((k) => run.paused[k]!));
    const behind = training.filter((k) => run.paused[k]! < at);
    for (const k of behind.filter((k) => !run.catchingUp[k])) {
      run.catchingUp[k] = true;
      parts[k]!.step();
    }
    if (behind.length > 0 || run.pausedAt === at) return;
    run.pausedAt = at;
    run.running = false;
    handlers.onState?.({ type: 'state', state: 'paused', step: at });
  };

  /*
   * The first batch shown draws the run's first points and the figure's legend. Shown as it came, it held one
   * part's arms only: the charts and the legend listed some arms, then all of them a batch later (a scratch check
   * caught it in 1 run of 3 of a two-arm figure, 2026-12-04), and the legend's change moved everything below it.
   */
  const release = (run: SplitRun) => {
    if (!run.early || groups.some((_, k) => !run.sent[k] && run.ended[k] === undefined)) return;
    const held = run.early;
    run.early = null;
    for (const records of held) when(run, () => handlers.onMetrics?.(records));
  };

  const end = (run: SplitRun) => {
    if (run.ended.some((e) => e === undefined)) return;
    const ends = run.ended as StateMessage[];
    const step = Math.max(...ends.map((e) => e.step));
    const numTensors = ends.reduce((sum, e) => sum + (e.numTensors ?? 0), 0);
    const finished = ends.every((e) => e.state === 'finished');
    if (finished) handlers.onSummary?.(Object.fromEntries(arms.filter((arm) => arm in run.summary).map((arm) => [arm, run.summary[arm]!])));
    handlers.onState?.({ type: 'state', state: finished ? 'finished' : 'stopped', step, numTensors });
  };

  const partHandlers = (k: number): LabHandlers => {
    const runOf = () => runs[answered[k]! - 1]!;
    return {
      onReady: (message) => {
        // After an error taken for this part's answer to a start (see onError), a late `ready` has no run.
        if (answered[k]! >= runs.length) return;
        answered[k]!++;
        const run = runOf();
        run.ready[k] = message;
        if (run.failed || run.ready.some((r) => r === undefined)) return;
        const ready = run.ready as ReadyMessage[];
        const fallback = ready.find((r) => r.fallbackReason !== undefined) ?? ready[0]!;
        run.answered = true;
        handlers.onReady?.({ ...fallback, numTensors: ready.reduce((sum, r) => sum + r.numTensors, 0) });
        for (const emit of run.waiting.splice(0)) emit();
      },
      onMetrics: (records) => {
        const run = runOf();
        run.sent[k] = true;
        if (!run.early) return when(run, () => handlers.onMetrics?.(records));
        run.early.push(records);
        release(run);
      },
      onProgress: (message) => {
        const run = runOf();
        run.progress[k] = message.step;
        run.of = message.of;
        const step = Math.min(...run.progress);
        when(run, () => handlers.onProgress?.({ type: 'progress', step, of: run.of }));
        if (run === runs.at(-1)) pace(run);
      },
      onSummary: (summary) => Object.assign(runOf().summary, summary),
      onState: (message) => {
        const run = runOf();
        switch (message.state) {
          case 'diverged':
            return when(run, () => handlers.onState?.(message));
          case 'running':
            run.paused[k] = undefined;
            run.pausedAt = null;
            if (run.running) return;
            run.running = true;
            return when(run, () => handlers.onState?.(message));
          case 'paused':
            run.paused[k] = message.step;
            run.catchingUp[k] = false;
            return when(run, () => settlePause(run));
          default:
            run.ended[k] = message;
            release(run);
            run.paused[k] = undefined;
            run.progress[k] = Infinity;
            if (run === runs.at(-1)) pace(run);
            // A part that ends can leave the others paused at one step.
            return when(run, () => {
              end(run);
              settlePause(run);
            });
        }
      },
      onError: (message) => {
        // An error in place of `ready` answers the part's start.
        if (answered[k]! < runs.length) answered[k]!++;
        const run = runOf();
        run.ended[k] ??= { type: 'state', state: 'stopped', step: 0 };
        fail(run, message);
      },
    };
  };

  const parts = groups.map((_, k) => createLabClient(partHandlers(k), options));

  return {
    start: (experimentId: string, config: Partial<Config>, seed: number, steps?: number) => {
      const none = () => groups.map(() => undefined);
      runs.push({
        ready: none(),
        answered: false,
        waiting: [],
        failed: false,
        progress: groups.map(() => 0),
        of: steps ?? 0,
        paused: none(),
        catchingUp: groups.map(() => false),
        held: groups.map(() => false),
        pausing: false,
        pausedAt: null,
        running: false,
        ended: none(),
        summary: {},
        early: [],
        sent: groups.map(() => false),
      });
      groups.forEach((group, k) => parts[k]!.start(experimentId, config, seed, steps, group));
    },
    pause: () => {
      const run = runs.at(-1);
      if (run) run.pausing = true;
      parts.forEach((p) => p.pause());
    },
    resume: () => {
      const run = runs.at(-1);
      if (run) {
        run.pausing = false;
        run.pausedAt = null;
        run.held.fill(false);
      }
      parts.forEach((p) => p.resume());
    },
    step: () => {
      // Every paused part steps and pauses again: until then none of them is paused.
      runs.at(-1)?.paused.fill(undefined);
      parts.forEach((p) => p.step());
    },
    stop: () => parts.forEach((p) => p.stop()),
    terminate: () => parts.forEach((p) => p.terminate()),
  };
}
