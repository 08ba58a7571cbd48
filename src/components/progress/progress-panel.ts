/**
 * The sidebar's progress panel on the page: records this chapter as visited, listens for the
 * widgets' and self-checks' `course:progress` events, and shows the counts and a check mark beside
 * each visited chapter. Other tabs' changes arrive through the `storage` event.
 */
import { PROGRESS_EVENT, PROGRESS_KEY, emptyProgress, formatTally, progressCounts, recordEvent, recordVisit, type CourseItems, type Progress } from '../../site/progress';
import { NOTICE_BLOCKED, clearProgress, readProgress, writeProgress } from './progress-store';

export function mountProgress(panel: HTMLElement): void {
  const course = JSON.parse(panel.dataset.course ?? '{}') as CourseItems;
  const notice = panel.querySelector<HTMLElement>('.progress-notice')!;
  const say = (text: string | null) => {
    notice.textContent = text ?? '';
    notice.hidden = !text;
  };

  const render = (progress: Progress) => {
    const counts = progressCounts(progress, course);
    for (const [name, tally] of Object.entries(counts)) {
      const cell = panel.querySelector(`[data-count="${name}"]`);
      if (cell) cell.textContent = formatTally(tally);
    }
    for (const mark of document.querySelectorAll<HTMLElement>('[data-visited-mark]')) {
      mark.hidden = !progress.visited.includes(mark.dataset.visitedMark!);
    }
  };

  /** Set once storage proved unusable: from then on this page's progress lives here only. */
  let memory: Progress | null = null;
  /** Applies `change` to the stored record, read afresh (another tab may have added to it), and shows it. */
  const apply = (change: (p: Progress) => Progress) => {
    if (memory === null) {
      const read = readProgress();
      if (read.notice) say(read.notice);
      if (read.notice !== NOTICE_BLOCKED) {
        const next = change(read.progress);
        if (next !== read.progress && !writeProgress(next)) {
          say(NOTICE_BLOCKED);
          memory = next;
        }
        return render(next);
      }
      memory = read.progress;
    }
    memory = change(memory);
    render(memory);
  };

  const current = panel.dataset.current;
  if (current) apply((p) => recordVisit(p, current));
  window.addEventListener(PROGRESS_EVENT, (event) => apply((p) => recordEvent(p, (event as CustomEvent).detail)));
  window.addEventListener('storage', (event) => {
    if (event.key === PROGRESS_KEY || event.key === null) apply((p) => p);
  });

  panel.querySelector('.progress-clear')!.addEventListener('click', () => {
    if (!confirm('Clear your progress in this course (chapters visited, widgets run, self-checks passed)?')) return;
    clearProgress();
    if (memory !== null) memory = emptyProgress();
    render(emptyProgress());
    say('Progress cleared.');
  });
}
