/**
 * The measured run times the instructors page shows: each live figure's default run, Play to
 * "Finished" on its embed page, as `tools/bench/default-runs.ts` measures it, with the machine it ran
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
  };
  runs: { slug: string; seconds: number; progress: string }[];
}

export const RUN_TIMES: RunTimes = file as RunTimes;

/** Seconds of the default run of the figure, or null for a figure that has no run (or was not measured). */
export function measuredRunSeconds(slug: string): number | null {
  return RUN_TIMES.runs.find((r) => r.slug === slug)?.seconds ?? null;
}
