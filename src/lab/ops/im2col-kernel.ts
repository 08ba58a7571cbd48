/**
 * The columns of conv2d.ts's im2col filter gradient, colsᵀ [kh·kw·cIn, N·outH·outW], as one wasm kernel written
 * in JavaScript (wasm-heap.ts). From tfjs ops they take a transpose of x, a pad, kh·kw slices and a stack, and
 * wasm's Slice copies rows of outW floats one call at a time: for the first layer (one input channel) that was
 * about 12 % of a BatchNorm convnet step. Here one pass over x copies each element's bits and writes +0 where the
 * padding is, as tf.pad does, so the columns are those ops' bit for bit:
 *   colsᵀ[(i·kw + j)·cIn + c, (n·outH + y)·outW + x] = x[n, y + i − top, x + j − left, c], or +0 outside x.
 */
import { tf } from '../tf';
import type { Tensor2D, Tensor4D } from '@tensorflow/tfjs-core';
import { registerWasmKernel, wordsOf } from './wasm-heap';

const COLUMNS = 'LabTransposedColumns';

/** The kernel's window: its size, where it starts above and left of each output position, the output's size. */
export interface ColumnsWindow {
  kh: number;
  kw: number;
  top: number;
  left: number;
  outH: number;
  outW: number;
}

/**
 * One image's shifted copy when the columns' rows are as long as x's (one channel, 'same'): its rows are then one
 * run of x, moved by one memmove within the heap; the columns that run wraps into from the next row are zeroed after
 * (the run may start or end up to kw − 1 words outside x, which land in those columns).
 */
function copyImage(dst: Int32Array, src: Int32Array, d: number, shift: number, [yFrom, yTo]: readonly number[], [from, to]: readonly number[], w: number): void {
  const heap = new Int32Array(src.buffer);
  const [srcAt, dstAt] = [src.byteOffset / 4 + shift, dst.byteOffset / 4 + d];
  heap.copyWithin(dstAt + yFrom! * w, srcAt + yFrom! * w, srcAt + yTo! * w);
  for (let y = yFrom!; y < yTo!; y++) {
    for (let xo = 0; xo < from!; xo++) dst[d + y * w + xo] = 0;
    for (let xo = to!; xo < w; xo++) dst[d + y * w + xo] = 0;
  }
}

registerWasmKernel(COLUMNS, ({ inputs, backend, attrs }) => {
  const x = inputs['x']!;
  const [n, h, w, cIn] = x.shape as [number, number, number, number];
  const { kh, kw, top, left, outH, outW } = attrs as unknown as ColumnsWindow;
  const cols = backend.makeOutput([kh * kw * cIn, n * outH * outW], 'float32');
  const [src, dst] = [wordsOf(backend, x), wordsOf(backend, cols)];
  // The padding's zeros first, in one call: a call per row (fill, copyWithin) cost more than the copying.
  dst.fill(0);
  let d = 0;
  for (let i = 0; i < kh; i++) {
    for (let j = 0; j < kw; j++) {
      // The output columns whose source column x + j − left lies inside x, and the rows whose source row does.
      const [from, to] = [Math.max(0, left - j), Math.min(outW, w + left - j)];
      const [yFrom, yTo] = [Math.max(0, top - i), Math.min(outH, h + top - i)];
      for (let c = 0; c < cIn; c++) {
        for (let b = 0; b < n; b++, d += outH * outW) {
          const shift = (b * h + i - top) * w + j - left; // x's pixel of output (0, 0), were it inside x
          if (cIn === 1 && outW === w) copyImage(dst, src, d, shift, [yFrom, yTo], [from, to], w);
          else {
            for (let y = yFrom; y < yTo; y++) {
              for (let xo = from; xo < to; xo++) dst[d + y * outW + xo] = src[(shift + y * w + xo) * cIn + c]!;
            }
          }
        }
      }
    }
  }
  return cols;
});

/** colsᵀ of x [N, H, W, cIn] for `window`, on wasm. */
export function transposedColumnsKernel(x: Tensor4D, window: ColumnsWindow): Tensor2D {
  return tf.engine().runKernel(COLUMNS, { x }, { ...window }) as Tensor2D;
}
