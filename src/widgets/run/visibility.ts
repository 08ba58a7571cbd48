/**
 * Training pauses while its figure is out of view or the tab is hidden, and ends when the page goes
 * away (Distill's onscreen/offscreen idea): a widget never burns a laptop in the background.
 */
export interface VisibilityHandlers {
  /** The figure left the viewport or the tab was hidden. */
  hidden: () => void;
  /** The figure is in the viewport of a visible tab again. */
  visible: () => void;
  /** The page is being left (pagehide). */
  leave: () => void;
}

/** Starts watching `element`; returns the function that stops. */
export function watchVisibility(element: Element, handlers: VisibilityHandlers): () => void {
  let inView = true;
  const update = () => (inView && document.visibilityState === 'visible' ? handlers.visible() : handlers.hidden());
  const observer = new IntersectionObserver((entries) => {
    inView = entries.at(-1)?.isIntersecting ?? inView;
    update();
  });
  observer.observe(element);
  document.addEventListener('visibilitychange', update);
  addEventListener('pagehide', handlers.leave);
  return () => {
    observer.disconnect();
    document.removeEventListener('visibilitychange', update);
    removeEventListener('pagehide', handlers.leave);
  };
}
