/**
 * The replication report's arithmetic, pure and small: spread of a metric over seeds, which seeds a
 * claim's check holds on, and the claim's verdict. The page (src/pages/replication.astro) renders
 * what this returns; tests/unit/replication/report.test.ts pins the rules on small fixtures.
 *
 * Verdict rule: "reproduced" when every check holds on every seed, "not reproduced" when no check
 * holds on any seed, "partly" otherwise (some checks, or some seeds).
 */
import type { ClaimFile, SeedValues } from './measured';

export type Verdict = 'reproduced' | 'partly' | 'not reproduced';

/** One seed's numbers: run key, arm, metric → value; NaN where missing or diverged (every comparison then fails). */
export type SeedView = (run: string, arm: string, metric: string) => number;

export interface Check {
  /** The inequality in words, e.g. "BatchNorm < 0.6 × standard at lr 0.1". */
  text: string;
  /** Where the threshold comes from: "pre-registered" (the protocol's line) or "our line for the paper's claim". */
  source: string;
  holds: (v: SeedView) => boolean;
}

export interface CheckResult {
  text: string;
  source: string;
  /** Seeds the check holds on, in the file's order. */
  holdsOn: number[];
  seeds: number[];
}

export interface Spread {
  /** Finite values only; `missing` counts the seeds without one. */
  mean: number;
  min: number;
  max: number;
  missing: number;
}

/** Mean and range of a metric over seeds; null when no seed has a finite value. */
export function spreadOf(values: SeedValues): Spread | null {
  const finite = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  if (finite.length === 0) return null;
  return {
    mean: finite.reduce((s, v) => s + v, 0) / finite.length,
    min: Math.min(...finite),
    max: Math.max(...finite),
    missing: values.length - finite.length,
  };
}

/** The view of seed number `index` (position in file.seeds) of a claim file. */
export function seedView(file: ClaimFile, index: number): SeedView {
  return (run, arm, metric) => {
    const value = file.runs[run]?.arms[arm]?.[metric]?.[index];
    return typeof value === 'number' ? value : Number.NaN;
  };
}

export function evaluateCheck(file: ClaimFile, check: Check): CheckResult {
  const holdsOn = file.seeds.filter((_, i) => check.holds(seedView(file, i)));
  return { text: check.text, source: check.source, holdsOn, seeds: [...file.seeds] };
}

export function verdictOf(results: readonly CheckResult[]): Verdict {
  if (results.length === 0) throw new Error('a claim needs at least one check to have a verdict');
  if (results.every((r) => r.holdsOn.length === r.seeds.length)) return 'reproduced';
  if (results.every((r) => r.holdsOn.length === 0)) return 'not reproduced';
  return 'partly';
}

/** "all 3 seeds", "seed 1 of 3", "seeds 2, 3 of 3", "no seed of 3". */
export function holdsOnText(result: CheckResult): string {
  const n = result.seeds.length;
  if (result.holdsOn.length === n) return `all ${n} seeds`;
  if (result.holdsOn.length === 0) return `no seed of ${n}`;
  return `${result.holdsOn.length === 1 ? 'seed' : 'seeds'} ${result.holdsOn.join(', ')} of ${n}`;
}

const NUMBER = new Intl.NumberFormat('en', { minimumSignificantDigits: 3, maximumSignificantDigits: 3 });
const COUNT = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });

/**
 * A measured value for people: three significant digits, percentages for fractions, counts to one decimal;
 * negatives take the minus sign (−), not the hyphen Intl prints, so a range never reads "-0.962–-0.937".
 */
export function formatValue(value: number, format: 'number' | 'percent' | 'count'): string {
  const text = format === 'percent' ? `${NUMBER.format(100 * value)}%` : format === 'count' ? COUNT.format(value) : NUMBER.format(value);
  return text.replace(/^-/, '\u2212');
}

/** "0.134 (0.132 to 0.137)", or the single value when the seeds agree; missing seeds are named. */
export function formatSpread(spread: Spread | null, format: 'number' | 'percent' | 'count', seeds: number): string {
  if (!spread) return `no finite value on any of ${seeds} seeds (diverged)`;
  const [mean, min, max] = [formatValue(spread.mean, format), formatValue(spread.min, format), formatValue(spread.max, format)];
  const range = min === max ? mean : `${mean} (${min} to ${max})`;
  return spread.missing > 0 ? `${range}; diverged on ${spread.missing} of ${seeds} seeds` : range;
}
