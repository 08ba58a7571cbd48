/**
 * Which key presses move focus to the site search: "/" anywhere the reader is not typing, and
 * Ctrl+K / ⌘K everywhere (the convention of documentation sites). Pure, so it is unit-tested apart
 * from the page.
 */
export interface ShortcutKey {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/** `typing`: focus is in a text field, a select or an editable element, where "/" is a character. */
export function isSearchShortcut(event: ShortcutKey, typing: boolean): boolean {
  if (event.altKey) return false;
  if (event.key.toLowerCase() === 'k') return event.ctrlKey !== event.metaKey;
  return event.key === '/' && !event.ctrlKey && !event.metaKey && !typing;
}

/** Whether an element takes typed text (so "/" must reach it). Buttons, sliders and checkboxes do not. */
export function takesText(element: { tagName: string; isContentEditable?: boolean; type?: string } | null): boolean {
  if (!element) return false;
  if (element.isContentEditable) return true;
  const tag = element.tagName.toLowerCase();
  if (tag === 'textarea' || tag === 'select') return true;
  if (tag !== 'input') return false;
  return !['button', 'checkbox', 'radio', 'range', 'submit', 'reset', 'color', 'file', 'image'].includes(element.type ?? 'text');
}
