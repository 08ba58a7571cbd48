/**
 * The test suite in four layers (vitest projects), cheapest first:
 *   unit     pure functions, schemas, the site's checks, short tfjs checks: seconds; run it on every change
 *            (`npm run test:unit`).
 *   science  seeded training runs that reproduce the paper's claims and keep committed data fresh; two
 *            files at a time, since each keeps one core busy (`npm run test:science`).
 *   browser  the production build under a sub-path, driven in Chromium (`npm run test:browser`, after a
 *            build; scripts/test-all.mjs does both).
 *   engines  the same build in Firefox and WebKit: one careful pass per page and live figure, numbers
 *            compared with Chromium's (`npm run test:engines` builds if needed, then runs them).
 * `npm test` runs all four.
 */
import { defineConfig } from 'vitest/config';
import { ShardsFirst } from './tests/science/replication/shards-first.ts';

/** tfjs ships CommonJS next to ES modules; inlining makes vitest load one copy of it. */
const inlineTfjs = { deps: { inline: [/@tensorflow\//] } };

export default defineConfig({
  test: {
    // The replication shards first (only the science project has them): a root option, which projects do not set.
    sequence: { sequencer: ShardsFirst },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          server: inlineTfjs,
          // Files share a worker's module cache instead of each importing tfjs, KaTeX and Vite anew:
          // 145 s → 34 s wall (71 s → 19 s CPU) on the shared 2-core machine. Every file sets what it
          // relies on (the tf backend in beforeAll, env vars restored after), so order does not matter.
          isolate: false,
          // A test's first call may load a pipeline cold (the glossary's Markdown + KaTeX render took 6 s at load 7,
          // over vitest's 5 s default): a limit for hangs, not a time budget.
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'science',
          include: ['tests/science/**/*.test.ts'],
          server: inlineTfjs,
          // Two files side by side: tfjs on wasm trains on one thread, so two keep both cores of the 2-core
          // CI machine busy (vitest's default there is one worker: the cores but one).
          maxWorkers: 2,
          // Whole runs on several seeds: minutes, not seconds, on a 2-core machine.
          testTimeout: 120_000,
          hookTimeout: 600_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          // The share tests read each live figure's link fields from its experiment (the registry).
          server: inlineTfjs,
          globalSetup: ['tests/browser/support/global-setup.ts'],
          // A cold Chromium plus lazy tfjs on a small CI machine: generous limits, never sleeps.
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // expect.poll waits on a condition; vitest's default of 1 s is a time budget in disguise on a
          // loaded 2-core machine (a figure's notice or Pagefind's first request came later than that).
          expect: { poll: { timeout: 15_000 } },
          // One browser at a time keeps a 2-core machine responsive enough for stable timings.
          fileParallelism: false,
          // Tests marked concurrent (the site walk's pages, each in its own browser context) two at a time.
          maxConcurrency: 2,
        },
      },
      {
        test: {
          name: 'engines',
          include: ['tests/engines/**/*.test.ts'],
          globalSetup: ['tests/engines/support/global-setup.ts'],
          // Firefox and WebKit each train every live figure once, cold: minutes per file, one at a time.
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
