/**
 * Whether a live figure's run would keep a phone busy for minutes, and a shorter run to offer instead.
 * A figure's default run time (src/site/run-times.json, measured by `npm run bench`) scaled by
 * the step cap and by how much slower a mid-range phone trains: the phone profile of the browser tests
 * and the bench slows the CPU 4×.
 */
export const PHONE_SLOWDOWN = 4;
/** A run at least this long on a phone is announced before Play ("minutes"). */
export const LONG_RUN_SECONDS = 60;
/** The shorter run offered takes about this long on a phone. */
export const SHORT_RUN_SECONDS = 30;

export interface PhoneRunAdvice {
  /** The run at the current step cap, on a phone, in seconds. */
  phoneSeconds: number;
  /** A step cap that finishes in about SHORT_RUN_SECONDS there. */
  shortSteps: number;
}

/** Round step counts read better: 10, 20 … 90, then 100, 150, 200 …; never fewer than 10. */
const roundSteps = (steps: number) => (steps >= 100 ? Math.floor(steps / 50) * 50 : Math.max(10, Math.floor(steps / 10) * 10));

/** Null when the run is short enough on a phone, or when no shorter round run exists. */
export function phoneRunAdvice(runSeconds: number | null, defaultSteps: number, stepCap: number): PhoneRunAdvice | null {
  if (runSeconds === null || defaultSteps <= 0) return null;
  const secondsPerStep = (runSeconds * PHONE_SLOWDOWN) / defaultSteps;
  const phoneSeconds = secondsPerStep * stepCap;
  if (phoneSeconds < LONG_RUN_SECONDS) return null;
  const shortSteps = roundSteps(SHORT_RUN_SECONDS / secondsPerStep);
  return shortSteps < stepCap ? { phoneSeconds, shortSteps } : null;
}

/** "about 5 minutes", "over a minute". */
export function phoneDuration(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  return minutes <= 1 ? 'over a minute' : `about ${minutes} minutes`;
}
