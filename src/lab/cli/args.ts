/**
 * The reproduce CLI's command line, parsed without side effects so every bad input can be tested
 * in-process. `parseArgs` reads the words; `planRun` checks them against the chosen experiment's
 * schema. Both throw UsageError (exit code 2) with a message that says what to type instead.
 */
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

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const parsed: ParsedArgs = { experimentId: '', seed: DEFAULT_SEED, sets: [], snapshots: false, backend: 'wasm', help: false };
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    if (word === '--help' || word === '-h') {
      parsed.help = true;
      continue;
    }
    if (word === '--snapshots') {
      parsed.snapshots = true;
      continue;
    }
    if (!word.startsWith('--')) {
      positional.push(word);
      continue;
    }
    const [flag, inline] = word.includes('=') ? [word.slice(0, word.indexOf('=')), word.slice(word.indexOf('=') + 1)] : [word, undefined];
    if (!['--seed', '--steps', '--set', '--out', '--backend'].includes(flag)) {
      throw new UsageError(`unknown option ${flag}\n${USAGE}`);
    }
    const value = inline ?? argv[++i];
    if (value === undefined || (inline === undefined && value.startsWith('--'))) {
      throw new UsageError(`${flag} needs a value\n${USAGE}`);
    }
    switch (flag) {
      case '--seed':
        parsed.seed = wholeNumber('--seed', value, 0, MAX_SEED);
        break;
      case '--steps':
        parsed.steps = wholeNumber('--steps', value, 1, Number.MAX_SAFE_INTEGER);
        break;
      case '--set': {
        const eq = value.indexOf('=');
        if (eq <= 0) throw new UsageError(`--set needs key=value (got "${value}")`);
        parsed.sets.push([value.slice(0, eq), value.slice(eq + 1)]);
        break;
      }
      case '--out':
        parsed.out = value;
        break;
      case '--backend':
        if (!BACKENDS.includes(value as BackendName)) {
          throw new UsageError(`--backend must be one of ${BACKENDS.join(', ')} (got "${value}")`);
        }
        parsed.backend = value as BackendName;
        break;
    }
  }
  if (parsed.help) return parsed;
  if (parsed.snapshots && parsed.out === undefined) throw new UsageError(`--snapshots goes into the JSON report: add --out file.json\n${USAGE}`);
  if (positional.length !== 1) {
    throw new UsageError(`${positional.length === 0 ? 'which experiment?' : `one experiment at a time (got ${positional.join(', ')})`}\n${USAGE}`);
  }
  parsed.experimentId = positional[0]!;
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
  return { experiment, config, seed: args.seed, steps: args.steps, out: args.out, snapshots: args.snapshots, backend: args.backend };
}

function asUsage<T>(f: () => T): T {
  try {
    return f();
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}
