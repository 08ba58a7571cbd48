/**
 * Browser tests: the production build in dist/, served under BASE_PATH by scripts/serve.mjs, driven
 * in the system Chromium by playwright-core. Run after `BASE_PATH=/bn-course/ npm run build`
 * (scripts/test-all.mjs does both).
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    globalSetup: ['tests/browser/support/global-setup.ts'],
    // A cold Chromium plus lazy tfjs on a small CI machine: generous limits, never sleeps.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // One browser at a time keeps a 2-core machine responsive enough for stable timings.
    fileParallelism: false,
  },
});
