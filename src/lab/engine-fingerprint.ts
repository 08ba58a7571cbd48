/**
 * The engine's fingerprint: a hash of the constants that shape every measured number but are not part
 * of any experiment's config (the final-loss window, ε and momentum of the normalizations, how often
 * accuracy is evaluated, Algorithm 1's noise, the probe grid, the data split, the GAN's quality rule,
 * the spectral reference, the tfjs version), plus ENGINE_VERSION for numerics no constant shows.
 * Every committed derived file (traces, the gradient slice, the theorem still, the replication and
 * study files) stores it, and the freshness tests compare it, so a changed engine fails CI until
 * `npm run regenerate` has re-made the files (docs/protocol.md, Changes to the protocol).
 */
import { tf } from './tf';
import { fnv1a } from './schema';
import { FINAL_LOSS_WINDOW } from './experiments/summary';
import { EVAL_EVERY } from './experiments/setups';
import { SMALLEST_PROBE } from './experiments/landscape-schema';
import { LP_ETA_RANGE } from './experiments/lp-norms-schema';
import { BN_EPSILON, BN_MOMENTUM } from './norms/batchnorm';
import { LP_EPSILON } from './norms/lp';
import { ALGORITHM_1 } from './norms/noise';
import { BATCH_SIZE as GAN_BATCH_SIZE, EVAL_SAMPLES as GAN_EVAL_SAMPLES } from './gan/wgan-arm';
import { HIGH_QUALITY_RADIUS, MODE_SHARE } from './gan/quality';
import { MODES } from './gan/eight-gaussians';
import { HIDDEN_UNITS as GAN_HIDDEN_UNITS } from './gan/nets';
import { REFERENCE_ITERATIONS } from './measure/spectral';

/**
 * Bump when the numbers change for a reason the constants below do not capture: a changed kernel or
 * formula, an initializer, an optimizer's internals, the order of random draws. History:
 * 1 — the engine as first measured; 2 — ℓp layers evaluate with running averages (docs/protocol.md).
 */
export const ENGINE_VERSION = 2;

/** The digits split that scripts/build-mnist.mjs writes (a unit test reads the file and checks it). */
export const DIGIT_SPLIT = { trainPerClass: 400, testPerClass: 100 } as const;

export const ENGINE_CONSTANTS = {
  finalLossWindow: FINAL_LOSS_WINDOW,
  evalEvery: EVAL_EVERY,
  bnEpsilon: BN_EPSILON,
  bnMomentum: BN_MOMENTUM,
  lpEpsilon: LP_EPSILON,
  noise: ALGORITHM_1,
  smallestProbe: SMALLEST_PROBE,
  lpEtaRange: LP_ETA_RANGE,
  digits: DIGIT_SPLIT,
  gan: { batchSize: GAN_BATCH_SIZE, evalSamples: GAN_EVAL_SAMPLES, hiddenUnits: GAN_HIDDEN_UNITS, modes: MODES, highQualityRadius: HIGH_QUALITY_RADIUS, modeShare: MODE_SHARE },
  spectralReferenceIterations: REFERENCE_ITERATIONS,
  tfjsCore: tf.version_core,
} as const;

/** JSON with object keys sorted at every depth, so the hash does not depend on declaration order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** What derived files store as `engine`: `v<version>-<hash of the constants>`. */
export const ENGINE_FINGERPRINT = `v${ENGINE_VERSION}-${fnv1a(canonical(ENGINE_CONSTANTS))}`;

/** The freshness tests' message for a file made by another engine. */
export const staleEngine = (file: string, remake: string) =>
  `${file} was made by another engine (ENGINE_FINGERPRINT changed: a constant or ENGINE_VERSION); re-make it: ${remake}`;
