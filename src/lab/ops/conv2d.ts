/**
 * The lab's 2-D convolution. tfjs-backend-wasm 4.22 has Conv2D and Conv2DBackpropInput kernels but no
 * Conv2DBackpropFilter, so with tfjs-core's own Conv2D gradient a convolution cannot be trained on wasm at
 * all. Importing this module re-registers that gradient. The input gradient is a forward convolution of
 * dy with the filter flipped in space and its channels swapped, padded so each input position collects
 * every output it fed (wasm's Conv2D kernel runs ~4× faster than its Conv2DBackpropInput here). The filter
 * gradient is a forward convolution too (filterGradient), or, for one input channel, im2col + one
 * untransposed matMul, the product the lab already made fast on wasm (src/lab/tf.ts):
 *   dW[i, j, c, o] = Σ_{n,h,w} x_pad[n, h + i, w + j, c] · dy[n, h, w, o]  =  (colsᵀ · dy)[(i·kw + j)·cIn + c, o],
 * with colsᵀ built directly as [kh·kw·cIn, N·H·W] from x transposed once to [cIn, N, H, W] (a transpose
 * of x, nine times smaller than one of the columns). Lab code convolves through `conv2d` below, so the
 * registration is always in place before any training.
 *
 * Covered: NHWC, stride 1, dilation 1, padding 'same' or 'valid' (what the convnet uses). Anything else
 * keeps tfjs-core's gradient, which runs on the cpu backend only.
 */
import { tf } from '../tf';
import type { NamedAttrMap, Tensor, Tensor2D, Tensor4D } from '@tensorflow/tfjs-core';
import { conv2DGradConfig } from '@tensorflow/tfjs-core/dist/gradients/Conv2D_grad';
import { transposedColumnsKernel, type ColumnsWindow } from './im2col-kernel';
import { onWasm } from './wasm-heap';

export type ConvPadding = 'same' | 'valid';

/** Stride-1 NHWC convolution of x [N, H, W, cIn] with filter [kh, kw, cIn, cOut]. */
export function conv2d(x: Tensor4D, filter: Tensor4D, padding: ConvPadding): Tensor4D {
  return tf.conv2d(x, filter, 1, padding);
}

/** Rows before and after of 'same' padding for a kernel of size k at stride 1 (TensorFlow's split). */
function samePad(k: number): [number, number] {
  const before = Math.floor((k - 1) / 2);
  return [before, k - 1 - before];
}

/** dL/dx of `conv2d(x, W, padding)` for the output gradient dy: dy convolved with W rotated by 180° and
 *  transposed to [kh, kw, cOut, cIn], padded by k − 1 − (the forward's padding) on each side. */
export function inputGradient(dy: Tensor4D, filter: Tensor4D, padding: ConvPadding): Tensor4D {
  return tf.tidy(() => {
    const [kh, kw] = filter.shape;
    const [top, bottom] = padding === 'same' ? samePad(kh) : [0, 0];
    const [left, right] = padding === 'same' ? samePad(kw) : [0, 0];
    const flipped = tf.transpose(tf.reverse(filter, [0, 1]), [0, 1, 3, 2]) as Tensor4D;
    const pad: [[number, number], [number, number], [number, number], [number, number]] = [
      [0, 0],
      [kh - 1 - top, kh - 1 - bottom],
      [kw - 1 - left, kw - 1 - right],
      [0, 0],
    ];
    return tf.conv2d(dy, flipped, 1, pad);
  });
}

/**
 * dL/dW of `conv2d(x, W, padding)` for the output gradient dy. With one input channel (the first layer), as
 * im2col(x)ᵀ · dy; with more, as one forward convolution in which the batch is the contracted axis: x
 * transposed to [cIn, H, W, N] (padded as the forward pass was) convolved ('valid') with dy as a filter
 * [H, W, N, cOut] gives [cIn, kh, kw, cOut]. Measured on wasm (docs/performance.md): the convolution takes
 * half the time of im2col for 8 → 16 channels at 14×14, whose nine [cIn, N, H, W] slices copy rows of 14
 * floats one by one, but twice the time for one input channel, where im2col's slices are few and XNNPACK's
 * convolution with a 28×28 filter over one-pixel rows is slow.
 */
export function filterGradient(x: Tensor4D, dy: Tensor4D, filterShape: readonly number[], padding: ConvPadding): Tensor4D {
  return tf.tidy(() => {
    const [kh, kw, cIn, cOut] = filterShape as [number, number, number, number];
    if (cIn === 1) return im2colFilterGradient(x, dy, [kh, kw, cIn, cOut], padding);
    const spatial = padding === 'same' ? [samePad(kh), samePad(kw)] : [[0, 0] as [number, number], [0, 0] as [number, number]];
    const xT = tf.pad(tf.transpose(x, [3, 1, 2, 0]), [[0, 0], spatial[0]!, spatial[1]!, [0, 0]]) as Tensor4D;
    const dyAsFilter = tf.transpose(dy, [1, 2, 0, 3]) as Tensor4D;
    return tf.transpose(tf.conv2d(xT, dyAsFilter, 1, 'valid'), [1, 2, 0, 3]) as Tensor4D;
  });
}

/** dL/dW as im2col(x)ᵀ · dy, colsᵀ built directly as [kh·kw·cIn, N·H·W] (see the file's comment). */
function im2colFilterGradient(x: Tensor4D, dy: Tensor4D, [kh, kw, cIn, cOut]: readonly number[], padding: ConvPadding): Tensor4D {
  const [n, outH, outW] = dy.shape;
  const [top, left] = padding === 'same' ? [samePad(kh!)[0], samePad(kw!)[0]] : [0, 0];
  const window: ColumnsWindow = { kh: kh!, kw: kw!, top, left, outH, outW };
  // On wasm one JavaScript pass writes the same columns as the ops (im2col-kernel.ts), several times faster.
  const colsT = onWasm() ? transposedColumnsKernel(x, window) : transposedColumnsByOps(x, window);
  return tf.reshape(tf.matMul(colsT, tf.reshape(dy, [n * outH * outW, cOut!])), [kh!, kw!, cIn!, cOut!]) as Tensor4D;
}

/** colsᵀ from tfjs ops: x transposed to [cIn, N, H, W], padded, kh·kw shifted slices stacked. The cpu backend's
 *  way, and the reference the wasm kernel is tested against. */
export function transposedColumnsByOps(x: Tensor4D, { kh, kw, top, left, outH, outW }: ColumnsWindow): Tensor2D {
  const [n, h, w, cIn] = x.shape;
  let xT: Tensor = tf.transpose(x, [3, 0, 1, 2]);
  const [bottom, right] = [outH + kh - 1 - h - top, outW + kw - 1 - w - left];
  if (top || bottom || left || right) xT = tf.pad(xT, [[0, 0], [0, 0], [top, bottom], [left, right]]);
  const shifted: Tensor[] = [];
  for (let i = 0; i < kh; i++) {
    for (let j = 0; j < kw; j++) shifted.push(tf.slice(xT, [0, 0, i, j], [cIn, n, outH, outW]));
  }
  return tf.reshape(tf.stack(shifted), [kh * kw * cIn, n * outH * outW]);
}

interface Conv2DAttrs {
  strides: number | [number, number];
  pad: unknown;
  dataFormat: string;
  dilations: number | [number, number];
}

const isOne = (v: number | [number, number]) => (Array.isArray(v) ? v.every((e) => e === 1) : v === 1);

tf.registerGradient({
  kernelName: tf.Conv2D,
  inputsToSave: ['x', 'filter'],
  gradFunc: (dy: Tensor | Tensor[], saved: Tensor[], attrs: NamedAttrMap) => {
    const { strides, pad, dataFormat, dilations } = attrs as unknown as Conv2DAttrs;
    const covered = dataFormat === 'NHWC' && isOne(strides) && isOne(dilations) && (pad === 'same' || pad === 'valid');
    if (!covered) return conv2DGradConfig.gradFunc(dy, saved, attrs);
    const [x, filter] = saved as [Tensor4D, Tensor4D];
    const g = dy as Tensor4D;
    return {
      x: () => inputGradient(g, filter, pad as ConvPadding),
      filter: () => filterGradient(x, g, filter.shape, pad as ConvPadding),
    };
  },
});
