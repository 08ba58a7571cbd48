/**
 * The progress record in localStorage, guarded: storage that is blocked (private modes, disabled
 * site data) or full never breaks the page; progress then lasts for this page only and the reader
 * is told once.
 */
import { PROGRESS_KEY, emptyProgress, parseProgress, serializeProgress, type Progress } from '../../site/progress';

export interface StoreRead {
  progress: Progress;
  /** A sentence for the reader when something went wrong, else null. */
  notice: string | null;
}

export const NOTICE_RESET = 'Your saved progress could not be read, so it starts again from here.';
export const NOTICE_BLOCKED = 'This browser does not let the site store data, so progress is kept for this page only.';

export function readProgress(): StoreRead {
  let raw: string | null;
  try {
    raw = localStorage.getItem(PROGRESS_KEY);
  } catch {
    return { progress: emptyProgress(), notice: NOTICE_BLOCKED };
  }
  const { progress, reset } = parseProgress(raw);
  if (reset) writeProgress(progress);
  return { progress, notice: reset ? NOTICE_RESET : null };
}

/** False when the browser refused to store it. */
export function writeProgress(progress: Progress): boolean {
  try {
    localStorage.setItem(PROGRESS_KEY, serializeProgress(progress));
    return true;
  } catch {
    return false;
  }
}

export function clearProgress(): void {
  try {
    localStorage.removeItem(PROGRESS_KEY);
  } catch {
    /* nothing stored to clear */
  }
}
