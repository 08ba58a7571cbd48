/**
 * Functional optimisers over `Params` (plain tensor arrays, no tf.variable): `update` never mutates
 * its inputs and returns new parameters and a new state, so the same optimiser can also compute a
 * hypothetical step (G′ in Definition 2.1 needs "the step the earlier layers would take") and throw
 * it away. Ownership: the caller disposes the old params/state after a real step (`disposeState`),
 * and the new ones when it is done with them.
 */
import { tf } from '../tf';
import type { Tensor } from '@tensorflow/tfjs-core';
import type { Params } from '../types';

export interface OptimizerState {
  /** Number of updates taken so far (Adam's bias correction reads it). */
  readonly step: number;
  /** Per-parameter slot tensors, slot-major: for k slots and n params, slots[s·n + i]. */
  readonly slots: readonly Tensor[];
}

export interface Optimizer {
  readonly name: 'sgd' | 'adam' | 'rmsprop';
  readonly learningRate: number;
  /** Fresh state for these parameters (zero slots). */
  init(params: Params): OptimizerState;
  /** One step: new params and state; `params`, `grads` and `state` are left untouched. */
  update(params: Params, grads: Params, state: OptimizerState): { params: Params; state: OptimizerState };
  /** The same step as one kernel launch, on the wasm backend only (see `FusedOptimizer`); absent for SGD. */
  readonly fused?: FusedOptimizer;
}

/**
 * An optimiser's step as one wasm kernel (src/lab/ops/optimizer-kernels.ts), for nets bound by kernel launches: the
 * same bits as `update` followed by tf.clipByValue to [−clip, clip] when `clip` is given. Unlike `update` it is not
 * functional: its slots live in JavaScript memory and each step updates them in place.
 */
export interface FusedOptimizer {
  init(params: Params): FusedState;
  /** One step: the new params (the old ones are left untouched); `state` is advanced in place. */
  update(params: Params, grads: Params, state: FusedState, clip?: number): Params;
}

export interface FusedState {
  step: number;
  /** One array per slot (Adam's m and v, RMSProp's mean square), each flat over all the params in their order. */
  readonly slots: Float32Array[];
}

/** Zero slots for a fused step: `count` arrays as long as all the params together. */
export function zeroFusedState(params: Params, count: number): FusedState {
  const size = params.reduce((n, p) => n + p.size, 0);
  return { step: 0, slots: Array.from({ length: count }, () => new Float32Array(size)) };
}

export function disposeState(state: OptimizerState): void {
  tf.dispose([...state.slots]);
}

/** Zero slots, `count` per parameter, in the slot-major layout above. */
export function zeroSlots(params: Params, count: number): Tensor[] {
  const slots: Tensor[] = [];
  for (let s = 0; s < count; s++) for (const p of params) slots.push(tf.zerosLike(p));
  return slots;
}
