/**
 * The engine fingerprint that every derived file stores (src/lab/engine-fingerprint.ts): it names its
 * version, it reads the constants from the modules that use them, and the one constant it cannot import
 * (the digit split, set by scripts/build-mnist.mjs) matches the data file the lab actually reads.
 */
import { describe, expect, it } from 'vitest';
import { readDigitsFile } from '../../../src/lab/data/digits-file';
import { DIGIT_CLASSES } from '../../../src/lab/data/digits';
import { DIGIT_SPLIT, ENGINE_CONSTANTS, ENGINE_FINGERPRINT, ENGINE_VERSION } from '../../../src/lab/engine-fingerprint';
import { BN_EPSILON } from '../../../src/lab/norms/batchnorm';
import { FINAL_LOSS_WINDOW } from '../../../src/lab/experiments/summary';

describe('engine fingerprint', () => {
  it('is the version and an 8-digit hash of the constants', () => {
    expect(ENGINE_FINGERPRINT).toMatch(new RegExp(`^v${ENGINE_VERSION}-[0-9a-f]{8}$`));
    expect(ENGINE_CONSTANTS.bnEpsilon).toBe(BN_EPSILON);
    expect(ENGINE_CONSTANTS.finalLossWindow).toBe(FINAL_LOSS_WINDOW);
  });

  it('states the digit split the data file really has', async () => {
    const digits = await readDigitsFile();
    expect(digits.train.count).toBe(DIGIT_SPLIT.trainPerClass * DIGIT_CLASSES);
    expect(digits.test.count).toBe(DIGIT_SPLIT.testPerClass * DIGIT_CLASSES);
  });
});
