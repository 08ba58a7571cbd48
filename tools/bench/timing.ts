/**
 * Throughput measurement shared by every bench row: warm up, then several trials of at least
 * MIN_TRIAL_SECONDS each; the median rate and the half-spread of the trials (docs/performance.md
 * method). Subjects measured together take their trials in turn (A B C A B C …), so a load change on
 * this shared 2-core VM hits every row alike and the ratios between them stay fair.
 */
export const TRIALS = 5;
export const MIN_TRIAL_SECONDS = 1;
const WARMUP_SECONDS = 0.5;

export interface Rate {
  /** Median over trials, in calls per second. */
  perSecond: number;
  /** Half the min–max spread over trials, relative to the median. */
  spread: number;
}

/** A thing to time: `trial` runs it for at least `seconds` and returns calls per second. */
export interface Subject {
  trial(seconds: number): Promise<number>;
  dispose?(): void;
}

/** A subject in this process: one `call` is one unit of work with its result read back. */
export function localSubject(call: () => unknown, dispose?: () => void): Subject {
  return {
    async trial(seconds) {
      let calls = 0;
      const start = performance.now();
      let elapsed = 0;
      while (elapsed < seconds * 1000) {
        await call();
        calls++;
        elapsed = performance.now() - start;
      }
      return (1000 * calls) / elapsed;
    },
    ...(dispose && { dispose }),
  };
}

function summarize(rates: number[]): Rate {
  const sorted = [...rates].sort((a, b) => a - b);
  const perSecond = sorted[Math.floor(sorted.length / 2)]!;
  return { perSecond, spread: (sorted.at(-1)! - sorted[0]!) / 2 / perSecond };
}

/** Rates of the subjects, trials interleaved; every subject is disposed afterwards. */
export async function ratesOf(subjects: readonly Subject[], trials = TRIALS): Promise<Rate[]> {
  try {
    for (const s of subjects) await s.trial(WARMUP_SECONDS);
    const rates = subjects.map(() => [] as number[]);
    for (let t = 0; t < trials; t++) {
      for (const [i, s] of subjects.entries()) rates[i]!.push(await s.trial(MIN_TRIAL_SECONDS));
    }
    return rates.map(summarize);
  } finally {
    for (const s of subjects) s.dispose?.();
  }
}
