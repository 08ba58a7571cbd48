/**
 * Per-arm summaries from a run's records, shared by every experiment (the summary keys of the CLI, each only where
 * its metric was recorded):
 *   finalLoss — mean training loss of the last 50 recorded steps; trainAccuracy/testAccuracy — the
 *   last evaluation; icsL2Median/icsCosMedian, lossBandMedian (lossMax − lossMin), gradChangeMedian,
 *   betaEffMedian — medians over measured steps; diverged/divergedAt.
 */
import type { ArmSummary, MetricRecord } from '../types';
import { mean, median } from '../measure/stats';

/** Window of the final-loss average (docs/protocol.md, R1: "mean training loss over the last 50 steps"). */
export const FINAL_LOSS_WINDOW = 50;

export function summarizeArms(records: readonly MetricRecord[], arms: readonly string[]): Record<string, ArmSummary> {
  return Object.fromEntries(arms.map((arm) => [arm, summarizeArm(records.filter((r) => r.arm === arm))]));
}

function summarizeArm(records: readonly MetricRecord[]): ArmSummary {
  const series = (key: string) => records.flatMap((r) => (key in r.metrics ? [r.metrics[key]!] : []));
  const divergedAt = records.find((r) => r.metrics.diverged === 1)?.step;
  const summary: ArmSummary = { diverged: divergedAt !== undefined };
  if (divergedAt !== undefined) summary.divergedAt = divergedAt;
  const losses = series('loss');
  if (losses.length > 0) summary.finalLoss = mean(losses.slice(-FINAL_LOSS_WINDOW));
  const last = (key: string) => series(key).at(-1);
  const trainAccuracy = last('trainAccuracy');
  if (trainAccuracy !== undefined) summary.trainAccuracy = trainAccuracy;
  const testAccuracy = last('testAccuracy');
  if (testAccuracy !== undefined) summary.testAccuracy = testAccuracy;
  const medians: [keyof ArmSummary, number[]][] = [
    ['icsL2Median', series('icsL2')],
    ['icsCosMedian', series('icsCos')],
    ['lossBandMedian', records.flatMap((r) => ('lossMax' in r.metrics ? [r.metrics.lossMax! - r.metrics.lossMin!] : []))],
    ['gradChangeMedian', series('gradChange')],
    ['betaEffMedian', series('betaEff')],
  ];
  for (const [key, values] of medians) if (values.length > 0) (summary[key] as number) = median(values);
  return summary;
}
