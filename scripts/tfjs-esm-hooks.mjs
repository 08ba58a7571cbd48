/**
 * Node module-resolution hooks for TensorFlow.js's ES-module builds.
 *
 * Why: the lab imports tfjs-core's `register_all_gradients`, which exists only as ES modules whose
 * internal imports omit file extensions (written for bundlers). Node's ESM loader refuses those, and
 * tfjs's CommonJS bundles carry no gradients. So in Node (CLI, bench) we load the same ES modules the
 * browser bundle uses — one copy of tfjs, not a CJS core plus an ESM gradient registry.
 * The load hook applies the lab's patches to tfjs's code (scripts/tfjs-patches.mjs), as the site's bundle does.
 * Registered by scripts/tfjs-esm.mjs (`node --import`).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { patchTfjs } from './tfjs-patches.mjs';

const TFJS_PACKAGES = new Set(['@tensorflow/tfjs-core', '@tensorflow/tfjs-backend-cpu', '@tensorflow/tfjs-backend-wasm']);

function isInsideTfjs(url) {
  return typeof url === 'string' && url.includes('/node_modules/@tensorflow/tfjs-');
}

export async function resolve(specifier, context, nextResolve) {
  // seedrandom is CommonJS whose named exports Node cannot detect; tfjs imports `* as seedrandom`.
  if (specifier === 'seedrandom' && isInsideTfjs(context.parentURL)) {
    return { url: new URL('./seedrandom-esm.mjs', import.meta.url).href, shortCircuit: true };
  }
  // Bare package → its "module" (ESM) entry instead of the CommonJS "main".
  if (TFJS_PACKAGES.has(specifier)) {
    const pkgUrl = await nextResolve(`${specifier}/package.json`, context);
    const pkg = JSON.parse(readFileSync(fileURLToPath(pkgUrl.url), 'utf8'));
    return nextResolve(new URL(pkg.module, pkgUrl.url).href, context);
  }
  const extensionless = specifier.startsWith('.') || specifier.startsWith('@tensorflow/tfjs-');
  if (extensionless && isInsideTfjs(context.parentURL) && !/\.(m?js|json)$/.test(specifier)) {
    for (const suffix of ['.js', '/index.js']) {
      try {
        return await nextResolve(specifier + suffix, context);
      } catch {
        // try the next form
      }
    }
  }
  return nextResolve(specifier, context);
}

export async function load(url, context, nextLoad) {
  const loaded = await nextLoad(url, context);
  if (!isInsideTfjs(url) || loaded.source == null) return loaded;
  const source = typeof loaded.source === 'string' ? loaded.source : new TextDecoder().decode(loaded.source);
  const patched = patchTfjs(fileURLToPath(url), source);
  return patched === null ? loaded : { ...loaded, source: patched };
}
