/**
 * The lab's public contract: the shapes shared by models, normalizations, measurements,
 * experiments, the Web Worker host, the CLI and the site's widgets.
 *
 * Everything here is type-only so that UI code can import it without pulling in tfjs.
 */
import type { Scalar, Tensor, Tensor1D, Tensor2D } from '@tensorflow/tfjs-core';

// ---------------------------------------------------------------------------------------------
// Parameters and models (functional: parameters are plain tensors, the loss is a pure function)
// ---------------------------------------------------------------------------------------------

/** What a parameter is, so that G′ (Definition 2.1) can pick "layers 1…i−1, γ/β included". */
export type ParamKind = 'weight' | 'bias' | 'gamma' | 'beta';

export interface ParamSpec {
  /** Unique and stable, e.g. "W3", "gamma3". Used as a key in gradient-norm records. */
  name: string;
  /** 1-based index of the layer the parameter belongs to (γ/β of the BN after layer i have layer i). */
  layer: number;
  kind: ParamKind;
}

/** Parameter values, in the same order as the model's `specs`. Owned by whoever created them. */
export type Params = Tensor[];

export interface Batch {
  /** [m, inputs] */
  x: Tensor2D;
  /** [m, classes] one-hot for classification, [m, outputs] targets for regression. */
  y: Tensor2D;
}

/**
 * Normalization mode for one forward pass.
 * - `train`: batch statistics; noisy BN draws its noise.
 * - `probe`: batch statistics, no noise, and nothing stateful is touched (landscape probes, G′).
 * - `eval`: running statistics; no noise.
 */
export type NormMode = 'train' | 'probe' | 'eval';

/** Per-step randomness and state the forward pass may read; never mutated by `forward`. */
export interface ForwardContext {
  mode: NormMode;
  /** Running statistics per normalized layer (1-based layer → stats), read in `eval` mode. */
  running?: ReadonlyMap<number, RunningStats>;
  /** Noise for noisy arms, one entry per normalized layer, drawn by the step before the forward pass. */
  noise?: ReadonlyMap<number, LayerNoise>;
}

export interface RunningStats {
  mean: Tensor1D;
  /** The statistic the normalization divides by: BatchNorm's biased variance, an ℓp layer's scale s_p. */
  variance: Tensor1D;
}

/** Algorithm 1's per-activation noise for one layer: a ← s ⊙ a + m, both [m, units]. */
export interface LayerNoise {
  scale: Tensor2D;
  shift: Tensor2D;
}

export interface ForwardResult {
  /** Network output (logits or regression prediction), [m, outputs]. */
  output: Tensor2D;
  /** Pre-activations after normalization (and noise) of every hidden layer, 1-based layer → [m, units]. */
  activations: Map<number, Tensor2D>;
  /** Batch statistics of normalized layers (for running-average updates), 1-based layer → stats. */
  batchStats: Map<number, RunningStats>;
}

export interface Model {
  readonly specs: readonly ParamSpec[];
  /** Number of linear layers; hidden layers are 1…depth−1. */
  readonly depth: number;
  /** Fresh, seeded initial parameters (Glorot-uniform weights, zero biases, γ = 1, β = 0). */
  init(seed: number): Params;
  forward(params: Params, x: Tensor2D, ctx: ForwardContext): ForwardResult;
  /** Pure scalar loss; no state is read or written beyond `ctx`. */
  loss(params: Params, batch: Batch, ctx: ForwardContext): Scalar;
}

// ---------------------------------------------------------------------------------------------
// Experiment configuration schema (drives controls, validation, URL state, CLI flags, captions)
// ---------------------------------------------------------------------------------------------

interface FieldBase {
  /** Config key; also the CLI `--set key=value` name and the URL parameter. */
  key: string;
  label: string;
  help?: string;
  /**
   * A setting that matters only while the setting `key` has one of `values` (the convnet's widths, the
   * choice of the convnet itself): configHash leaves it out otherwise, so the hash of a run of another
   * network stays what it was before the setting existed and its committed data stay valid.
   */
  hashedOnlyWhen?: { key: string; values: readonly string[] };
}

export interface NumberField extends FieldBase {
  type: 'number';
  default: number;
  min: number;
  max: number;
  step?: number;
  integer?: boolean;
  /** Controls use a log slider when 'log'. */
  scale?: 'linear' | 'log';
  unit?: string;
}

export interface ChoiceOption {
  value: string;
  label: string;
  /** Settings this choice brings along unless they are set explicitly (the convnet's own learning rate,
   *  steps, …): resolveConfig applies them between the schema's defaults and the overrides. */
  presets?: Readonly<Record<string, ConfigValue>>;
}

export interface ChoiceField extends FieldBase {
  type: 'choice';
  default: string;
  options: readonly ChoiceOption[];
}

export interface BooleanField extends FieldBase {
  type: 'boolean';
  default: boolean;
}

export type Field = NumberField | ChoiceField | BooleanField;
export type ConfigSchema = readonly Field[];
export type ConfigValue = number | string | boolean;
export type Config = Record<string, ConfigValue>;

// ---------------------------------------------------------------------------------------------
// Runs, records and summaries
// ---------------------------------------------------------------------------------------------

/** One record: one arm at one step. Metric values are plain numbers so records cross postMessage/JSON. */
export interface MetricRecord {
  arm: string;
  step: number;
  metrics: Record<string, number>;
  /**
   * A picture for drawing, on the steps an experiment takes one (so far only 'wgan', every
   * `snapshotEvery` steps). Plain arrays, so it crosses postMessage and JSON like the metrics; it is
   * not a metric: columns keep it aside (columns.ts) and the CLI writes it only when asked.
   */
  snapshot?: FieldSnapshot;
}

/**
 * A 2-D generative model at one step: generated points and the critic's surfaces over a square.
 * Grid values sit at the centres of n × n cells covering [lo, hi]², row-major with row 0 at y = lo
 * and column 0 at x = lo, so value[r·n + c] is at (lo + (c + ½)·h, lo + (r + ½)·h), h = (hi − lo)/n.
 */
export interface FieldSnapshot {
  /** The square [lo, hi] on both axes. */
  extent: [number, number];
  /** Grid side n. */
  size: number;
  /** Generated points, flat [x0, y0, x1, y1, …]. */
  points: number[];
  /** Critic value D(x) at each grid point, n² entries. */
  value: number[];
  /** ‖∇ₓD(x)‖₂ at each grid point, n² entries (1 everywhere would be a critic at its Lipschitz bound). */
  gradNorm: number[];
}

/** Summary keys per arm (a key only where it applies). */
export interface ArmSummary {
  finalLoss?: number;
  trainAccuracy?: number;
  testAccuracy?: number;
  icsL2Median?: number;
  icsCosMedian?: number;
  lossBandMedian?: number;
  gradChangeMedian?: number;
  betaEffMedian?: number;
  modesCovered?: number;
  highQualityFraction?: number;
  sigmaRelError?: number;
  maxInputGradNorm?: number;
  diverged: boolean;
  /** Step at which the loss became NaN/Inf, when diverged. */
  divergedAt?: number;
}

/** Pixel data for the MNIST subset: Uint8 pixels (0–255) and labels, split fixed and class-balanced. */
export interface DigitSet {
  /** n × 784 bytes, row-major. */
  pixels: Uint8Array;
  labels: Uint8Array;
  count: number;
}

export interface DigitData {
  train: DigitSet;
  test: DigitSet;
}

/** What the host (worker, Node test, CLI) provides to a run. */
export interface RunContext {
  seed: number;
  /** Step count override (the CLI's --steps); otherwise the config's own. */
  steps?: number;
  /** Loads the MNIST subset: from a URL in the browser, from the file in Node. */
  loadDigits: () => Promise<DigitData>;
  /** Cooperative cancellation: checked between steps. */
  signal?: AbortSignal;
  /** Only these of the experiment's arms (default: all); each arm's records are those of the full run. */
  arms?: readonly string[];
}

export interface Experiment<C extends Config = Config> {
  /** Public id, e.g. 'noisy-bn'. */
  id: string;
  title: string;
  /** Public arm ids, e.g. ['standard', 'batchnorm']. */
  arms: readonly string[];
  schema: ConfigSchema;
  /** The schema's defaults, typed. */
  defaults: C;
  /** A problem with the settings together that no single field shows (null when there is none); hosts refuse such a run. */
  check?(config: C): string | null;
  /** Yields records step by step, arms interleaved; finishes at the step cap or when cancelled. */
  run(config: C, ctx: RunContext): AsyncGenerator<MetricRecord, void, undefined>;
  /** Per-arm summary from all records of a finished run. */
  summarize(records: readonly MetricRecord[], config: C): Record<string, ArmSummary>;
}
