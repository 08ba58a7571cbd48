/**
 * The reader's progress, kept in this browser only (localStorage, never sent anywhere): chapters
 * visited, widgets run and self-check questions answered correctly. Pure: parsing, recording and
 * counting here; the sidebar's script (src/components/progress/) reads and writes the storage.
 *
 * Widgets and self-checks report through one window event (the contract between their authors and
 * this module): `course:progress` with detail { kind: 'widget-run', id: <widget slug> } or
 * { kind: 'self-check', id: '<chapter-id>#<n>' }.
 */
export const PROGRESS_KEY = 'bn-course:progress:v1';
export const PROGRESS_EVENT = 'course:progress';

export interface Progress {
  /** Chapter ids, in the order first visited. */
  visited: string[];
  /** Widget slugs run at least once. */
  widgets: string[];
  /** Self-check question ids answered correctly at least once. */
  checks: string[];
}

export const emptyProgress = (): Progress => ({ visited: [], widgets: [], checks: [] });

export interface Loaded {
  progress: Progress;
  /** The stored value existed but could not be read, so progress starts again from nothing. */
  reset: boolean;
}

const ID = /^[\w.-]+(#\d+)?$/;
const isIdList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string' && ID.test(x));

/** The stored JSON (null when nothing is stored) as progress; anything malformed resets, never throws. */
export function parseProgress(raw: string | null): Loaded {
  if (raw === null) return { progress: emptyProgress(), reset: false };
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value === 'object' && value !== null) {
      const { visited, widgets, checks } = value as Record<string, unknown>;
      if (isIdList(visited) && isIdList(widgets) && isIdList(checks)) {
        return { progress: { visited: [...new Set(visited)], widgets: [...new Set(widgets)], checks: [...new Set(checks)] }, reset: false };
      }
    }
  } catch {
    // Not JSON: reset below.
  }
  return { progress: emptyProgress(), reset: true };
}

export function serializeProgress(progress: Progress): string {
  return JSON.stringify(progress);
}

const adding = (list: readonly string[], id: string) => (list.includes(id) ? null : [...list, id]);

/** Progress with `chapterId` visited; the same object when it already was (nothing to store). */
export function recordVisit(progress: Progress, chapterId: string): Progress {
  const visited = ID.test(chapterId) ? adding(progress.visited, chapterId) : null;
  return visited ? { ...progress, visited } : progress;
}

/**
 * Progress with one `course:progress` event's detail recorded; the same object when the detail is
 * malformed (another script's event, a typo) or already recorded.
 */
export function recordEvent(progress: Progress, detail: unknown): Progress {
  if (typeof detail !== 'object' || detail === null) return progress;
  const { kind, id } = detail as Record<string, unknown>;
  if (typeof id !== 'string' || !ID.test(id)) return progress;
  if (kind === 'widget-run') {
    const widgets = adding(progress.widgets, id);
    return widgets ? { ...progress, widgets } : progress;
  }
  if (kind === 'self-check' && id.includes('#')) {
    const checks = adding(progress.checks, id);
    return checks ? { ...progress, checks } : progress;
  }
  return progress;
}

/** What the course holds, to count progress against. */
export interface CourseItems {
  chapters: readonly string[];
  widgets: readonly string[];
  /** Self-check question ids ('<chapter-id>#<n>'); empty while their count is unknown. */
  checks: readonly string[];
}

export interface Tally {
  done: number;
  /** null: the course's total is unknown, so only `done` is shown. */
  total: number | null;
}

export interface ProgressCounts {
  chapters: Tally;
  widgets: Tally;
  checks: Tally;
}

/** Only ids the course still has count, so a renamed widget or a removed question never shows 10/9. */
function tally(done: readonly string[], all: readonly string[]): Tally {
  if (all.length === 0) return { done: done.length, total: null };
  return { done: done.filter((id) => all.includes(id)).length, total: all.length };
}

export function progressCounts(progress: Progress, course: CourseItems): ProgressCounts {
  return {
    chapters: tally(progress.visited, course.chapters),
    widgets: tally(progress.widgets, course.widgets),
    checks: tally(progress.checks, course.checks),
  };
}

/** "3/9", or "3" when the total is unknown. */
export const formatTally = ({ done, total }: Tally): string => (total === null ? `${done}` : `${done}/${total}`);

/**
 * The self-check question ids of a chapter, from its MDX source: the self-check component numbers
 * its questions 1…n in page order (src/components/SelfCheck.astro), one per SelfCheckQuestion
 * element, under whatever name the chapter imports it as (`import Question from '…/SelfCheckQuestion.astro'`).
 */
export function selfCheckIds(chapterId: string, source: string): string[] {
  const alias = /import\s+(\w+)\s+from\s+['"][^'"]*\/SelfCheckQuestion\.astro['"]/.exec(source)?.[1] ?? 'SelfCheckQuestion';
  const count = source.match(new RegExp(`<${alias}(?=[\\s>/])`, 'g'))?.length ?? 0;
  return Array.from({ length: count }, (_, i) => `${chapterId}#${i + 1}`);
}
