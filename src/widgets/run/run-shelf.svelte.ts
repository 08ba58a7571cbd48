/**
 * A live figure's run shelf: up to MAX_PINS runs kept beside the live one, drawn faintly under it in
 * the charts, each with a label (its settings by default) the reader can edit. Pinning keeps the run's
 * columns as they are; a pin read from a link has only settings and seed, so it shows the trace when
 * those are the trace's and otherwise trains in a worker of its own, one pin at a time, when the reader
 * asks (a link never starts training by itself).
 */
import type { Config, ConfigSchema } from '../../lab/types';
import type { Columns } from '../../lab/worker/columns';
import { columnsTable, type PinnedTable } from '../share/export-data';
import type { Ignored } from '../share/url-state';
import { RunController, type ClientFactory } from './run-controller.svelte';
import { cleanLabel, decodePins, defaultLabel, encodePin, MAX_PINS, pinLetter } from './run-shelf';

export class PinnedRun {
  label = $state('');
  /** The run's columns; empty until a pin read from a link has trained. */
  columns: Columns = $state.raw({});
  /** Trains a pin read from a link; absent once it has its columns. */
  runner: RunController | null = $state(null);

  constructor(
    readonly state: Config,
    label: string,
    columns: Columns,
  ) {
    this.label = label;
    this.columns = columns;
  }

  get ready(): boolean {
    return Object.keys(this.columns).length > 0;
  }
}

/** What the shelf needs of its figure. */
export interface ShelfHost {
  experiment: string;
  arms: readonly string[];
  /** The link fields: the settings and the seed. */
  fields: ConfigSchema;
  defaults: Config;
  /** The columns of a run of `state`, when precomputed (the trace), else null. */
  precomputed: (state: Config) => Columns | null;
  createClient?: ClientFactory;
}

export class RunShelf {
  pins: PinnedRun[] = $state([]);

  constructor(private readonly host: ShelfHost) {}

  /** The link fields pins are read and described with. */
  get fields(): ConfigSchema {
    return this.host.fields;
  }

  get full(): boolean {
    return this.pins.length >= MAX_PINS;
  }

  /** Keeps a run: its state and its columns as they are now. */
  pin(state: Config, columns: Columns): void {
    if (this.full) return;
    this.pins.push(new PinnedRun({ ...state }, defaultLabel(this.host.fields, state, this.host.defaults), columns));
  }

  /** A pin of settings without columns yet: the trace's when they match it, else trained on request. */
  pinSettings(state: Config, label?: string): PinnedRun | null {
    if (this.full) return null;
    const run = new PinnedRun({ ...state }, label ?? defaultLabel(this.host.fields, state, this.host.defaults), this.host.precomputed(state) ?? {});
    this.pins.push(run);
    return this.pins.at(-1)!;
  }

  relabel(index: number, text: string): void {
    const pin = this.pins[index];
    if (pin) pin.label = cleanLabel(text) || defaultLabel(this.host.fields, pin.state, this.host.defaults);
  }

  remove(index: number): void {
    const [pin] = this.pins.splice(index, 1);
    pin?.runner?.dispose();
  }

  /** Trains a pin that has no columns (one read from a link), in a worker of its own, ended when it finishes. */
  train(pin: PinnedRun): void {
    if (pin.ready || pin.runner) return;
    const runner = new RunController(this.host.experiment, this.host.arms, this.host.createClient);
    pin.runner = runner;
    const { seed, ...config } = pin.state;
    runner.play({ config, seed: seed as number, steps: config.steps as number });
  }

  /** Moves a finished runner's columns into its pin and ends its worker. */
  settle(pin: PinnedRun): void {
    const runner = pin.runner;
    if (!runner || runner.active || runner.phase === 'idle') return;
    if (runner.phase === 'finished' || runner.phase === 'diverged') pin.columns = runner.columns;
    runner.dispose();
    pin.runner = null;
  }

  /** The columns each ready pin shows now (a training pin shows its rows so far), with its letter and settings. */
  get shown(): { letter: string; columns: Columns; state: Config }[] {
    return this.pins.flatMap((pin, i) => {
      const columns = pin.ready ? pin.columns : pin.runner?.columns;
      return columns && Object.keys(columns).length > 0 ? [{ letter: pinLetter(i), columns, state: pin.state }] : [];
    });
  }

  /** The link parameters: one per pin. */
  params(): string[] {
    return this.pins.map((pin) => encodePin(this.host.fields, { state: pin.state, label: pin.label }, this.host.defaults));
  }

  /** Replaces the shelf with a link's pins; returns what it could not read. */
  read(texts: readonly string[]): Ignored[] {
    const { pins, ignored } = decodePins(this.host.fields, texts, this.host.defaults);
    for (const pin of this.pins.splice(0)) pin.runner?.dispose();
    for (const pin of pins) this.pinSettings(pin.state, pin.label);
    return ignored;
  }

  /** Each ready pin's numbers (for the exports), with its letter, label, seed and settings. */
  tables(): PinnedTable[] {
    return this.pins.flatMap((pin, i) => (pin.ready ? [{ letter: pinLetter(i), label: pin.label, state: pin.state, table: columnsTable(pin.columns) }] : []));
  }

  /** Pauses the pins training now, as the live run pauses while its figure is out of sight. */
  sleep(): void {
    for (const pin of this.pins) pin.runner?.sleep();
  }

  /** Resumes what `sleep` paused. */
  wake(): void {
    for (const pin of this.pins) pin.runner?.wake();
  }

  /** Ends every training pin's worker; such a pin can be trained again (from its start). */
  dispose(): void {
    for (const pin of this.pins) {
      pin.runner?.dispose();
      pin.runner = null;
    }
  }
}
