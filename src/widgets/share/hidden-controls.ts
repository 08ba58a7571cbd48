/**
 * Controls an embed hides (`?hide=lr,seed`), handed from the figure's frame to every control inside it
 * through Svelte context, so each control checks its own key and no widget lists its controls twice.
 */
import { getContext, setContext } from 'svelte';

const KEY = Symbol('hidden-controls');
const NONE: ReadonlySet<string> = new Set();

export function provideHiddenControls(hidden: ReadonlySet<string>): void {
  setContext(KEY, hidden);
}

/** The keys of the controls to leave out (settings' keys, `seed`, `share`); empty outside an embed. */
export function hiddenControls(): ReadonlySet<string> {
  return getContext<ReadonlySet<string> | undefined>(KEY) ?? NONE;
}
