/**
 * What a live figure holds besides its charts: the reader's settings and seed, the run controller,
 * and the precomputed traces, each shown whenever the settings are the ones it was made with (the
 * first: its experiment's defaults and seed; another: a network's defaults, e.g. the convnet's presets;
 * the step cap may differ). Changing a setting or the seed resets the run, so the charts never mix settings.
 */
import { configHash, defaultsOf, fieldOf, resolveConfig } from '../../lab/schema';
import type { Config, ConfigSchema, ConfigValue, NumberField } from '../../lab/types';
import { columnsTable } from '../share/export-data';
import type { ShareSpec } from '../share/share-spec';
import { liveFields } from '../share/widget-fields';
import type { Columns } from '../../lab/worker/columns';
import { traceColumns, type Trace } from '../../traces/trace';
import { RunController, type ClientFactory, type RunRequest } from './run-controller.svelte';
import { watchVisibility } from './visibility';
import { SeedBands } from './seed-bands.svelte';
import { RunShelf } from './run-shelf.svelte';
import type { Pinned } from '../../charts/series';

export class LiveRun {
  settings: Config = $state({});
  seed = $state(1);
  readonly run: RunController;
  readonly defaults: Config;
  readonly stepCapField: NumberField;
  /** The precomputed runs, the default settings' first. */
  readonly traces: readonly Trace[];
  /** Each trace's settings (any step cap) and its chart columns. */
  private readonly made: readonly { settings: Config; columns: Columns }[];
  /** The committed seeds of the default settings, drawn behind the run on request. */
  readonly seedBands: SeedBands;
  /** Runs the reader pinned, drawn faintly under the live one. */
  readonly shelf: RunShelf;

  constructor(
    readonly schema: ConfigSchema,
    readonly arms: readonly string[],
    traces: Trace | readonly Trace[],
    createClient?: ClientFactory,
  ) {
    this.traces = 'arms' in traces ? [traces] : traces;
    const trace = this.traces[0]!;
    this.defaults = defaultsOf(schema);
    this.settings = { ...this.defaults };
    this.seed = trace.seed;
    this.made = this.traces.map((t, i) => ({ settings: i === 0 ? this.defaults : networkDefaults(schema, t), columns: traceColumns(t) }));
    const steps = schema.find((f) => f.key === 'steps');
    if (steps?.type !== 'number') throw new Error(`${trace.experiment} has no number field "steps" to cap runs with`);
    this.stepCapField = { ...steps, label: 'Step cap' };
    this.run = new RunController(trace.experiment, arms, createClient);
    this.run.show(this.made[0]!.columns, true);
    this.seedBands = new SeedBands(trace.experiment, () => this.atDefaults, () => this.settings.model === this.defaults.model);
    const fields = liveFields(schema);
    const linkDefaults: Config = { ...this.defaults, seed: trace.seed };
    this.shelf = new RunShelf({
      experiment: trace.experiment,
      arms,
      fields,
      defaults: linkDefaults,
      precomputed: (state) => this.precomputed(state),
      createClient,
    });
  }

  /** The precomputed run of the current network (the default trace when it has none): captions name its seed. */
  get trace(): Trace {
    return this.traces[this.networkIndex]!;
  }

  /** The current network's trace as chart columns: panels that need a run's layers before it starts read them. */
  get traceColumns(): Columns {
    return this.made[this.networkIndex]!.columns;
  }

  private get networkIndex(): number {
    return Math.max(0, this.made.findIndex((m) => m.settings.model === this.settings.model));
  }

  /** The columns of a run of `state` (settings and seed) when precomputed, else null. */
  private precomputed(state: Config): Columns | null {
    const made = this.made.find(({ settings }, i) => state.seed === this.traces[i]!.seed && this.schema.every((f) => f.key === 'steps' || state[f.key] === settings[f.key]));
    return made?.columns ?? null;
  }

  /**
   * The settings that choosing network `model` brings: its presets (the convnet's learning rate, steps, …),
   * and every other network's preset keys back at the experiment's defaults, as the CLI resolves them.
   */
  networkSettings(model: string): Config {
    const field = fieldOf(this.schema, 'model');
    const presetKeys = field.type === 'choice' ? field.options.flatMap((o) => Object.keys(o.presets ?? {})) : [];
    const resolved = resolveConfig(this.schema, { model });
    return Object.fromEntries([['model', model], ...presetKeys.map((k) => [k, resolved[k]!] as const)]);
  }

  /** The state a link or a pin holds: every setting and the seed. */
  get state(): Config {
    return { ...this.settings, seed: this.seed };
  }

  /** Pins the run shown now (a copy: a live run keeps growing). */
  pinCurrent(): void {
    const columns = this.run.columns;
    const copy = Object.fromEntries(
      Object.entries(columns).map(([arm, data]) => [arm, Object.fromEntries(Object.entries(data).map(([k, v]) => [k, [...v]]))]),
    ) as Columns;
    this.shelf.pin(this.state, copy);
  }

  /**
   * A comparison in one press: every run but the last pinned (and trained unless precomputed), the last
   * set live. Each run is overrides of the defaults, with the current seed and step cap.
   */
  compare(runs: readonly Config[]): void {
    this.shelf.read([]);
    const base = { ...this.defaults, steps: this.stepCap, seed: this.seed };
    for (const overrides of runs.slice(0, -1)) {
      const pin = this.shelf.pinSettings({ ...base, ...overrides });
      if (pin) this.shelf.train(pin);
    }
    this.update({ ...this.defaults, steps: this.stepCap, ...runs.at(-1) });
  }

  /**
   * A chart's marks for each pinned run, from the same shaping as its live ones; the shaping gets the
   * pin's settings too, for marks that depend on them (the probed step sizes of a landscape band).
   */
  pinned<T>(seriesOf: (columns: Columns, state: Config) => T[]): Pinned<T>[] {
    return this.shelf.shown.map(({ letter, columns, state }) => ({ letter, series: seriesOf(columns, state) }));
  }

  get stepCap(): number {
    return this.settings.steps as number;
  }

  /** The experiment's default settings (any seed and step cap): those of the trace and the seed bands. */
  get atDefaults(): boolean {
    return this.schema.every((f) => f.key === 'steps' || this.settings[f.key] === this.defaults[f.key]);
  }

  /** Last step the step axis shows. */
  get lastStep(): number {
    return Math.max(1, (this.run.showingTrace ? this.trace.steps : this.stepCap) - 1);
  }

  request(): RunRequest {
    return { config: { ...this.settings }, seed: this.seed, steps: this.stepCap };
  }

  set(key: string, value: ConfigValue): void {
    this.update({ [key]: value });
  }

  /** Several settings at once (one reset), e.g. a network and the learning rate that suits it. */
  update(values: Config): void {
    Object.assign(this.settings, values);
    this.reset();
  }

  setSeed(seed: number): void {
    this.seed = seed;
    this.reset();
  }

  play(): void {
    this.run.play(this.request());
  }

  stepOnce(): void {
    this.run.stepOnce(this.request());
  }

  /** What the frame needs to put this run in a link and export it: every setting, the seed, the columns shown. */
  share(slug: string): ShareSpec {
    return {
      slug,
      fields: liveFields(this.schema),
      state: () => this.state,
      apply: ({ seed, ...settings }) => {
        this.seed = seed as number;
        this.update(settings);
      },
      table: () => columnsTable(this.run.columns),
      pins: {
        params: () => this.shelf.params(),
        read: (texts) => this.shelf.read(texts),
        tables: () => this.shelf.tables(),
      },
    };
  }

  /** Back to step 0 with the same seed, so the same initialisation and batches. */
  reset(): void {
    const columns = this.precomputed(this.state);
    this.run.show(columns ?? {}, columns !== null);
  }

  /**
   * Pauses while `element` is out of view or the tab hidden, and ends the workers on leaving the page:
   * the live run's and those of pinned runs training on the shelf, which no reader sees either.
   */
  attach(element: Element): () => void {
    const stop = watchVisibility(element, {
      hidden: () => {
        this.run.sleep();
        this.shelf.sleep();
      },
      visible: () => {
        this.run.wake();
        this.shelf.wake();
      },
      leave: () => {
        this.run.dispose();
        this.shelf.dispose();
      },
    });
    return () => {
      stop();
      this.run.dispose();
      this.shelf.dispose();
    };
  }
}

/** The settings a network's trace was made with: the network option whose resolved defaults hash to the trace's config. */
function networkDefaults(schema: ConfigSchema, trace: Trace): Config {
  const model = schema.find((f) => f.key === 'model');
  const options = model?.type === 'choice' ? model.options : [];
  for (const { value } of options) {
    const settings = resolveConfig(schema, { model: value });
    if (configHash({ ...settings, steps: trace.steps }, schema) === trace.configHash) return settings;
  }
  throw new Error(`no network of ${trace.experiment} makes the trace's config ${trace.configHash}`);
}
