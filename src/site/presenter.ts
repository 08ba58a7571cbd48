/**
 * The presenter view of an embed page (`?present`): big type for a projector, and keyboard shortcuts
 * that press the figure's own buttons (found by their accessible names), so the figure behaves exactly
 * as with a mouse: Space plays or pauses, R resets, N draws a new seed (batch, draw or network), →
 * takes one step. Keys typed into a field, or pressed on a focused button or slider, keep their usual
 * meaning.
 */

/** Shortcut key → the names of the buttons it presses, first found wins. */
export const SHORTCUTS: Readonly<Record<string, readonly string[]>> = {
  ' ': ['Play', 'Pause'],
  r: ['Reset'],
  n: ['New seed', 'New batch', 'New draw', 'New network'],
  ArrowRight: ['Step'],
};

const buttonName = (b: HTMLButtonElement) => (b.getAttribute('aria-label') ?? b.textContent ?? '').replace(/[▶❚]/g, '').trim();

function press(root: HTMLElement, names: readonly string[]): boolean {
  const buttons = [...root.querySelectorAll<HTMLButtonElement>('button')];
  for (const name of names) {
    const button = buttons.find((b) => buttonName(b) === name && !b.disabled);
    if (button) {
      button.click();
      return true;
    }
  }
  return false;
}

/** True where a key belongs to what has focus: text fields, sliders, buttons, links, summaries. */
function ownsKeys(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest('input, textarea, select, button, a, summary, [role="slider"], [contenteditable]') !== null;
}

export function startPresenter(root: HTMLElement): void {
  document.documentElement.dataset.present = '';
  document.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || ownsKeys(event.target)) return;
    const names = SHORTCUTS[event.key.length === 1 ? event.key.toLowerCase() : event.key];
    if (names && press(root, names)) event.preventDefault();
  });
}
