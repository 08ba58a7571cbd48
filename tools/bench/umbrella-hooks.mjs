/**
 * Node resolution hooks that load the umbrella `@tensorflow/tfjs` as ES modules, on top of
 * scripts/tfjs-esm-hooks.mjs (which does the same for core and the cpu/wasm backends). Loading its
 * CommonJS build instead would bring a second, CommonJS copy of tfjs-core next to the ES-module one
 * the wasm backend registers with. Only the bench's Layers baseline uses this (its own process).
 *
 * The umbrella is installed in tools/bench/node_modules (install.mjs), with its own copy of tfjs-core.
 * Its imports of core and of the cpu/wasm backends are resolved from the project's root instead, so
 * there is one tfjs-core: the one the lab's matMul-gradient fix (`--fix`) registers with.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Packages the bench's own install must not supply: the root's copies are the lab's. */
const ROOT_PACKAGES = /^@tensorflow\/tfjs-(core|backend-cpu|backend-wasm)(\/|$)/;
const inBenchInstall = (url) => typeof url === 'string' && url.includes('/tools/bench/node_modules/');
/** Resolving as if imported from the root's tfjs-core finds the root's copies (and keeps scripts/tfjs-esm-hooks.mjs's extension rules). */
const ROOT_IMPORTER = new URL('../../node_modules/@tensorflow/tfjs-core/package.json', import.meta.url).href;

const ESM_PACKAGES = new Set([
  '@tensorflow/tfjs',
  '@tensorflow/tfjs-layers',
  '@tensorflow/tfjs-converter',
  '@tensorflow/tfjs-data',
  '@tensorflow/tfjs-backend-webgl',
]);

const insideUmbrella = (url) => typeof url === 'string' && url.includes('/node_modules/@tensorflow/tfjs/');

export async function resolve(specifier, context, nextResolve) {
  if (ROOT_PACKAGES.test(specifier) && inBenchInstall(context.parentURL)) {
    return nextResolve(specifier, { ...context, parentURL: ROOT_IMPORTER });
  }
  if (ESM_PACKAGES.has(specifier)) {
    const pkgUrl = await nextResolve(`${specifier}/package.json`, context);
    const pkg = JSON.parse(readFileSync(fileURLToPath(pkgUrl.url), 'utf8'));
    return nextResolve(new URL(pkg.module, pkgUrl.url).href, context);
  }
  // The umbrella's own extensionless imports ('./version', '@tensorflow/tfjs-core/dist/…').
  if (insideUmbrella(context.parentURL) && !/\.(m?js|json)$/.test(specifier) && (specifier.startsWith('.') || specifier.includes('/dist/'))) {
    return nextResolve(`${specifier}.js`, context);
  }
  return nextResolve(specifier, context);
}
