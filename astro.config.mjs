// @ts-check
import { createRequire } from 'node:module';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import svelte from '@astrojs/svelte';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';

/**
 * Math is rendered to HTML at build time so a page reads without JavaScript. Astro 7's default
 * Markdown processor (Sätteri) runs no remark/rehype plugins, so .md and .mdx both go through the
 * unified() pipeline instead.
 */
const markdownProcessor = unified({ remarkPlugins: [remarkMath], rehypePlugins: [rehypeKatex] });

/**
 * The KaTeX stylesheet must come from the same KaTeX that rendered the HTML. rehype-katex brings its
 * own (0.16 today), and KaTeX 0.19 renamed classes the HTML uses (.sizing → .katex-sizing), so a
 * mismatched stylesheet draws superscripts full size. Resolving from rehype-katex picks its copy.
 */
const katexCss = createRequire(import.meta.resolve('rehype-katex')).resolve('katex/dist/katex.min.css');

export default defineConfig({
  // GitHub Pages project sites live under /<repo>/; the deploy workflow and `npm test` set BASE_PATH.
  base: process.env.BASE_PATH ?? '/',
  site: process.env.SITE_URL,
  // Every page is a directory with index.html, so every URL ends in "/", in links and on disk.
  trailingSlash: 'always',
  build: { format: 'directory' },
  markdown: { processor: markdownProcessor },
  integrations: [mdx({ processor: markdownProcessor }), svelte()],
  vite: {
    resolve: { alias: [{ find: /^katex\/dist\/katex\.min\.css$/, replacement: katexCss }] },
  },
});
