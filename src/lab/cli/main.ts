/**
 * `npm run reproduce -- <experiment> …`: runs one experiment in Node with the same engine as the
 * site, shows one updating progress line on stderr, prints the summary table on stdout and, with
 * --out, writes the JSON report (only after the run finished: a failed or bad run writes nothing).
 * Exit codes: 0 done, 1 the run failed, 2 bad command line.
 */
import { writeFile } from 'node:fs/promises';
import { initBackend } from '../tf';
import { readDigitsFile } from '../data/digits-file';
import { getExperiment } from '../experiments/registry';
import { parseArgs, planRun, USAGE, UsageError } from './args';
import { buildReport, summaryTable } from './report';
import type { MetricRecord } from '../types';

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Whether stderr is a terminal: then progress rewrites one line, else it prints every 10%. */
  interactive: boolean;
}

const PROGRESS_INTERVAL_MS = 100;

export async function reproduce(argv: readonly string[], io: CliIo): Promise<number> {
  let plan;
  try {
    const args = parseArgs(argv);
    if (args.help) {
      io.out(`${USAGE}\n`);
      return 0;
    }
    plan = planRun(args, getExperiment);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.err(`reproduce: ${err.message}\n`);
    return 2;
  }
  try {
    const { experiment, config, seed } = plan;
    const choice = await initBackend(plan.backend);
    if (choice.fallbackReason) io.err(`reproduce: using the cpu backend: ${choice.fallbackReason}\n`);
    const steps = plan.steps ?? (typeof config.steps === 'number' ? config.steps : 0);
    const records: MetricRecord[] = [];
    const progress = progressLine(io, `${experiment.id} (seed ${seed}, ${choice.backend})`, steps);
    for await (const record of experiment.run(config, { seed, steps: plan.steps, loadDigits: () => readDigitsFile() })) {
      records.push(record);
      progress(record);
    }
    progress(null);
    const summary = experiment.summarize(records, config);
    io.out(`${summaryTable(summary)}\n`);
    if (plan.out) {
      const report = buildReport({
        experiment: experiment.id,
        seed,
        steps,
        backend: choice.backend,
        config,
        records,
        summary,
        snapshots: plan.snapshots,
      });
      await writeFile(plan.out, `${JSON.stringify(report)}\n`);
      io.out(`wrote ${plan.out}\n`);
    }
    return 0;
  } catch (err) {
    io.err(`reproduce: ${(err as Error).message}\n`);
    return 1;
  }
}

/** Reports the step reached; `null` ends the line. */
function progressLine(io: CliIo, label: string, of: number): (record: MetricRecord | null) => void {
  let last = 0;
  let lastDecile = -1;
  return (record) => {
    if (!record) {
      if (io.interactive) io.err('\n');
      return;
    }
    const done = record.step + 1;
    const text = `${label}: step ${done}/${of} (${record.arm})`;
    if (io.interactive) {
      const now = performance.now();
      if (now - last < PROGRESS_INTERVAL_MS) return;
      last = now;
      io.err(`\r\x1b[2K${text}`);
    } else {
      const decile = Math.floor((10 * done) / Math.max(of, 1));
      if (decile === lastDecile) return;
      lastDecile = decile;
      io.err(`${text}\n`);
    }
  };
}
