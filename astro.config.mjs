// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import svelte from '@astrojs/svelte';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { tfjsPatches } from './scripts/tfjs-patches.mjs';
import { rehypeChapterSections, rehypeFocusableDisplayMath } from './src/site/rehype-chapter.ts';

/**
 * Math is rendered to HTML at build time so a page reads without JavaScript. Astro 7's default
 * Markdown processor (Sätteri) runs no remark/rehype plugins, so .md and .mdx both go through the
 * unified() pipeline instead. The two passes after KaTeX keep long chapters cheap to lay out
 * (src/site/rehype-chapter.ts).
 */
const markdownProcessor = unified({
  remarkPlugins: [remarkMath],
  rehypePlugins: [rehypeKatex, rehypeFocusableDisplayMath, rehypeChapterSections],
});

/**
 * Content-Security-Policy, emitted by Astro as a <meta> tag on every page with the hashes of the inline
 * scripts and styles it renders (island hydration, ThemeScript's no-flash script, island styles), so
 * nothing but the site's own files and those exact inline blocks can run. Each choice beyond 'self':
 * - script-src 'wasm-unsafe-eval' (WebAssembly compilation only, not eval()): tfjs's wasm backend in the
 *   lab worker and Pagefind's index reader in its worker. By the spec a worker loaded from its own URL
 *   takes its policy from its own response, not from this <meta> (both work without it in Chromium),
 *   but a browser that applies the page's policy to its workers would block them, and Pagefind falls
 *   back to compiling on the page when its worker fails.
 * - style-src 'unsafe-inline': Svelte components with `css: 'injected'` (needed: README, "CSS of
 *   island-only components") add their CSS as <style> elements at runtime, text Astro never sees to hash; and
 *   KaTeX's HTML and the charts position glyphs and marks with style="" attributes. Styles cannot run
 *   code, and the pages carry no user content to inject into. (With 'unsafe-inline' present Astro
 *   emits no style hashes, as browsers would ignore it next to a hash.)
 * - img-src data:: a chart exported as PNG is first loaded as an image from its SVG serialised into a
 *   data: URL (src/widgets/share/chart-export.ts); nothing is fetched from elsewhere. The download
 *   itself is a blob: link, which is a navigation, not governed by the policy.
 * - worker-src 'self': the lab worker is a bundled file under the site's base path.
 * A <meta> policy cannot carry frame-ancestors (browsers ignore it and warn), and the embed pages are
 * meant to be framed anyway.
 */
const CONTENT_SECURITY_POLICY = {
  directives: [
    "default-src 'self'",
    "base-uri 'self'",
    "object-src 'none'",
    "form-action 'self'",
    "connect-src 'self'",
    "font-src 'self'",
    "img-src 'self' data:",
    "worker-src 'self'",
  ],
  scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
  styleDirective: { resources: ["'self'", "'unsafe-inline'"] },
};

export default defineConfig({
  // GitHub Pages project sites live under /<repo>/; the deploy workflow and `npm test` set BASE_PATH.
  base: process.env.BASE_PATH ?? '/',
  site: process.env.SITE_URL,
  // Every page is a directory with index.html, so every URL ends in "/", in links and on disk.
  trailingSlash: 'always',
  build: { format: 'directory' },
  markdown: { processor: markdownProcessor },
  security: { csp: CONTENT_SECURITY_POLICY },
  integrations: [mdx({ processor: markdownProcessor }), svelte()],
  vite: {
    // No asset inlined as a data: URL (Vite inlines files under 4 KiB, e.g. a small KaTeX font), so
    // fonts and images come from the site's origin and the policy needs no data: for them.
    build: { assetsInlineLimit: 0 },
    // The lab's fixes to tfjs's own code (scripts/tfjs-patches.mjs), in the page's bundle and the worker's.
    plugins: [tfjsPatches()],
    worker: { plugins: () => [tfjsPatches()] },
  },
});
