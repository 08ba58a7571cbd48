/**
 * Node resolution hooks that load the umbrella `@tensorflow/tfjs` as ES modules, on top of
 * scripts/tfjs-esm-hooks.mjs (which does the same for core and the cpu/wasm backends). Loading its
 * CommonJS build instead would bring a second, CommonJS copy of tfjs-core next to the ES-module one
 * the wasm backend registers with. Only the bench's Layers baseline uses this (its own process).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ESM_PACKAGES = new Set([
  '@tensorflow/tfjs',
  '@tensorflow/tfjs-layers',
  '@tensorflow/tfjs-converter',
  '@tensorflow/tfjs-data',
  '@tensorflow/tfjs-backend-webgl',
]);

const insideUmbrella = (url) => typeof url === 'string' && url.includes('/node_modules/@tensorflow/tfjs/');

export async function resolve(specifier, context, nextResolve) {
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
