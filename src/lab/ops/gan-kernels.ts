/**
 * Chains of elementwise ops in the WGAN's hand-written backprop (src/lab/gan/backprop.ts, wgan-arm.ts) as one wasm
 * kernel each, written in JavaScript on the backend's heap (wasm-heap.ts). Each tfjs kernel launch has a fixed cost
 * (3–4 µs of CPU in Node, more in a Chromium worker), which on these small tensors outweighs the arithmetic; on large
 * ones a JavaScript loop is slower than wasm's SIMD kernels, so only chains on small tensors are fused
 * (docs/performance.md):
 * - the gradient penalty's ∂/∂g from the input gradient g: 13 ops (row norms, then the Mean, Square, Sqrt and
 *   Square gradients' factors) in one;
 * - the interpolates ε·real + (1 − ε)·fake: 4 ops in one.
 *
 * The same bits as the ops: each tfjs op on float32 rounds once, so each is `Math.fround(a op b)` in the ops'
 * order, with their scalars rounded to float32 as tf.scalar rounds them (+, −, ×, ÷ and √ in double, then rounded,
 * are the correctly rounded float32 results wasm's f32 operations give). tests/unit/lab/gan-kernels.test.ts
 * checks each against its ops.
 */
import type { Tensor1D, Tensor2D } from '@tensorflow/tfjs-core';
import { tf } from '../tf';
import { floatsOf, registerWasmKernel } from './wasm-heap';

const PENALTY_GRAD = 'LabPenaltyGrad';
const INTERPOLATE = 'LabInterpolate';

const f = Math.fround;

/** The ε under rowNorms' square root (backprop.ts), as its scalar tensor holds it. */
const NORM_EPSILON = f(1e-12);

// backprop.ts penaltyGrads: norms = √(Σ_c g² + ε); off = norms − 1; perRow = ((λ/n)·(off·2))/(norms·2); dG = perRow·(g·2).
// The row sums run from 0 in column order as wasm's Sum does; the input gradient has 2 columns (the 2-D samples),
// where any order gives the same float.
registerWasmKernel(PENALTY_GRAD, ({ inputs, backend, attrs }) => {
  const g = inputs['g']!;
  const [n, k] = g.shape as [number, number];
  const dG = backend.makeOutput([n, k], 'float32');
  const off = backend.makeOutput([n], 'float32');
  const [gs, ds, offs] = [floatsOf(backend, g), floatsOf(backend, dG), floatsOf(backend, off)];
  const scale = f(f(attrs['lambda'] as number) / n);
  for (let i = 0, row = 0; i < n; i++, row += k) {
    let sum = 0;
    for (let c = 0; c < k; c++) sum = f(sum + f(gs[row + c]! * gs[row + c]!));
    const norm = f(Math.sqrt(f(sum + NORM_EPSILON)));
    const o = f(norm - 1);
    const perRow = f(f(scale * f(o * 2)) / f(norm * 2));
    for (let c = 0; c < k; c++) ds[row + c] = f(perRow * f(gs[row + c]! * 2));
    offs[i] = o;
  }
  return [dG, off];
});

// wgan-arm.ts interpolate: ε·real + (1 − ε)·fake, ε one per row ([n, 1], broadcast along the row).
registerWasmKernel(INTERPOLATE, ({ inputs, backend }) => {
  const [real, fake, eps] = [inputs['real']!, inputs['fake']!, inputs['eps']!];
  const [n, k] = real.shape as [number, number];
  const out = backend.makeOutput([n, k], 'float32');
  const [rs, fs, es, os] = [floatsOf(backend, real), floatsOf(backend, fake), floatsOf(backend, eps), floatsOf(backend, out)];
  for (let i = 0, at = 0; i < n; i++) {
    const e = es[i]!;
    const rest = f(1 - e);
    for (let c = 0; c < k; c++, at++) os[at] = f(f(e * rs[at]!) + f(rest * fs[at]!));
  }
  return out;
});

/** The gradient penalty's ∂/∂g and ‖g‖ − 1 per row, from the input gradient g [n, 2] (backprop.ts). */
export function penaltyGradKernel(g: Tensor2D, lambda: number): { dG: Tensor2D; off: Tensor1D } {
  const [dG, off] = tf.engine().runKernel(PENALTY_GRAD, { g }, { lambda }) as [Tensor2D, Tensor1D];
  return { dG, off };
}

/** ε·real + (1 − ε)·fake with ε [n, 1]. */
export const interpolateKernel = (real: Tensor2D, fake: Tensor2D, eps: Tensor2D) =>
  tf.engine().runKernel(INTERPOLATE, { real, fake, eps }) as Tensor2D;
