/**
 * Kernels written in JavaScript for the wasm backend: they read their inputs and write their outputs in place
 * on the backend's heap, where every tensor of that backend lives. Some of tfjs-backend-wasm 4.22's kernels
 * run a scalar loop with a call per row (Slice) or per window (MaxPoolWithArgmax), and a plain JavaScript
 * loop over the same memory is several times faster (docs/performance.md). Each such kernel reproduces the
 * bits of the ops it replaces; the cpu backend keeps those ops.
 */
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { KernelFunc, NamedAttrMap, NamedTensorInfoMap, TensorInfo } from '@tensorflow/tfjs-core';
import { tf } from '../tf';

export interface WasmKernelArgs {
  inputs: NamedTensorInfoMap;
  backend: BackendWasm;
  attrs: NamedAttrMap;
}

/** Register `run` as kernel `name` of the wasm backend only (tf.engine().runKernel(name, …) calls it). */
export function registerWasmKernel(name: string, run: (args: WasmKernelArgs) => TensorInfo | TensorInfo[]): void {
  tf.registerKernel({ kernelName: name, backendName: 'wasm', kernelFunc: run as unknown as KernelFunc });
}

/** Whether the lab's wasm kernels can run: the wasm backend is the one in use. */
export const onWasm = (): boolean => tf.getBackend() === 'wasm';

/**
 * A float32 tensor's elements on the heap. Take every view after the kernel's last `makeOutput`: an
 * allocation can grow the heap, which detaches the views taken before it.
 */
export function floatsOf(backend: BackendWasm, t: TensorInfo): Float32Array {
  return backend.typedArrayFromHeap(t) as Float32Array;
}

/** An int32 tensor's elements, or a float32 tensor's bits (a copy through them keeps every float as it was). */
export function wordsOf(backend: BackendWasm, t: TensorInfo): Int32Array {
  const view = backend.typedArrayFromHeap(t);
  return new Int32Array(view.buffer, view.byteOffset, view.length);
}
