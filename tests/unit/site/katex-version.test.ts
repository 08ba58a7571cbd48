/**
 * The KaTeX that renders the chapters' math at build time (rehype-katex's) is the KaTeX whose
 * stylesheet and fonts ship (BaseLayout imports `katex/dist/katex.min.css`) and the one package.json
 * declares. Versions disagree on class names (0.19 renamed .sizing to .katex-sizing), so a mismatch
 * draws superscripts full size.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const versionOf = (packageJson: string) => (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version;

it('ships the stylesheet of the KaTeX that renders the math, at the declared version', () => {
  const rendering = createRequire(require.resolve('rehype-katex')).resolve('katex/package.json');
  const shipped = require.resolve('katex/package.json');
  expect(rendering).toBe(shipped);
  const declared = (JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> }).dependencies.katex;
  expect(versionOf(shipped)).toBe(declared);
});
