// @ts-check
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

export default defineConfig({
  // GitHub Pages project sites live under /<repo>/; the deploy workflow and `npm test` set BASE_PATH.
  base: process.env.BASE_PATH ?? '/',
  site: process.env.SITE_URL,
  // Every page is a directory with index.html, so every URL ends in "/", in links and on disk.
  trailingSlash: 'always',
  build: { format: 'directory' },
  markdown: { processor: markdownProcessor },
  integrations: [mdx({ processor: markdownProcessor }), svelte()],
});
