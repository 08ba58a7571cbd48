/**
 * The reproduce CLI's command line, parsed without side effects so every bad input can be tested
 * in-process. `parseArgs` reads the words (node:util's parser, strict: an unknown flag or a flag
 * without its value is an error); `planRun` checks them against the chosen experiment's schema. Both
 * throw UsageError (exit code 2) with a message that says what to type instead.
 */
import { parseArgs as parseWords } from 'node:util';
import { fieldOf, parseValue, resolveConfig } from '../schema';
import type { BackendName } from '../tf';
import type { Config, ConfigValue, Experiment } from '../types';

export const USAGE =
  'usage: npm run reproduce -- <experiment> [--seed N] [--steps N] [--set key=value ...] [--out file.json [--snapshots]] [--backend wasm|cpu]';

export class UsageError extends Error {
  override name = 'UsageError';
}

export interface ParsedArgs {
  experimentId: string;
  seed: number;
  steps?: number;
  /** Raw `--set key=value` pairs in order; the schema checks them in planRun. */
  sets: [string, string][];
  out?: string;
  /** Write the records' snapshots into the JSON too (they are large: off unless asked). */
  snapshots: boolean;
  backend: BackendName;
  help: boolean;
}

export interface RunPlan {
  experiment: Experiment;
  config: Config;
  seed: number;
  steps?: number;
  out?: string;
  snapshots: boolean;
  backend: BackendName;
}

const DEFAULT_SEED = 1;
const BACKENDS: readonly BackendName[] = ['wasm', 'cpu'];
const MAX_SEED = 2 ** 32 - 1;

function wholeNumber(flag: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isInteger(value) || value < min || value > max) {
    throw new UsageError(`${flag} needs a whole number between ${min} and ${max} (got "${text}")`);
  }
  return value;
}

const OPTIONS = {
  seed: { type: 'string' },
  steps: { type: 'string' },
  set: { type: 'string', multiple: true },
  out: { type: 'string' },
  backend: { type: 'string' },
  snapshots: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export function parseArgs(argv: readonly string[]): ParsedArgs {
  let words;
  try {
    words = parseWords({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    // node:util's message names the flag and what is wrong with it ("Unknown option '--sed'", "argument missing", …).
    throw new UsageError(`${(err as Error).message}\n${USAGE}`);
  }
  const { values, positionals } = words;
  const parsed: ParsedArgs = {
    experimentId: '',
    seed: values.seed === undefined ? DEFAULT_SEED : wholeNumber('--seed', values.seed, 0, MAX_SEED),
    sets: (values.set ?? []).map((pair) => {
      const eq = pair.indexOf('=');
      if (eq <= 0) throw new UsageError(`--set needs key=value (got "${pair}")`);
      return [pair.slice(0, eq), pair.slice(eq + 1)];
    }),
    snapshots: values.snapshots ?? false,
    backend: 'wasm',
    help: values.help ?? false,
  };
  if (values.steps !== undefined) parsed.steps = wholeNumber('--steps', values.steps, 1, Number.MAX_SAFE_INTEGER);
  if (values.out !== undefined) parsed.out = values.out;
  if (values.backend !== undefined) {
    if (!BACKENDS.includes(values.backend as BackendName)) {
      throw new UsageError(`--backend must be one of ${BACKENDS.join(', ')} (got "${values.backend}")`);
    }
    parsed.backend = values.backend as BackendName;
  }
  if (parsed.help) return parsed;
  if (parsed.snapshots && parsed.out === undefined) throw new UsageError(`--snapshots goes into the JSON report: add --out file.json\n${USAGE}`);
  if (positionals.length !== 1) {
    throw new UsageError(`${positionals.length === 0 ? 'which experiment?' : `one experiment at a time (got ${positionals.join(', ')})`}\n${USAGE}`);
  }
  parsed.experimentId = positionals[0]!;
  return parsed;
}

/**
 * Resolves the experiment and its config. When the experiment has a `steps` field, `--steps` sets it
 * (so the written config is the one that ran) and is checked against its range, the same range the
 * site's controls offer.
 */
export function planRun(args: ParsedArgs, lookup: (id: string) => Experiment): RunPlan {
  const experiment = asUsage(() => lookup(args.experimentId));
  const overrides: Record<string, ConfigValue> = {};
  for (const [key, text] of args.sets) {
    overrides[key] = asUsage(() => parseValue(fieldOf(experiment.schema, key), text));
  }
  const stepsField = experiment.schema.find((f) => f.key === 'steps');
  if (args.steps !== undefined && stepsField) overrides.steps = asUsage(() => parseValue(stepsField, String(args.steps)));
  const config = asUsage(() => resolveConfig(experiment.schema, overrides));
  const problem = experiment.check?.(config);
  if (problem) throw new UsageError(problem);
  return { experiment, config, seed: args.seed, steps: args.steps, out: args.out, snapshots: args.snapshots, backend: args.backend };
}

function asUsage<T>(f: () => T): T {
  try {
    return f();
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}
