/**
 * The course's progress event for widgets (contract: /tmp/brief/contracts.md): a reader started a run
 * of a live figure, or first used a figure that computes on the page. The progress module listens
 * on window and stores it; widgets import nothing of it.
 */
export function reportWidgetRun(slug: string): void {
  window.dispatchEvent(new CustomEvent('course:progress', { detail: { kind: 'widget-run', id: slug } }));
}
