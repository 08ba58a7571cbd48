/**
 * The embed snippet (src/site/embed-snippet.ts): an iframe at the fallback height, and a script that
 * resizes only the frame that sent the height message, only from the embed's origin.
 */
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { EMBED_HEIGHT_MESSAGE, embedSnippet, FALLBACK_HEIGHT } from '../../../src/site/embed-snippet';

const SRC = 'https://course.example/bn/embed/noise-injection/';

/** Runs the snippet's script with two frames on the page; returns what a message does to their heights. */
function deliver(snippet: string, message: { origin: string; data: unknown; from: 0 | 1 }): string[] {
  const script = /<script>([\s\S]*)<\/script>/.exec(snippet)![1]!;
  const frames = [0, 1].map(() => ({ contentWindow: {}, style: { height: '' } }));
  let listener: ((e: unknown) => void) | undefined;
  runInNewContext(script, {
    addEventListener: (type: string, fn: (e: unknown) => void) => type === 'message' && (listener = fn),
    document: { querySelectorAll: () => frames },
  });
  listener!({ origin: message.origin, data: message.data, source: frames[message.from]!.contentWindow });
  return frames.map((f) => f.style.height);
}

describe('embed snippet', () => {
  const snippet = embedSnippet({ src: SRC, title: 'Noisy BatchNorm, live', live: true });
  const data = { type: EMBED_HEIGHT_MESSAGE, slug: 'noise-injection', height: 1234 };

  it('is an iframe of the absolute address at the fallback height, with a title', () => {
    expect(snippet).toContain(`<iframe src="${SRC}" title="Noisy BatchNorm, live (interactive figure, Why BatchNorm Works)" width="100%" height="${FALLBACK_HEIGHT.live}"`);
    expect(embedSnippet({ src: SRC, title: 'x', live: false })).toContain(`height="${FALLBACK_HEIGHT.onPage}"`);
  });

  it('resizes the frame that sent the message, from the embed’s origin only', () => {
    expect(deliver(snippet, { origin: 'https://course.example', data, from: 1 })).toEqual(['', '1234px']);
    expect(deliver(snippet, { origin: 'https://evil.example', data, from: 1 })).toEqual(['', '']);
    expect(deliver(snippet, { origin: 'https://course.example', data: { type: 'other', height: 5 }, from: 0 })).toEqual(['', '']);
  });
});
