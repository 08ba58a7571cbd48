/**
 * model=convnet in the five experiments that offer it: the convnet brings its own presets (overridable),
 * and its settings enter configHash only for convnet runs, so every MLP and DLN config hashes as it did
 * before the convnet existed (the committed traces and replication files stay valid).
 */
import { describe, expect, it } from 'vitest';
import { getExperiment } from '../../../src/lab/experiments/registry';
import { configHash, resolveConfig } from '../../../src/lab/schema';
import type { Config } from '../../../src/lab/types';

const CONVNET_EXPERIMENTS = ['bn-vs-standard', 'noisy-bn', 'ics-gradients', 'landscape', 'lp-norms'];
const CONVNET_KEYS = ['convBlocks', 'convsPerBlock', 'convChannels'];

describe.each(CONVNET_EXPERIMENTS)('%s with model=convnet', (id) => {
  const { schema, defaults } = getExperiment(id);

  it('takes the convnet’s presets unless they are set explicitly', () => {
    expect(resolveConfig(schema, { model: 'convnet' })).toMatchObject({ model: 'convnet', lr: 0.05, steps: 200, convBlocks: 2, convsPerBlock: 1, convChannels: 8 });
    expect(resolveConfig(schema, { model: 'convnet', lr: 0.01 })).toMatchObject({ lr: 0.01, steps: 200 });
    expect(resolveConfig(schema, {})).toEqual(defaults);
  });

  it('hashes the default network’s config without the convnet settings, and a convnet config with them', () => {
    const without = (config: Config, keys: string[]) => Object.fromEntries(Object.entries(config).filter(([k]) => !keys.includes(k)));
    const hashedBefore = schema.find((f) => f.key === 'model')?.hashedOnlyWhen ? [...CONVNET_KEYS, 'model'] : CONVNET_KEYS;
    expect(configHash(defaults, schema)).toBe(configHash(without(defaults, hashedBefore), schema));
    expect(configHash({ ...defaults, convChannels: 16 }, schema)).toBe(configHash(defaults, schema));
    const convnet = resolveConfig(schema, { model: 'convnet' });
    expect(configHash({ ...convnet, convChannels: 16 }, schema)).not.toBe(configHash(convnet, schema));
  });
});
