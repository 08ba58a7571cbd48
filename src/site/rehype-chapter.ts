/**
 * Build-time HTML passes for the chapters, run after rehype-katex (astro.config.mjs). They exist for
 * chapter 6, whose ~230 formulas are ~12,000 KaTeX elements: laying all of them out at load blocked a
 * phone's main thread for 300–600 ms (Lighthouse total blocking time), though a reader sees one screen.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';

const isElement = (node: { type: string }, tagName: string): node is Element => node.type === 'element' && (node as Element).tagName === tagName;
/** MDX adds node types hast's types do not list (mdxjsEsm, mdxJsxFlowElement, …). */
const typeOf = (node: { type: string }): string => node.type;

/**
 * Wraps each `##` heading and what follows it, up to the next one, in `<section class="chapter-section">`,
 * which the site's stylesheet gives `content-visibility: auto`: the browser styles and lays out a
 * section only when it nears the viewport. MDX's import/export statements stay at the top level, where
 * MDX looks for them; anything before the first heading (the introduction) stays unwrapped.
 */
export function rehypeChapterSections() {
  return (tree: Root) => {
    const children: RootContent[] = [];
    let section: Element | undefined;
    for (const node of tree.children) {
      if (isElement(node, 'h2')) {
        section = { type: 'element', tagName: 'section', properties: { className: ['chapter-section'] }, children: [] };
        children.push(section);
      }
      if (section && typeOf(node) !== 'mdxjsEsm' && node.type !== 'doctype') section.children.push(node as ElementContent);
      else children.push(node);
    }
    tree.children = children;
  };
}

const hasClass = (node: Element, name: string) => {
  const className = node.properties.className;
  return Array.isArray(className) && className.includes(name);
};

/**
 * Puts every display equation in the tab order in the HTML, so one wider than the screen can be
 * scrolled from the keyboard (WCAG 2.1.1) without JavaScript, and while its section is not laid out
 * yet. ScrollableMath (src/components) takes the tab stop away again from each equation that turns
 * out to fit once it is laid out, so keyboard users do not stop on every equation.
 */
export function rehypeFocusableDisplayMath() {
  // Display math can sit inside MDX components (mdxJsxFlowElement), so every node with children is visited.
  const visit = (node: { children?: unknown[] }) => {
    for (const child of (node.children ?? []) as (RootContent | { type: string; children?: unknown[] })[]) {
      if (isElement(child, 'span') && hasClass(child, 'katex-display')) child.properties.tabIndex = 0;
      else visit(child as { children?: unknown[] });
    }
  };
  return (tree: Root) => visit(tree);
}
