/**
 * What `npm run replicate` runs for each of the paper's browser-scale claims R1–R7 and their convnet rows
 * R1c–R5c (docs/protocol.md): which experiment, which settings, on which seeds, and which summary numbers
 * to keep. Pure data, no tfjs: the script, the freshness test, the science tests and the page all read it
 * (through sets.ts), so they agree on what a claim's runs are.
 */
import type { ConfigValue } from '../lab/types';

/** R1–R7 on the papers' own terms; R1c–R5c ask R1–R5 again of the convnet (docs/protocol.md, convnet rows). */
export type ClaimId = 'R1' | 'R2' | 'R3' | 'R4' | 'R5' | 'R6' | 'R7' | 'R1c' | 'R2c' | 'R3c' | 'R4c' | 'R5c';

/** Every claim rests on seeds 1–5 (docs/protocol.md): a sentence claims what holds on all five, or says on how many. */
export const SEEDS = [1, 2, 3, 4, 5] as const;

/** The claims were measured on wasm; the script refuses to record another backend silently. */
export const BACKEND = 'wasm';

/** A committed number re-computed on the same backend by the same code: only float summation order may differ, so the match is near-exact. */
export const TOLERANCE = { relative: 1e-6, absolute: 1e-9 };

export interface RunPlan {
  /** Names the run inside its claim file, e.g. "lr0.5". */
  key: string;
  /** What differs from the other runs of the claim, for people ("lr 0.5"). */
  label: string;
  experiment: string;
  /** Settings on top of the experiment's defaults, passed to the CLI as `--set key=value`. */
  overrides: Record<string, ConfigValue>;
  /** Summary numbers kept per arm and seed: ArmSummary keys, or the extras of extras.ts. */
  metrics: readonly string[];
}

export interface ClaimPlan {
  claim: ClaimId;
  runs: readonly RunPlan[];
}

/**
 * A study: runs a chapter quotes that are not one of the claims (an exercise's other learning rate,
 * another layer), measured by the same script and stored the same way in src/replication/studies/.
 * Five seeds, or one seed that the text then names ("in one run, seed 1").
 */
export interface StudyPlan {
  study: string;
  /** Why the runs exist, for people: the chapter and question they answer. */
  purpose: string;
  seeds: readonly number[];
  runs: readonly RunPlan[];
}

/** A convnet row: one run of `experiment` at the convnet's own settings (its presets: lr 0.05, 200 steps, …). */
const convnetRow = (claim: ClaimId, experiment: string, metrics: readonly string[]): ClaimPlan => ({
  claim,
  runs: [{ key: 'convnet', label: 'convnet, lr 0.05', experiment, overrides: { model: 'convnet' }, metrics }],
});

const CONVNET_ROWS: readonly ClaimPlan[] = [
  convnetRow('R1c', 'bn-vs-standard', ['finalLoss', 'testAccuracy']),
  convnetRow('R2c', 'noisy-bn', ['finalLoss', 'trainAccuracy']),
  convnetRow('R3c', 'ics-gradients', ['finalLoss', 'icsCosMedian', 'icsL2Median']),
  convnetRow('R4c', 'landscape', ['lossBandMedian', 'gradChangeMedian', 'betaEffMedian']),
  convnetRow('R5c', 'lp-norms', ['finalLoss']),
];

export const CLAIM_PLANS: readonly ClaimPlan[] = [
  {
    claim: 'R1',
    runs: [
      { key: 'lr0.1', label: 'lr 0.1', experiment: 'bn-vs-standard', overrides: { lr: 0.1 }, metrics: ['finalLoss', 'testAccuracy'] },
      { key: 'lr0.5', label: 'lr 0.5', experiment: 'bn-vs-standard', overrides: { lr: 0.5 }, metrics: ['finalLoss', 'testAccuracy'] },
    ],
  },
  {
    claim: 'R2',
    runs: [
      { key: 'lr0.5', label: 'lr 0.5', experiment: 'noisy-bn', overrides: { lr: 0.5 }, metrics: ['finalLoss', 'trainAccuracy'] },
      { key: 'lr0.1', label: 'lr 0.1', experiment: 'noisy-bn', overrides: { lr: 0.1 }, metrics: ['finalLoss', 'trainAccuracy'] },
    ],
  },
  {
    claim: 'R3',
    runs: [{ key: 'dln', label: '10-layer DLN', experiment: 'ics-gradients', overrides: {}, metrics: ['finalLoss', 'icsCosMedian', 'icsL2Median'] }],
  },
  {
    claim: 'R4',
    runs: [
      { key: 'mlp', label: 'MLP, lr 0.1', experiment: 'landscape', overrides: {}, metrics: ['lossBandMedian', 'gradChangeMedian', 'betaEffMedian'] },
    ],
  },
  {
    claim: 'R5',
    runs: [
      { key: 'mlp', label: 'MLP, lr 0.5', experiment: 'lp-norms', overrides: { model: 'mlp', lr: 0.5 }, metrics: ['finalLoss'] },
      // Chapter 7's deep-linear setting for the paper's "ℓ1 beats BN on the DLN".
      { key: 'dln', label: 'DLN, lr 1e-5', experiment: 'lp-norms', overrides: { model: 'dln', lr: 1e-5 }, metrics: ['finalLoss'] },
    ],
  },
  {
    claim: 'R6',
    runs: [{ key: 'toy', label: '8 Gaussians', experiment: 'wgan', overrides: {}, metrics: ['modesCovered', 'highQualityFraction'] }],
  },
  {
    claim: 'R7',
    runs: [
      {
        key: 'sn',
        label: 'power iteration and SN critic',
        experiment: 'spectral-norm',
        overrides: {},
        metrics: ['sigmaRelErrorAt10', 'maxInputGradNormMax', 'productBoundLast'],
      },
    ],
  },
  ...CONVNET_ROWS,
];
