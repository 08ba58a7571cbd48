/**
 * Each live figure's default run time, Play to "Finished", as `npm run bench` last measured it
 * (tools/bench/default-runs.ts writes src/site/run-times.json, with the machine and the browser).
 */
import runTimes from '../../site/run-times.json';

const FIGURES: Readonly<Record<string, number>> = runTimes.figures;

/** Seconds of `slug`'s default run; null for a figure with no measured run (no training). */
export function measuredRunSeconds(slug: string): number | null {
  return FIGURES[slug] ?? null;
}
