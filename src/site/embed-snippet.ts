/**
 * The iframe snippet an instructor pastes into a learning platform or a slide deck, and the message an
 * embed page sends its host so the frame fits the figure. Pure strings, shared by the instructors page
 * (at build, and again in the browser when the build did not know the site's address) and the tests.
 */

/** `type` of the message an embed page posts to its parent window whenever its height changes. */
export const EMBED_HEIGHT_MESSAGE = 'bn-course:embed-height';

/**
 * What an embed page posts to `window.parent` (target origin `*`: the page carries nothing private, and
 * it cannot know who frames it): the catalog slug and the document's height in CSS pixels.
 */
export interface EmbedHeightMessage {
  type: typeof EMBED_HEIGHT_MESSAGE;
  slug: string;
  height: number;
}

/**
 * The frame's height where the host strips scripts (many learning platforms do): tall enough that a
 * figure on a desktop-width page does not scroll inside its frame (tests/browser/embed-anywhere.test.ts
 * checks every figure against it), with room for a figure to grow; a live figure has run controls and
 * several charts, one that computes on the page fewer.
 */
export const FALLBACK_HEIGHT = { live: 2400, onPage: 1700 } as const;

export interface SnippetInput {
  /** The embed page's address; absolute wherever it can be (the snippet lands on another site). */
  src: string;
  title: string;
  live: boolean;
}

/**
 * The iframe plus a few lines of script: it listens for the embed page's height message, accepts it
 * only from the embed's own origin and only for a frame whose window sent it, and sets that frame's
 * height. A relative `src` (no origin known) gets the script without an origin check.
 */
export function embedSnippet({ src, title, live }: SnippetInput): string {
  const origin = /^https?:\/\//.test(src) ? new URL(src).origin : null;
  const check = origin ? `e.origin !== '${origin}' || ` : '';
  return [
    `<iframe src="${src}" title="${title} (interactive figure, Why BatchNorm Works)" width="100%" height="${live ? FALLBACK_HEIGHT.live : FALLBACK_HEIGHT.onPage}" loading="lazy" style="border: 0"></iframe>`,
    '<script>',
    'addEventListener("message", function (e) {',
    `  if (${check}!e.data || e.data.type !== "${EMBED_HEIGHT_MESSAGE}") return;`,
    '  document.querySelectorAll("iframe").forEach(function (f) {',
    '    if (f.contentWindow === e.source) f.style.height = e.data.height + "px";',
    '  });',
    '});',
    '</script>',
  ].join('\n');
}
