/**
 * The measured run times the instructors page shows: each live figure's default run, Play to
 * "Finished" on its embed page, as `npm run bench` measures it (tools/bench/default-runs.ts), with the machine it ran
 * on. The numbers live in run-times.json, written from a measurement, never typed; this module only
 * checks the file's shape and reads it.
 */
import file from './run-times.json';

export interface RunTimes {
  /** ISO date of the measurement. */
  measured: string;
  /** The command that measured it. */
  command: string;
  /** The browser's version string. */
  browser: string;
  machine: {
    cpus: number;
    cpuModel: string;
    /** The 1-minute load average when the measurement started and when it ended: other jobs slow a run. */
    loadAverage: [number, number];
    /** A fixed loop of arithmetic (JavaScript, run in Node.js) and its seconds just before the runs: the machine's speed then. */
    referenceLoop: string;
    referenceLoopSeconds: number;
  };
  /** Each figure's default run, and a run per other network it offers (`model`, e.g. the convnet at its presets). */
  runs: { slug: string; model?: string; seconds: number; progress: string }[];
}

/** JSON types the load average as any-length array: check what the page relies on, and fail the build on a bad file. */
function checked(data: unknown): RunTimes {
  const f = data as RunTimes;
  const ok =
    typeof f.measured === 'string' &&
    typeof f.browser === 'string' &&
    f.machine?.loadAverage?.length === 2 &&
    typeof f.machine.referenceLoop === 'string' &&
    Number.isFinite(f.machine.referenceLoopSeconds) &&
    Array.isArray(f.runs) &&
    f.runs.every((r) => typeof r.slug === 'string' && Number.isFinite(r.seconds));
  if (!ok) throw new Error('src/site/run-times.json is not in the shape src/site/run-times.ts describes; re-make it with `npm run bench` (tools/bench/default-runs.ts).');
  return f;
}

export const RUN_TIMES: RunTimes = checked(file);

/** Seconds of the default run of the figure, or null for a figure that has no run (or was not measured). */
export function measuredRunSeconds(slug: string): number | null {
  return measuredRun(slug)?.seconds ?? null;
}

/** The figure's measured run with network `model` (its default network when undefined), or null when not measured. */
export function measuredRun(slug: string, model?: string): { seconds: number; steps: number } | null {
  const run = RUN_TIMES.runs.find((r) => r.slug === slug && r.model === model);
  // The progress line ends a finished run at its last step: "Step 200 of 200 · …".
  const steps = Number(/ of (\d+)/.exec(run?.progress ?? '')?.[1]);
  return run && steps > 0 ? { seconds: run.seconds, steps } : null;
}
