/**
 * A chart's marks kept from one drawing to the next. While a figure trains each chart redraws every
 * quarter second with a few more points; removing its marks and appending new ones re-created every
 * element, and the browser then restyled, laid out and painted each as new (on the phone profile the
 * largest part of a redraw's main-thread work, traced 2026-12-03). Here a drawing names each mark by a
 * key (its arm, its role): a mark drawn again under the same key is the same element, given only the
 * attributes that changed; a new key adds an element, a key not drawn again removes its element, and
 * the elements stay in drawing order (later marks on top).
 */

type Value = string | number | null | undefined;

/** A mark's attributes (null or undefined: absent), inline styles and text. */
export interface MarkSpec {
  attrs?: Readonly<Record<string, Value>>;
  style?: Readonly<Record<string, string>>;
  text?: string;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Each element's key under its parent, and the inline styles last written to it. */
const keys = new WeakMap<Element, string>();
const styles = new WeakMap<Element, Map<string, string>>();

/** Sets `name` to `value` unless it already has it: writing an SVG attribute, even unchanged, invalidates the mark. */
function setAttr(el: Element, name: string, value: Value): void {
  if (value === null || value === undefined) {
    if (el.hasAttribute(name)) el.removeAttribute(name);
    return;
  }
  const text = String(value);
  if (el.getAttribute(name) !== text) el.setAttribute(name, text);
}

function setStyle(el: SVGElement, name: string, value: string): void {
  let written = styles.get(el);
  if (!written) styles.set(el, (written = new Map()));
  if (written.get(name) === value) return;
  el.style.setProperty(name, value);
  written.set(name, value);
}

/** An element's own text, as its first child, before any marks inside it (a `<title>`). */
function setText(el: Element, text: string): void {
  const node = el.firstChild;
  if (node instanceof Text) {
    if (node.data !== text) node.data = text;
  } else el.insertBefore(document.createTextNode(text), node);
}

/**
 * The marks under one parent element from `start` on (the children before it are not this list's:
 * a frame's axes, say). Draw them in order with `add` and `group`, then `end` removes what was not
 * drawn again.
 */
export class Marks {
  readonly #parent: Element;
  /** The child the next mark should be: the first one not yet drawn again. */
  #next: ChildNode | null;
  #byKey = new Map<string, Element>();
  #seen = new Map<string, number>();
  #groups: Marks[] = [];

  constructor(parent: Element, start: ChildNode | null = parent.firstChild) {
    this.#parent = parent;
    this.#next = start;
    for (let node = start; node; node = node.nextSibling) {
      const key = node instanceof Element ? keys.get(node) : undefined;
      if (key !== undefined) this.#byKey.set(key, node as Element);
    }
  }

  /** The mark `key` as a `tag` element, with `spec` applied; a key drawn twice in one drawing gets a second element. */
  add<K extends keyof SVGElementTagNameMap>(tag: K, key: string, spec: MarkSpec = {}): SVGElementTagNameMap[K] {
    const n = this.#seen.get(key) ?? 0;
    this.#seen.set(key, n + 1);
    const fullKey = `${tag}:${key}${n === 0 ? '' : `#${n}`}`;
    let el = this.#byKey.get(fullKey) as SVGElementTagNameMap[K] | undefined;
    if (!el) {
      el = document.createElementNS(SVG_NS, tag) as SVGElementTagNameMap[K];
      keys.set(el, fullKey);
      this.#byKey.set(fullKey, el);
    }
    if (el.parentNode === this.#parent) {
      // Further on: the marks before it were not drawn again (yet). They go now; one drawn later comes back
      // there, as a mark disappearing (a hover dot, the hover rule) is common and a new order is rare.
      while (this.#next !== el) {
        const skipped = this.#next!;
        this.#next = skipped.nextSibling;
        skipped.remove();
      }
      this.#next = el.nextSibling;
    } else this.#parent.insertBefore(el, this.#next);
    for (const [name, value] of Object.entries(spec.attrs ?? {})) setAttr(el, name, value);
    for (const [name, value] of Object.entries(spec.style ?? {})) setStyle(el, name, value);
    if (spec.text !== undefined) setText(el, spec.text);
    return el;
  }

  /** A `<g>` mark and the list of marks inside it (ended with this list). */
  group(key: string, spec: MarkSpec = {}): Marks {
    return this.inside(this.add('g', key, spec));
  }

  /** The list of marks inside `el`, a mark of this list, after its text (ended with this list). */
  inside(el: Element): Marks {
    const inner = new Marks(el, el.firstChild instanceof Text ? el.firstChild.nextSibling : el.firstChild);
    this.#groups.push(inner);
    return inner;
  }

  /** Removes the marks not drawn again, here and in this list's groups. */
  end(): void {
    for (const group of this.#groups) group.end();
    while (this.#next) {
      const gone = this.#next;
      this.#next = gone.nextSibling;
      gone.remove();
    }
  }
}
