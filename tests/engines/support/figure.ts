/**
 * A widget on a page, as the engine tests handle it through any engine session: its controls found by
 * their labels (the accessible names the Chromium tests use), its state in words, and its data read
 * back from the JSON export. Every function handed to the page is self-contained: it runs there.
 */
import type { ElementRef, EngineSession } from './engine';

export type ControlKind = 'button' | 'textbox' | 'slider' | 'summary';

/** A cold worker loads tfjs, the .wasm and the digits first; WebKit on a busy 2-core machine is slow at it. */
export const LIVE_TIMEOUT_MS = 90_000;

/** The control of widget `slug` with accessible name `name` (a button's text without its icon, an input's label). */
export async function control(session: EngineSession, slug: string, kind: ControlKind, name: string): Promise<ElementRef> {
  const found = await session.element(
    (slug: string, kind: ControlKind, name: string) => {
      const figure = document.querySelector(`[data-widget="${slug}"]`);
      if (!figure) return null;
      const words = (el: Element) => {
        const copy = el.cloneNode(true) as Element;
        copy.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
        return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
      };
      const labelled = (input: HTMLInputElement) => input.getAttribute('aria-label') ?? (input.labels?.[0] ? words(input.labels[0]) : '');
      const inputs = [...figure.querySelectorAll('input')];
      if (kind === 'button') return [...figure.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? words(b)) === name);
      if (kind === 'summary') return [...figure.querySelectorAll('summary')].find((s) => words(s) === name);
      if (kind === 'slider') return inputs.find((i) => i.type === 'range' && labelled(i) === name);
      return inputs.find((i) => i.type === 'text' && labelled(i) === name);
    },
    slug,
    kind,
    name,
  );
  if (!found) throw new Error(`${session.name}: no ${kind} “${name}” in the ${slug} figure`);
  return found;
}

/** The figure's run state in words (its status line), e.g. "Finished at step 20.". */
export const statusOf = (session: EngineSession, slug: string): Promise<string> =>
  session.evaluate((slug: string) => document.querySelector(`[data-widget="${slug}"] [role="status"]`)?.textContent?.trim() ?? '', slug);

/** "Step k of N · wasm backend" (the line's text and its data-backend), or '' before a run. */
export const progressOf = (session: EngineSession, slug: string): Promise<string> =>
  session.evaluate((slug: string) => {
    const line = document.querySelector<HTMLElement>(`[data-widget="${slug}"] .progress`);
    if (!line) return '';
    const text = line.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    return line.dataset.backend ? `${text} · ${line.dataset.backend} backend` : text;
  }, slug);

/** The figure's notices (a fallback to the cpu backend, settings a link could not apply, …). */
export const noticesOf = (session: EngineSession, slug: string): Promise<string[]> =>
  session.evaluate((slug: string) => [...document.querySelectorAll(`[data-widget="${slug}"] .notice`)].map((n) => n.textContent?.trim() ?? ''), slug);

/**
 * Polls `read` (every 100 ms, like expect.poll, which the reference runs outside a test cannot use)
 * until `done` holds for its value; throws with the last value after `timeout` ms.
 */
export async function until<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, timeout = 30_000): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > end) throw new Error(`waited ${timeout} ms for ${what}; last seen: ${JSON.stringify(value)}`);
    await new Promise((next) => setTimeout(next, 100));
  }
}

export const waitForStatus = (session: EngineSession, slug: string, pattern: RegExp, timeout = LIVE_TIMEOUT_MS): Promise<string> =>
  until(`${session.name}: ${slug} status ${pattern}`, () => statusOf(session, slug), (text) => pattern.test(text), timeout);

/** Scrolls the figure into view and waits until it has hydrated (its share bar is there). */
export async function waitForFigure(session: EngineSession, slug: string): Promise<void> {
  await session.evaluate((slug: string) => document.querySelector(`[data-widget="${slug}"]`)?.scrollIntoView({ block: 'center', behavior: 'instant' }), slug);
  await until(
    `${session.name}: ${slug} hydrated`,
    () => session.evaluate((slug: string) => [...document.querySelectorAll(`[data-widget="${slug}"] button`)].some((b) => b.textContent?.trim() === 'Copy link'), slug),
    (hydrated) => hydrated,
  );
}

/** Focuses an element (as Tab would), so the next key presses go to it. */
export const focus = (session: EngineSession, element: ElementRef): Promise<void> => session.evaluate((el: HTMLElement) => el.focus(), element as unknown as HTMLElement);

/** Types a value into a text box, replacing what it holds, and commits it with Enter. */
export async function typeInto(session: EngineSession, element: ElementRef, text: string): Promise<void> {
  await session.evaluate(
    (el: HTMLInputElement) => {
      el.focus();
      el.select();
    },
    element as unknown as HTMLInputElement,
  );
  await session.type(text);
  await session.press('Enter');
}

export const valueOf = (session: EngineSession, element: ElementRef): Promise<string> =>
  session.evaluate((el: HTMLInputElement) => el.value, element as unknown as HTMLInputElement);

export interface ExportedData {
  widget: string;
  seed: number | null;
  config: Record<string, unknown>;
  columns: string[];
  rows: (number | string | null)[][];
}

/** The figure's data as its JSON export: the download's Blob, read back through the probe. */
export async function exportedJson(session: EngineSession, slug: string): Promise<ExportedData> {
  const open = await session.evaluate((slug: string) => (document.querySelector(`[data-widget="${slug}"] .share-bar details`) as HTMLDetailsElement | null)?.open ?? false, slug);
  if (!open) await session.click(await control(session, slug, 'summary', 'Export data and charts'));
  const before = await session.evaluate(() => (window as unknown as { __engineProbe: { blobs: Blob[] } }).__engineProbe.blobs.length);
  await session.click(await control(session, slug, 'button', 'JSON'));
  await until(
    `${session.name}: ${slug} JSON export`,
    () => session.evaluate(() => (window as unknown as { __engineProbe: { blobs: Blob[] } }).__engineProbe.blobs.length),
    (count) => count > before,
  );
  const text = await session.evaluate(async () => {
    const blobs = (window as unknown as { __engineProbe: { blobs: Blob[] } }).__engineProbe.blobs;
    return blobs[blobs.length - 1]!.text();
  });
  return JSON.parse(text) as ExportedData;
}

/** What the page recorded (./probe.js): its errors, and the texts it wrote to the clipboard. */
export const probeOf = (session: EngineSession): Promise<{ errors: string[]; clipboard: string[] }> =>
  session.evaluate(() => {
    const probe = (window as unknown as { __engineProbe?: { errors: string[]; clipboard: string[] } }).__engineProbe;
    return probe ? { errors: [...probe.errors], clipboard: [...probe.clipboard] } : { errors: ['the page has no engine probe'], clipboard: [] };
  });
