/**
 * The header's search box, on the page: Pagefind's bundle loads on first focus, each query lists
 * up to MAX_RESULTS pages (title and excerpt with the matched words marked), the count is announced
 * to screen readers, ↓/↑ walk the results and Escape closes them. Results are built as DOM nodes,
 * never as HTML strings or inline styles, so the site's Content-Security-Policy needs nothing extra.
 */
import { loadPagefind, type Pagefind, type PagefindResultData } from './pagefind-api';
import { isSearchShortcut, takesText } from './shortcut';

const MAX_RESULTS = 8;
const DEBOUNCE_MS = 150;

/** The excerpt's text with Pagefind's <mark>s kept as <mark> elements and everything else as plain text. */
function excerptNodes(excerpt: string): Node[] {
  const body = new DOMParser().parseFromString(excerpt, 'text/html').body;
  return [...body.childNodes].map((node) => {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      return mark;
    }
    return document.createTextNode(node.textContent ?? '');
  });
}

function resultItem(data: PagefindResultData): HTMLLIElement {
  const item = document.createElement('li');
  const link = document.createElement('a');
  link.href = data.url;
  const title = document.createElement('span');
  title.className = 'result-title';
  title.textContent = data.meta.title ?? data.url;
  const excerpt = document.createElement('span');
  excerpt.className = 'result-excerpt';
  excerpt.append(...excerptNodes(data.excerpt));
  link.append(title, excerpt);
  item.append(link);
  return item;
}

export function mountSearch(root: HTMLElement, base: string): void {
  const input = root.querySelector<HTMLInputElement>('input[type="search"]')!;
  const list = root.querySelector<HTMLOListElement>('.search-results')!;
  const status = root.querySelector<HTMLElement>('.search-status')!;

  let pagefind: Pagefind | undefined;
  /** Increases with every query, so a slow earlier answer never overwrites a later one. */
  let query = 0;

  const links = () => [...list.querySelectorAll<HTMLAnchorElement>('a')];
  const close = () => (list.hidden = true);
  const show = (items: HTMLLIElement[], message: string) => {
    list.replaceChildren(...items);
    list.hidden = items.length === 0;
    status.textContent = message;
  };

  async function ensureLoaded(): Promise<Pagefind | undefined> {
    if (pagefind) return pagefind;
    try {
      pagefind = await loadPagefind(base);
    } catch {
      show([], 'Search is unavailable: its index could not be loaded.');
    }
    return pagefind;
  }

  async function runSearch() {
    const term = input.value.trim();
    const mine = ++query;
    if (term === '') return show([], '');
    const engine = await ensureLoaded();
    if (!engine || mine !== query) return;
    const search = await engine.debouncedSearch(term, {}, DEBOUNCE_MS);
    if (!search || mine !== query) return;
    const data = await Promise.all(search.results.slice(0, MAX_RESULTS).map((r) => r.data()));
    if (mine !== query) return;
    const count = search.results.length;
    const shown = count > MAX_RESULTS ? ` (showing the first ${MAX_RESULTS})` : '';
    show(
      data.map(resultItem),
      count === 0 ? `No pages match “${term}”.` : `${count} ${count === 1 ? 'page matches' : 'pages match'} “${term}”${shown}.`,
    );
  }

  input.addEventListener('focus', () => void ensureLoaded(), { once: true });
  input.addEventListener('input', () => void runSearch());
  // Coming back to the box shows the last results again.
  input.addEventListener('focus', () => (list.hidden = list.childElementCount === 0));

  root.addEventListener('keydown', (event) => {
    const all = links();
    const at = all.indexOf(document.activeElement as HTMLAnchorElement);
    if (event.key === 'Escape') {
      close();
      input.focus();
    } else if (event.key === 'ArrowDown' && all.length > 0 && !list.hidden) {
      event.preventDefault();
      all[Math.min(all.length - 1, at + 1)]!.focus();
    } else if (event.key === 'ArrowUp' && at >= 0) {
      event.preventDefault();
      (at === 0 ? input : all[at - 1]!).focus();
    }
  });
  // Focus leaving the search (Tab past the last result, a click elsewhere) closes the list.
  root.addEventListener('focusout', (event) => {
    if (!root.contains(event.relatedTarget as Node | null)) close();
  });

  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || !isSearchShortcut(event, takesText(document.activeElement as HTMLElement | null))) return;
    event.preventDefault();
    input.focus();
    input.select();
  });
}
