/**
 * Markdown with math, rendered at build time, for text that lives in data rather than in a chapter
 * (glossary definitions). It uses the plugins astro.config.mjs gives the chapters (remark-math,
 * rehype-katex), so the HTML matches the KaTeX stylesheet the site ships; no code highlighting.
 */
import { createMarkdownProcessor, type MarkdownRenderer } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';

let renderer: Promise<MarkdownRenderer> | undefined;

export async function renderMarkdown(markdown: string): Promise<string> {
  renderer ??= createMarkdownProcessor({ remarkPlugins: [remarkMath], rehypePlugins: [rehypeKatex], syntaxHighlight: false });
  return (await (await renderer).render(markdown)).code;
}
