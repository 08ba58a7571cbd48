/**
 * One crosshair for all the step charts of a figure: the step under the pointer (or chosen with the
 * keyboard, or a finger) is shared, every panel marks it, and the figure reads all panels' values at it
 * in one place and one polite live region, instead of a hint, a legend and a read-out under every panel.
 * A chart outside a figure (no context) keeps its own.
 */
import { getContext, setContext } from 'svelte';
import { SvelteMap } from 'svelte/reactivity';

export interface PanelReading {
  title: string;
  /** The panel's values at a step, in words. */
  read: (step: number) => string;
  /** Arms the panel draws (for the figure's one legend) and the step each diverged at. */
  arms: readonly string[];
  diverged: Readonly<Record<string, number>>;
}

export class FigureCrosshair {
  step: number | null = $state(null);
  /** The arm the legend highlights in every panel (the others fade), or null. */
  highlight: string | null = $state(null);
  readonly panels = new SvelteMap<string, PanelReading>();
  /** The legend's arms as last shown while some panel drew any (not state: read only by `legend`). */
  #shownArms: string[] = [];

  /** Adds a panel; the returned function removes it (an effect's cleanup). */
  register(id: string, reading: PanelReading): () => void {
    this.panels.set(id, reading);
    return () => this.panels.delete(id);
  }

  /**
   * Every arm some panel draws, in first-drawn order, and the step each diverged at. When no panel draws
   * any (Play clears the charts until the run's first point) the arms last shown stay: the legend emptied
   * at Play and filled again at the first point, and each time everything below it moved, a layout of the
   * whole page in the swap's longest task (traced on a desktop, 2026-12-04).
   */
  get legend(): { arms: string[]; diverged: Record<string, number> } {
    const arms: string[] = [];
    const diverged: Record<string, number> = {};
    for (const panel of this.panels.values()) {
      for (const arm of panel.arms) if (!arms.includes(arm)) arms.push(arm);
      Object.assign(diverged, panel.diverged);
    }
    if (arms.length > 0) this.#shownArms = arms;
    return { arms: this.#shownArms, diverged };
  }

  /** Each panel's values at the shared step ([] when none is chosen). */
  get readings(): { title: string; text: string }[] {
    const step = this.step;
    if (step === null) return [];
    return [...this.panels.values()].flatMap((p) => {
      const text = p.read(step);
      return text ? [{ title: p.title, text }] : [];
    });
  }
}

const KEY = Symbol('figure-crosshair');

export function provideCrosshair(): FigureCrosshair {
  return setContext(KEY, new FigureCrosshair());
}

export function figureCrosshair(): FigureCrosshair | undefined {
  return getContext<FigureCrosshair | undefined>(KEY);
}
