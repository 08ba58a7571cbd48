/**
 * Adam's and RMSProp's steps (src/lab/optim/) as one wasm kernel each, written in JavaScript on the backend's heap
 * (wasm-heap.ts): every parameter tensor and its gradient in, the new parameters out in their own shapes, optionally
 * clipped to [−c, c] as tf.clipByValue does after the step. The slots (Adam's m and v, RMSProp's mean square) are
 * not tensors but JavaScript arrays, flat over all the params and updated in place: nothing reads them but the next
 * step. The ops they replace launch ~14 (Adam) or ~7 (RMSProp) kernels per tensor, or per flat vector plus a concat
 * and a split; on the WGAN's small nets those launches cost more than the arithmetic (docs/performance.md).
 *
 * The same bits as the ops: each tfjs op on float32 rounds its result once, so each is mirrored as
 * `Math.fround(a op b)` in the ops' order, with their scalars rounded to float32 as tf.scalar rounds them.
 * +, −, ×, ÷ and √ computed in double and then rounded to float32 are the correctly rounded float32 results,
 * which is what wasm's f32 operations give (tests/unit/lab/optimizer-kernels.test.ts checks against the ops).
 */
import type { Tensor } from '@tensorflow/tfjs-core';
import { tf } from '../tf';
import type { Params } from '../types';
import { floatsOf, registerWasmKernel, type WasmKernelArgs } from './wasm-heap';

const ADAM_STEP = 'LabAdamStep';
const RMSPROP_STEP = 'LabRmsPropStep';

const f = Math.fround;

/** tf.clipByValue's bounds as float32; no clipping is (−∞, ∞). */
const boundsOf = (clip: number | null): [number, number] => (clip === null ? [-Infinity, Infinity] : [f(-clip), f(clip)]);

/**
 * The shared part of both kernels: outputs shaped as the params p0…, then `update` over each param's elements
 * with its gradient g0… and its offset in the flat slots.
 */
function runStep(
  { inputs, backend, attrs }: WasmKernelArgs,
  update: (p: Float32Array, g: Float32Array, out: Float32Array, offset: number) => void,
) {
  const n = attrs['count'] as number;
  const outputs = Array.from({ length: n }, (_, i) => backend.makeOutput(inputs[`p${i}`]!.shape, 'float32'));
  // Views only now: makeOutput may grow the heap and detach earlier ones.
  let offset = 0;
  for (let i = 0; i < n; i++) {
    const p = floatsOf(backend, inputs[`p${i}`]!);
    update(p, floatsOf(backend, inputs[`g${i}`]!), floatsOf(backend, outputs[i]!), offset);
    offset += p.length;
  }
  return outputs;
}

/**
 * The clipped value as ClipByValue gives it: −0 and NaN pass through (the WGAN's weights hold neither; the unit
 * test covers −0, and the bounds themselves).
 */
const clamped = (x: number, lo: number, hi: number) => (x < lo ? lo : x > hi ? hi : x);

// adam.ts: m ← β1·m + (1−β1)·g; v ← β2·v + (1−β2)·g²; p ← p − lr·(m/c1)/(√(v/c2) + ε), c = 1 − βᵗ.
registerWasmKernel(ADAM_STEP, (args) => {
  const a = args.attrs as unknown as AdamStepAttrs & { m: Float32Array; v: Float32Array };
  const [b1, ob1, b2, ob2] = [f(a.beta1), f(1 - a.beta1), f(a.beta2), f(1 - a.beta2)];
  const [c1, c2, eps, lr] = [f(a.correction1), f(a.correction2), f(a.epsilon), f(a.learningRate)];
  const [lo, hi] = boundsOf(a.clip);
  const { m, v } = a;
  return runStep(args, (p, g, out, offset) => {
    for (let j = 0, s = offset; j < p.length; j++, s++) {
      const gj = g[j]!;
      const mj = f(f(m[s]! * b1) + f(gj * ob1));
      const vj = f(f(v[s]! * b2) + f(f(gj * gj) * ob2));
      const step = f(f(f(mj / c1) / f(f(Math.sqrt(f(vj / c2))) + eps)) * lr);
      m[s] = mj;
      v[s] = vj;
      out[j] = clamped(f(p[j]! - step), lo, hi);
    }
  });
});

// rmsprop.ts: ms ← ρ·ms + (1−ρ)·g²; p ← p − lr·g/√(ms + ε).
registerWasmKernel(RMSPROP_STEP, (args) => {
  const a = args.attrs as unknown as RmsPropStepAttrs & { ms: Float32Array };
  const [rho, oneMinusRho, eps, lr] = [f(a.decay), f(1 - a.decay), f(a.epsilon), f(a.learningRate)];
  const [lo, hi] = boundsOf(a.clip);
  const { ms } = a;
  return runStep(args, (p, g, out, offset) => {
    for (let j = 0, s = offset; j < p.length; j++, s++) {
      const gj = g[j]!;
      const msj = f(f(ms[s]! * rho) + f(f(gj * gj) * oneMinusRho));
      ms[s] = msj;
      out[j] = clamped(f(p[j]! - f(f(gj / f(Math.sqrt(f(msj + eps)))) * lr)), lo, hi);
    }
  });
});

/** Runs one of the kernels above: the new params. */
function launch(name: string, params: Params, grads: Params, attrs: object): Tensor[] {
  const inputs: Record<string, Tensor> = {};
  params.forEach((p, i) => {
    inputs[`p${i}`] = p;
    inputs[`g${i}`] = grads[i]!;
  });
  return tf.engine().runKernel(name, inputs, { ...attrs, count: params.length } as never) as Tensor[];
}

interface StepAttrs {
  epsilon: number;
  learningRate: number;
  /** Clip the new params to [−clip, clip]; null for none. */
  clip: number | null;
}

interface AdamStepAttrs extends StepAttrs {
  beta1: number;
  beta2: number;
  /** 1 − β1ᵗ and 1 − β2ᵗ of this step, in double as adam.ts computes them. */
  correction1: number;
  correction2: number;
}

/** One Adam step on wasm: the new params; m and v (flat over the params, in their order) are updated in place. */
export const adamStepKernel = (params: Params, grads: Params, [m, v]: readonly Float32Array[], attrs: AdamStepAttrs) =>
  launch(ADAM_STEP, params, grads, { ...attrs, m, v });

interface RmsPropStepAttrs extends StepAttrs {
  decay: number;
}

/** One RMSProp step on wasm: the new params; the mean squares `ms` (flat over the params) are updated in place. */
export const rmsPropStepKernel = (params: Params, grads: Params, [ms]: readonly Float32Array[], attrs: RmsPropStepAttrs) =>
  launch(RMSPROP_STEP, params, grads, { ...attrs, ms });
