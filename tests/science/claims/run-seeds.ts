/** Runs an experiment once per seed (wasm backend) and keeps each seed's summary for the claims tests. */
import { initBackend } from '../../../src/lab/tf';
import { readDigitsFile } from '../../../src/lab/data/digits-file';
import type { ArmSummary, Config, DigitData, Experiment, MetricRecord } from '../../../src/lab/types';

/** science.md §10 measured every claim on seeds 1, 2, 3. */
export const SEEDS = [1, 2, 3] as const;

let digits: Promise<DigitData> | undefined;

export async function summariesBySeed<C extends Config>(
  exp: Experiment<C>,
  config: C,
): Promise<Map<number, Record<string, ArmSummary>>> {
  const { backend } = await initBackend('wasm');
  if (backend !== 'wasm') throw new Error(`the claims were measured on wasm, but ${backend} is in use`);
  digits ??= readDigitsFile();
  const out = new Map<number, Record<string, ArmSummary>>();
  for (const seed of SEEDS) {
    const records: MetricRecord[] = [];
    for await (const r of exp.run(config, { seed, loadDigits: () => digits! })) records.push(r);
    out.set(seed, exp.summarize(records, config));
  }
  return out;
}

/** One summary value, failing loudly when the arm did not record it. */
export function value(summary: Record<string, ArmSummary>, arm: string, key: keyof ArmSummary): number {
  const v = summary[arm]?.[key];
  if (typeof v !== 'number') throw new Error(`arm ${arm} has no ${key}`);
  return v;
}
