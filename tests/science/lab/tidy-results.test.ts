/**
 * Every scope the lab closes (each tf.tidy, and each tfjs op it calls) ends on a tensor, an array or
 * nothing, never an object: tfjs walks such a result with for…in, and V8 keeps deoptimizing that walk
 * when the objects vary (src/lab/tf.ts). Each experiment runs two steps, measuring at both (the second
 * measures changes since the first), on each network it offers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initBackend, tf } from '../../../src/lab/tf';
import { readDigitsFile } from '../../../src/lab/data/digits-file';
import { EXPERIMENT_IDS, getExperiment } from '../../../src/lab/experiments/registry';
import { resolveConfig } from '../../../src/lab/schema';
import type { Config, DigitData } from '../../../src/lab/types';

const MEASURE_KEYS = ['measureEvery', 'evalEvery', 'snapshotEvery'];
/**
 * tfjs's own: tf.grads and tf.valueAndGrads end their scope on {value, grads} (engine.gradients). Only the
 * spectral-norm experiment, which runs from the command line, differentiates with them.
 */
const TFJS_OWN: Record<string, string[]> = { 'spectral-norm': ['Object {value, grads}'] };

/** Each scope's result that is an object other than a tensor or an array, by its keys. */
const objectResults: string[] = [];
const engine = tf.engine();
const endScope = engine.endScope.bind(engine);
let digits: DigitData;

beforeAll(async () => {
  await initBackend('wasm');
  digits = await readDigitsFile();
  engine.endScope = (result) => {
    if (typeof result === 'object' && result !== null && !(result instanceof tf.Tensor) && !Array.isArray(result)) {
      objectResults.push(`${result.constructor?.name ?? 'Object'} {${Object.keys(result).slice(0, 4).join(', ')}}`);
    }
    endScope(result);
  };
});

afterAll(() => {
  engine.endScope = endScope;
});

/** Each experiment with each network it offers (its `model` field's options), measured at every step. */
const RUNS = EXPERIMENT_IDS.flatMap((id) => {
  const { schema, defaults } = getExperiment(id);
  const model = schema.find((f) => f.key === 'model');
  const models = model?.type === 'choice' ? model.options.map((o) => o.value) : [undefined];
  return models.map((m) => {
    const overrides: Config = { steps: 2, ...(m && { model: m }) };
    for (const key of MEASURE_KEYS) if (key in defaults) overrides[key] = 1;
    // The one layer every network has (its default is the deep linear network's).
    if ('icsLayer' in defaults) overrides.icsLayer = 2;
    const config = resolveConfig(schema, overrides);
    return { name: m ? `${id} (${m})` : id, id, config };
  });
});

describe('tidy results', () => {
  it('the probe sees an object result (tf.moments returns one)', () => {
    objectResults.length = 0;
    tf.dispose(Object.values(tf.moments(tf.ones([2, 2]), 0)));
    expect(objectResults).toEqual(['Object {mean, variance}']);
  });

  it.each(RUNS)('$name ends every scope on a tensor, an array or nothing', async ({ id, config }) => {
    objectResults.length = 0;
    for await (const record of getExperiment(id).run(config, { seed: 1, loadDigits: async () => digits })) expect(record.step).toBeLessThanOrEqual(2);
    expect([...new Set(objectResults)]).toEqual(TFJS_OWN[id] ?? []);
  });
});
