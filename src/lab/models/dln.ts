/**
 * The deep linear network of the paper's Fig. 3 / App. A.1 at browser scale (docs/protocol.md, R3): K square
 * dim × dim linear layers, no biases, loss = SUM over samples of ‖W_1⋯W_K x − Ax‖² (the paper's tiny
 * lr and loss scale suggest a sum). A normalization, when chosen, follows every layer but the last.
 * Paper: K = 25, N = 1000, lr 1e-6; we use K = 10, N = 200 (R3 runs lr 1e-6 for 2,000 steps).
 */
import type { NormKind } from '../norms/normalization';
import { layeredModel, type LayeredModel } from './layered';

export interface DlnConfig {
  layers: number;
  dim: number;
  norm: NormKind;
}

export function dln({ layers, dim, norm }: DlnConfig): LayeredModel {
  return layeredModel({
    sizes: Array<number>(layers + 1).fill(dim),
    activation: 'linear',
    norm,
    bias: false,
    loss: 'sum-squared-error',
  });
}
