/**
 * One browser engine, driven the same way whatever speaks to it: Chromium over playwright-core (CDP;
 * the reference runs), Firefox over WebDriver BiDi (puppeteer-core), WebKit over classic WebDriver
 * (WebKitWebDriver driving MiniBrowser). One window per engine session, navigated from page to page.
 */
export type EngineName = 'chromium' | 'firefox' | 'webkit';

/** An element of the current page, as the driver refers to it; pass it back to this session only. */
export type ElementRef = { readonly __element: unique symbol };

/** Keys the tests press, by their DOM `key` names. */
export type Key = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown' | 'Enter' | 'Space' | 'Home' | 'End' | 'Tab' | 'Escape' | 'Backspace';

/** A function run in the page: plain JavaScript of its own (no closure), arguments and result JSON or elements. */
export type PageFunction<A extends unknown[], R> = (...args: A) => R | Promise<R>;

export interface EngineSession {
  name: EngineName;
  /** The engine's own name and version, as its driver reports it. */
  version: string;
  goto(url: string): Promise<void>;
  /** The page's current URL. */
  url(): Promise<string>;
  evaluate<A extends unknown[], R>(fn: PageFunction<A, R>, ...args: A): Promise<R>;
  /** The element `fn` returns, or null. */
  element<A extends unknown[]>(fn: PageFunction<A, Element | null | undefined>, ...args: A): Promise<ElementRef | null>;
  /** A real pointer click (the driver scrolls the element into view first). */
  click(element: ElementRef): Promise<void>;
  /** Presses keys, one after another, on whatever has the focus. */
  press(...keys: Key[]): Promise<void>;
  /** Types text, key by key, into whatever has the focus. */
  type(text: string): Promise<void>;
  /** Console errors, uncaught errors and failed requests the driver itself heard (WebKit's hears none). */
  driverErrors(): string[];
  close(): Promise<void>;
}

export const VIEWPORT = { width: 1280, height: 800 };

/**
 * `fn`'s source as an expression, for the drivers to hand to the page. Under tsx (the bench), esbuild
 * wraps named inner functions in `__name(…)`, which pages lack: a local stand-in comes first.
 */
export const callSource = (fn: PageFunction<unknown[], unknown>): string => `((__name) => (${fn.toString()}))((f) => f)`;

/** `fn` as a function of its arguments, built here from callSource (for drivers that take a function). */
export const pageFunction = (fn: PageFunction<unknown[], unknown>): ((...args: unknown[]) => unknown) =>
  new Function('...args', `return ${callSource(fn)}(...args)`) as (...args: unknown[]) => unknown;

/**
 * Scrolls an element to the middle of the viewport at once. The site scrolls smoothly (unless the
 * reader prefers reduced motion), and Firefox's and WebKit's drivers take the element's position, or
 * judge it out of view, while their own scroll into view is still animating: every click scrolls
 * this way first.
 */
export const scrollIntoViewAtOnce = (el: Element): void => el.scrollIntoView({ block: 'center', behavior: 'instant' });
