/** The MLP and DLN builders: parameter layout, bias dropped under normalization, shared seeded init. */
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../../src/lab/tf';
import { mlp } from '../../../src/lab/models/mlp';
import { dln } from '../../../src/lab/models/dln';
import { snapshot } from './helpers';

beforeAll(async () => {
  await initBackend('wasm');
});

describe('model builders', () => {
  it('an MLP with BatchNorm has W, γ, β per hidden layer and W, b at the output', () => {
    const model = mlp({ hiddenLayers: 2, width: 8, activation: 'relu', norm: 'batchnorm' });
    expect(model.specs.map((s) => s.name)).toEqual(['W1', 'gamma1', 'beta1', 'W2', 'gamma2', 'beta2', 'W3', 'b3']);
    expect(model.depth).toBe(3);
    expect(model.hiddenLayers).toEqual([1, 2]);
    expect(model.init(1).map((p) => p.shape)).toEqual([[784, 8], [8], [8], [8, 8], [8], [8], [8, 10], [10]]);
  });

  it('a plain MLP keeps its biases; its weights equal the BatchNorm MLP’s for the same seed', () => {
    const plain = mlp({ hiddenLayers: 2, width: 8, activation: 'relu', norm: 'none' });
    const bn = mlp({ hiddenLayers: 2, width: 8, activation: 'relu', norm: 'batchnorm' });
    expect(plain.specs.map((s) => s.name)).toEqual(['W1', 'b1', 'W2', 'b2', 'W3', 'b3']);
    const weights = (m: typeof plain) => snapshot(m.init(7).filter((_, i) => m.specs[i]!.kind === 'weight'));
    expect(weights(plain)).toEqual(weights(bn));
    expect(weights(plain)).not.toEqual(snapshot(plain.init(8).filter((_, i) => plain.specs[i]!.kind === 'weight')));
  });

  it('Glorot-uniform weights stay within ±√(6/(fan_in + fan_out)); γ = 1, β = 0', () => {
    const model = mlp({ hiddenLayers: 1, width: 16, activation: 'tanh', norm: 'l2' });
    const [w1, gamma, beta] = snapshot(model.init(3));
    const limit = Math.sqrt(6 / (784 + 16));
    expect(Math.max(...w1!.map(Math.abs))).toBeLessThanOrEqual(limit);
    expect(Math.max(...w1!.map(Math.abs))).toBeGreaterThan(0.95 * limit);
    expect(gamma).toEqual(Array(16).fill(1));
    expect(beta).toEqual(Array(16).fill(0));
  });

  it('a DLN has square layers and no biases; BatchNorm follows every layer but the last', () => {
    expect(dln({ layers: 3, dim: 4, norm: 'none' }).specs.map((s) => s.name)).toEqual(['W1', 'W2', 'W3']);
    expect(dln({ layers: 3, dim: 4, norm: 'batchnorm' }).specs.map((s) => s.name)).toEqual([
      'W1', 'gamma1', 'beta1', 'W2', 'gamma2', 'beta2', 'W3',
    ]);
  });
});
