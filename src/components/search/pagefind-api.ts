/**
 * The part of Pagefind's browser API the search box uses (pagefind.js, written by the `pagefind` CLI
 * next to the index at build time). It is fetched only when the reader first focuses the search box,
 * so no chapter pays for it before.
 */
export interface PagefindResultData {
  /** Site-root-relative URL, already prefixed with the `baseUrl` option. */
  url: string;
  /** Text with the matched words wrapped in <mark>; other text HTML-escaped. */
  excerpt: string;
  meta: { title?: string };
}

export interface PagefindSearch {
  results: { id: string; data: () => Promise<PagefindResultData> }[];
}

export interface Pagefind {
  options(options: { baseUrl?: string; excerptLength?: number }): Promise<void>;
  init(): Promise<void>;
  /** Resolves to null when a newer call superseded this one within the debounce window. */
  debouncedSearch(term: string, options?: object, debounceMs?: number): Promise<PagefindSearch | null>;
}

/** Loads and initialises the bundle under `base` ("/bn-course/"), once per page. */
let loading: Promise<Pagefind> | undefined;
export function loadPagefind(base: string): Promise<Pagefind> {
  loading ??= (async () => {
    // A runtime URL: the bundle exists only after the build has been indexed, so Vite must not resolve it.
    const pagefind = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
    await pagefind.options({ baseUrl: base, excerptLength: 24 });
    await pagefind.init();
    return pagefind;
  })();
  // A failed load (index not built, offline) may succeed on the next focus.
  loading.catch(() => (loading = undefined));
  return loading;
}
