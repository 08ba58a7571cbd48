/**
 * Patches to TensorFlow.js's source text, applied as its files load where readers' and the CLI's numbers are made:
 * Vite for the site's bundles (astro.config.mjs) and the Node hooks for the CLI, the scripts and the bench
 * (scripts/tfjs-esm-hooks.mjs). Each names its file, the exact text it replaces and why. A tfjs upgrade that
 * changes that text fails the build or the run with a message, never passes unpatched;
 * tests/unit/lab/tfjs-patches.test.ts and tests/browser/tfjs-bundle.test.ts check that the patched code is what runs.
 * Left unpatched, with the same arithmetic: the copies vitest loads (tfjs-core's CommonJS build, and its ES modules
 * reached through the gradients' import) and `astro dev`'s pre-bundled one.
 */

export const TFJS_PATCHES = [
  {
    file: '@tensorflow/tfjs-core/dist/util_base.js',
    /*
     * sizeFromShape runs for every tensor made and every kernel output. tfjs's kernels hand it shapes of two element
     * kinds (holey and packed arrays of small integers), and V8's Maglev in Chromium 156 deoptimizes the loop's own
     * reads of them over and over ("wrong map"), with the Tensor constructor and the wasm backend's `move` that inline
     * it: about 560 of a noise-injection run's 660 bailouts and half its optimizing compilations (docs/performance.md,
     * "Deoptimization"). Array.prototype.reduce reads the elements inside a builtin, which takes either kind. Same
     * product, same order (1·s₀·s₁·…, exact for integers), 1 for a scalar's []. (reduce would skip a hole where the
     * loop read NaN; tfjs's holey shapes are filled, every entry written.)
     */
    find: `export function sizeFromShape(shape) {
    if (shape.length === 0) {
        // Scalar.
        return 1;
    }
    let size = shape[0];
    for (let i = 1; i < shape.length; i++) {
        size *= shape[i];
    }
    return size;
}`,
    replace: `const multiply = (a, b) => a * b;
export function sizeFromShape(shape) {
    return shape.reduce(multiply, 1);
}`,
  },
];

/** `code` of the module at `id` (a path or file URL) with its patches applied, or null when none is for it. */
export function patchTfjs(id, code) {
  const path = id.split('?')[0].replaceAll('\\', '/');
  let patched = code;
  for (const { file, find, replace } of TFJS_PATCHES) {
    if (!path.endsWith(`/node_modules/${file}`)) continue;
    if (!patched.includes(find)) {
      throw new Error(`${file} no longer has the text scripts/tfjs-patches.mjs replaces (was tfjs upgraded?): update or drop that patch.`);
    }
    // A function, so `$` in the replacement is text, not a replacement pattern.
    patched = patched.replace(find, () => replace);
  }
  return patched === code ? null : patched;
}

/** The patches as a Vite plugin (the site's bundles, its worker's too). */
export function tfjsPatches() {
  return {
    name: 'tfjs-patches',
    transform(code, id) {
      const patched = patchTfjs(id, code);
      return patched === null ? null : { code: patched, map: null };
    },
  };
}
