/**
 * The lab's one entry point to TensorFlow.js: tfjs-core with its gradients, the wasm (SIMD) backend
 * and the cpu fallback. Not the umbrella `@tensorflow/tfjs` (277 KiB gzip, no wasm) and not tf.layers
 * (its fused matMul gradient cannot be patched; see docs/performance.md).
 *
 * Everything in src/lab imports `tf` from here, never from '@tensorflow/tfjs-core' directly, so the
 * gradient registrations and the matMul fix below are always in place before any training.
 *
 * A tf.tidy on the training path (every experiment's run, in the worker and the CLI) returns a tensor or an array
 * of tensors, never an object of them. tfjs walks a
 * tidy's result with for…in, and in current V8 (Chromium 156, Node 26) results that are objects of
 * different shapes send that walk through an endless loop of optimize, deoptimize ("wrong map"),
 * optimize: about 400 times in one default run, compile work that took the second core from a second
 * worker (docs/performance.md, "Deoptimization"). tests/science/lab/tidy-results.test.ts keeps it so. The page's
 * one-off computations (explorer/, theory/, lipschitz/gradient-slice.ts) run once per reader's action and are left
 * as they are.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import type { NamedAttrMap, Tensor } from '@tensorflow/tfjs-core';

export { tf };

export type BackendName = 'wasm' | 'cpu';

/** matMul with explicit transposes: tfjs-backend-wasm 4.22 runs a transposed operand in a scalar loop. */
function plainMatMul(a: Tensor, b: Tensor, transposeA: boolean, transposeB: boolean): Tensor {
  const lastTwo = (t: Tensor) => {
    const perm = t.shape.map((_, i) => i);
    const n = perm.length;
    [perm[n - 2], perm[n - 1]] = [perm[n - 1]!, perm[n - 2]!];
    return tf.transpose(t, perm);
  };
  return tf.matMul(transposeA ? lastTwo(a) : a, transposeB ? lastTwo(b) : b);
}

/**
 * Re-register the BatchMatMul gradient so that every matMul it issues is untransposed. Same maths
 * as tfjs-core's BatchMatMul_grad (gradients agree within 2e-8); ~5.7× faster MLP training on wasm
 * (16 → 92–109 steps/s, docs/performance.md).
 */
tf.registerGradient({
  kernelName: tf.BatchMatMul,
  inputsToSave: ['a', 'b'],
  gradFunc: (dy: Tensor | Tensor[], saved: Tensor[], attrs: NamedAttrMap) => {
    const g = dy as Tensor;
    const [a, b] = saved as [Tensor, Tensor];
    const { transposeA, transposeB } = attrs as { transposeA: boolean; transposeB: boolean };
    if (!transposeA && !transposeB) {
      return { a: () => plainMatMul(g, b, false, true), b: () => plainMatMul(a, g, true, false) };
    }
    if (!transposeA && transposeB) {
      return { a: () => plainMatMul(g, b, false, false), b: () => plainMatMul(g, a, true, false) };
    }
    if (transposeA && !transposeB) {
      return { a: () => plainMatMul(b, g, false, true), b: () => plainMatMul(a, g, false, false) };
    }
    return { a: () => plainMatMul(b, g, true, true), b: () => plainMatMul(g, a, true, true) };
  },
});

export interface BackendChoice {
  /** The backend actually in use. */
  backend: BackendName;
  /** Why the preferred backend was not used, when it was not. */
  fallbackReason?: string;
}

/**
 * Select a backend, falling back to cpu when wasm cannot start (no WebAssembly, .wasm not found).
 * `wasmPrefix` is the directory URL of the self-hosted .wasm files in the browser (under the site's
 * base path); Node finds them in node_modules by itself.
 */
export async function initBackend(preferred: BackendName = 'wasm', wasmPrefix?: string): Promise<BackendChoice> {
  if (preferred === 'wasm') {
    try {
      if (wasmPrefix) setWasmPaths(wasmPrefix);
      if (await tf.setBackend('wasm')) {
        await tf.ready();
        return { backend: 'wasm' };
      }
      return { backend: await useCpu(), fallbackReason: 'the WebAssembly backend did not initialise' };
    } catch (err) {
      return { backend: await useCpu(), fallbackReason: `WebAssembly backend failed: ${(err as Error).message}` };
    }
  }
  return { backend: await useCpu() };
}

async function useCpu(): Promise<BackendName> {
  await tf.setBackend('cpu');
  await tf.ready();
  return 'cpu';
}
