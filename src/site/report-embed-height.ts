/**
 * Runs on every embed page: when the page is framed, tells the host page how tall the document is,
 * at load and whenever it changes (a figure hydrating, a chart appearing, a notice), so the host's
 * snippet can size the frame to fit (message shape: src/site/embed-snippet.ts).
 */
import { EMBED_HEIGHT_MESSAGE, type EmbedHeightMessage } from './embed-snippet';

export function reportHeight(slug: string): void {
  if (window.parent === window) return;
  let last = -1;
  const post = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    const message: EmbedHeightMessage = { type: EMBED_HEIGHT_MESSAGE, slug, height };
    window.parent.postMessage(message, '*');
  };
  new ResizeObserver(post).observe(document.body);
  post();
}
