/**
 * What a figure hands its frame so the frame can put its state in links, read it back from the URL,
 * and export its numbers, the same way for every widget.
 */
import type { Config, ConfigSchema } from '../../lab/types';
import type { PinnedTable, Table } from './export-data';
import type { Ignored } from './url-state';

export interface ShareSpec {
  /** The widget's slug (src/widgets/catalog.ts). */
  slug: string;
  /** The fields a link carries: the widget's settings and its seed. */
  fields: ConfigSchema;
  /** The current value of every field. */
  state(): Config;
  /** Sets every field at once (values already valid for their fields). */
  apply(state: Config): void;
  /** The numbers the figure shows now. */
  table(): Table;
  /**
   * Settings valid one by one can still clash (a layer the chosen network does not have): brings a
   * state read from a link into agreement, in place, and names what it changed.
   */
  reconcile?(state: Config): Ignored[];
  /** A live figure's pinned runs (run-shelf.svelte.ts): into links and exports, and back from a link. */
  pins?: {
    params(): string[];
    /** Replaces the pinned runs with a link's; names what it could not read. */
    read(texts: readonly string[]): Ignored[];
    tables(): PinnedTable[];
  };
}
