/**
 * Hand-written backpropagation through the GAN aside's ReLU nets (nets.ts), for the wgan arms' training
 * steps. On wasm these small nets are bound by kernel launches, not arithmetic, and tfjs's autodiff
 * launches many kernels that do no work (Identity, Reshape, Cast, products with ones, the zero
 * gradients of ReLU masks); the gradient penalty's double backprop ran ~1,800 kernels per generator
 * iteration. Here each gradient is the chain of matMuls, masks and sums autodiff would compute, issued
 * in the order and with the operands autodiff uses (tfjs-core 4.22's gradient functions, and
 * tf.ts's untransposed matMul gradient), so the numbers are bit-for-bit those of tf.valueAndGrads on
 * nets.ts's `forward` (tests/unit/gan/backprop.test.ts asserts equality). Call inside a tidy.
 */
import { tf } from '../tf';
import { penaltyGradKernel } from '../ops/gan-kernels';
import { onWasm } from '../ops/wasm-heap';
import type { Scalar, Tensor1D, Tensor2D } from '@tensorflow/tfjs-core';
import type { Params } from '../types';

/** One forward pass and what backprop needs from it: each layer's input and each hidden layer's pre-activation. */
export interface Pass {
  inputs: Tensor2D[];
  hidden: Tensor2D[];
  /** The output, when asked for: gradients of the critic's losses never read it, only its value does. */
  out: Tensor2D | null;
}

/**
 * How far a pass goes: to the output; to the last layer's input (all a params gradient reads); or to the
 * last pre-activation (all an input gradient reads: the ReLU masks).
 */
export type PassEnd = 'out' | 'lastInput' | 'masks';

/** ReLU on hidden layers, linear output (nets.ts `forward` is this pass's `out`). */
export function forwardPass(params: Params, x: Tensor2D, end: PassEnd = 'out'): Pass {
  const layers = params.length / 2;
  const inputs: Tensor2D[] = [x];
  const hidden: Tensor2D[] = [];
  for (let l = 0; ; l++) {
    const z = tf.add(tf.matMul(inputs[l]!, params[2 * l] as Tensor2D), params[2 * l + 1]!) as Tensor2D;
    if (l === layers - 1) return { inputs, hidden, out: z };
    hidden.push(z);
    if (l === layers - 2 && end === 'masks') return { inputs, hidden, out: null };
    inputs.push(tf.relu(z));
    if (l === layers - 2 && end === 'lastInput') return { inputs, hidden, out: null };
  }
}

/** Ones of the output's shape: ∂(Σ out)/∂out, the start of an input gradient (the output need not exist). */
const onesOut = (params: Params, pass: Pass) => tf.ones([pass.inputs[0]!.shape[0], params[params.length - 2]!.shape[1]!]) as Tensor2D;

/**
 * Each weight matrix transposed, for the backward matMuls (tf.ts: wasm multiplies transposed operands in a
 * scalar loop). Made once per weight version and shared by every pass back through it: a new operand costs
 * a transpose and XNNPACK's packing of it, together about what the product itself costs at 64 units.
 */
export function transposes(params: Params): Tensor2D[] {
  return params.filter((_, i) => i % 2 === 0).map((w) => tf.transpose(w as Tensor2D));
}

/** 1 where a hidden unit is active: ReLU's derivative, as its gradient builds it. */
const maskOf = (z: Tensor2D) => tf.step(z);

/**
 * Back from dOut = ∂L/∂out through the pass: the params' gradients (`params`) and the input's
 * (`input`); what is not asked for is not computed (null).
 */
export function backward(params: Params, wT: Tensor2D[], pass: Pass, dOut: Tensor2D, want: { params: boolean; input: boolean }): { grads: Params | null; dx: Tensor2D | null } {
  const layers = params.length / 2;
  const grads: Params = [];
  let d = dOut;
  for (let l = layers - 1; l >= 0; l--) {
    if (want.params) {
      const x = pass.inputs[l]!;
      if (x.shape[1] < d.shape[1]) {
        // A narrow input (the 2 coordinates into layer 0): XNNPACK packs a matMul's right operand anew for
        // each new tensor, so (dᵀx)ᵀ packs x's 2 columns where xᵀd packs d's 64, for the same dot products
        // in the same order; and summing dᵀ's rows spares the transpose tf.sum(d, 0) makes inside.
        const dT = tf.transpose(d);
        grads[2 * l] = tf.transpose(tf.matMul(dT, x));
        grads[2 * l + 1] = tf.sum(dT, 1);
      } else {
        grads[2 * l] = tf.matMul(tf.transpose(x), d);
        grads[2 * l + 1] = tf.sum(d, 0);
      }
    }
    if (l === 0 && !want.input) break;
    const dIn = tf.matMul(d, wT[l]!) as Tensor2D;
    d = l > 0 ? tf.mul(dIn, maskOf(pass.hidden[l - 1]!)) : dIn;
  }
  return { grads: want.params ? grads : null, dx: want.input ? d : null };
}

/** ∇ₓ Σ f(x) for a scalar-output net, from a pass on x: nets.ts `inputGradNorms` before the norm. */
export function inputGradient(params: Params, wT: Tensor2D[], pass: Pass): Tensor2D {
  return backward(params, wT, pass, onesOut(params, pass), { params: false, input: true }).dx!;
}

/** ‖g‖₂ per row; ε keeps sqrt differentiable where every ReLU path is dead and g is exactly 0. */
export function rowNorms(g: Tensor2D): Tensor1D {
  return tf.sqrt(tf.add(tf.sum(tf.square(g), 1), 1e-12));
}

/**
 * The gradient penalty λ·mean((‖∇ₓD(x̂)‖ − 1)²) of WGAN-GP and its gradient with respect to the critic's
 * weights (its biases get none: ∇ₓD does not depend on them, and the masks are piecewise constant).
 * ∇ₓD(x̂) = δ₀W₀ᵀ with δ_{L−1} = 1 and δ_{l−1} = (δ_l W_lᵀ) ⊙ m_{l−1}; the penalty's gradient runs
 * back down that chain. `value` is the penalty without λ when `withValue` (only the reported loss needs it).
 */
export function penaltyGrads(params: Params, wT: Tensor2D[], xHat: Tensor2D, lambda: number, withValue: boolean): { grads: Tensor2D[]; value: Scalar | null } {
  const layers = params.length / 2;
  const w = (l: number) => params[2 * l] as Tensor2D;
  const pass = forwardPass(params, xHat, 'masks');
  const masks = pass.hidden.map(maskOf);
  // deltas[l] = δ_l; deltas[L−1] is the ones the inner gradient starts from.
  const deltas: Tensor2D[] = [];
  deltas[layers - 1] = onesOut(params, pass);
  for (let l = layers - 1; l > 0; l--) deltas[l - 1] = tf.mul(tf.matMul(deltas[l]!, wT[l]!), masks[l - 1]!);
  const g = tf.matMul(deltas[0]!, wT[0]!) as Tensor2D;
  const { dG, off } = onWasm() ? penaltyGradKernel(g, lambda) : penaltyGradByOps(g, lambda);
  const grads: Tensor2D[] = [];
  // g = δ₀ · transpose(W₀): autodiff reaches W₀ as transpose(δ₀ᵀ·dG), the same dot products as dGᵀ·δ₀ in
  // the same order (one transpose fewer), and δ₀ through transpose(transpose(W₀)), which is W₀.
  grads[0] = tf.matMul(tf.transpose(dG), deltas[0]!);
  let dDelta = tf.matMul(dG, w(0)) as Tensor2D;
  for (let l = 1; l < layers; l++) {
    const dA = tf.mul(dDelta, masks[l - 1]!);
    grads[l] = tf.matMul(tf.transpose(dA), deltas[l]!);
    if (l < layers - 1) dDelta = tf.matMul(dA, w(l)) as Tensor2D;
  }
  return { grads, value: withValue ? tf.mean(tf.square(off)) : null };
}

/**
 * ∂/∂g of λ·mean((‖g‖ − 1)²) and ‖g‖ − 1 per row, factor by factor as the Mean, Square, Sqrt and Square gradients
 * form it (the Sqrt gradient recomputes √ of the same sum, which is the norms bit for bit). On wasm
 * `penaltyGradKernel` (src/lab/ops/gan-kernels.ts) gives the same bits in one launch for these 13.
 */
export function penaltyGradByOps(g: Tensor2D, lambda: number): { dG: Tensor2D; off: Tensor1D } {
  const norms = rowNorms(g);
  const off = tf.sub(norms, 1);
  const n = norms.shape[0];
  const perRow = tf.div(tf.mul(tf.div(tf.scalar(lambda), n), tf.mul(off, 2)), tf.mul(norms, 2));
  return { dG: tf.mul(tf.reshape(perRow, [n, 1]), tf.mul(g, 2)) as Tensor2D, off: off as Tensor1D };
}
