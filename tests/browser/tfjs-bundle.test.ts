/**
 * The site's bundles carry the lab's patches to tfjs (scripts/tfjs-patches.mjs, applied by Vite in astro.config.mjs):
 * the lab worker's sizeFromShape is the builtin-reduce one, and no bundle keeps the original loop. Read from the build,
 * minified, so the patterns are the minifier's forms of the two functions.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtSite } from './support/global-setup';

const { root } = builtSite();
const scripts = readdirSync(`${root}/_astro`).filter((f) => f.endsWith('.js'));
const read = (file: string) => readFileSync(`${root}/_astro/${file}`, 'utf8');
/** A minified name (the minifier uses `$` too). */
const NAME = String.raw`[\w$]+`;
/** tfjs-core's own sizeFromShape, minified: an index loop over the shape. */
const ORIGINAL = new RegExp(String.raw`if\(${NAME}\.length===0\)return 1;let ${NAME}=${NAME}\[0\];for\(let ${NAME}=1;${NAME}<${NAME}\.length;${NAME}\+\+\)${NAME}\*=${NAME}\[${NAME}\];return ${NAME}\}`);
/** The patched one, minified. */
const PATCHED = new RegExp(String.raw`function ${NAME}\(${NAME}\)\{return ${NAME}\.reduce\(${NAME},1\)\}`);

describe('tfjs as bundled', () => {
  it('the lab worker has the patched sizeFromShape', () => {
    const workers = scripts.filter((f) => /^lab\.worker-.+\.js$/.test(f));
    expect(workers).toHaveLength(1);
    expect(read(workers[0]!)).toMatch(PATCHED);
  });

  it('no script of the site keeps the original', () => {
    expect(scripts.filter((f) => ORIGINAL.test(read(f)))).toEqual([]);
  });
});
