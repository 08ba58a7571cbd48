/** The registry: the public ids and arms, each experiment's schema and defaults consistent. */
import { describe, expect, it } from 'vitest';
import { EXPERIMENT_IDS, getExperiment } from '../../../src/lab/experiments/registry';
import { checkValue, defaultsOf } from '../../../src/lab/schema';

const CONTRACT: Record<string, string[]> = {
  'bn-vs-standard': ['standard', 'batchnorm'],
  'noisy-bn': ['standard', 'batchnorm', 'noisy-batchnorm', 'standard-noisy'],
  'ics-gradients': ['standard', 'batchnorm'],
  landscape: ['standard', 'batchnorm'],
  'lp-norms': ['standard', 'batchnorm', 'l1', 'l2', 'linf'],
  wgan: ['clip', 'gp', 'sn'],
  'spectral-norm': ['power-iteration', 'critic'],
};

describe('experiment registry', () => {
  it('holds exactly the seven public ids with their public arms', () => {
    expect(EXPERIMENT_IDS).toEqual(Object.keys(CONTRACT));
    for (const [id, arms] of Object.entries(CONTRACT)) {
      const experiment = getExperiment(id);
      expect(experiment.id).toBe(id);
      expect([...experiment.arms]).toEqual(arms);
    }
  });

  it('gives every experiment valid defaults equal to its schema, and a step cap', () => {
    for (const id of EXPERIMENT_IDS) {
      const { schema, defaults } = getExperiment(id);
      expect(defaults).toEqual(defaultsOf(schema));
      for (const field of schema) expect(checkValue(field, field.default), `${id}.${field.key}`).toBeNull();
      expect(schema.find((f) => f.key === 'steps')?.type, id).toBe('number');
      expect(new Set(schema.map((f) => f.key)).size, id).toBe(schema.length);
    }
  });

  it('lists the valid ids when asked for an unknown one', () => {
    expect(() => getExperiment('bn')).toThrow(
      'unknown experiment "bn"; valid experiments: bn-vs-standard, noisy-bn, ics-gradients, landscape, lp-norms, wgan, spectral-norm',
    );
  });
});
