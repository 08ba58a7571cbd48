/**
 * The noise a run's noisy arms share (src/lab/train/shared-noise.ts): one draw per step for alike arms,
 * equal to what each arm's own copy of stream(seed, 'noise') gives, whichever arms ask on which steps.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend, tf } from '../../../src/lab/tf';
import { stream } from '../../../src/lab/random';
import { ALGORITHM_1, drawNoiseArrays } from '../../../src/lab/norms/noise';
import { SharedNoise } from '../../../src/lab/train/shared-noise';

beforeAll(async () => {
  await initBackend('wasm');
});

const LAYERS = new Map([
  [1, 6],
  [2, 4],
]);
const M = 5;

/** What an arm's own stream gives at each of `steps` steps, layer by layer (scale, then shift). */
function ownDraws(seed: number, steps: number, spec = ALGORITHM_1): number[][][] {
  const rng = stream(seed, 'noise');
  return Array.from({ length: steps }, () => [...LAYERS].flatMap(([, units]) => Object.values(drawNoiseArrays(rng, M, units, spec)).map((a) => Array.from(a as Float32Array))));
}

const read = (noise: ReadonlyMap<number, { scale: tf.Tensor; shift: tf.Tensor }>) =>
  [...noise.values()].flatMap(({ scale, shift }) => [Array.from(scale.dataSync()), Array.from(shift.dataSync())]);

describe('noise shared by alike noisy arms', () => {
  it('gives every arm of a step the same tensors, drawn once, equal to an arm drawing its own', () => {
    const own = ownDraws(3, 4);
    const before = tf.memory().numTensors;
    const shared = new SharedNoise(3);
    for (let step = 0; step < 4; step++) {
      const first = shared.at(step, M, LAYERS, ALGORITHM_1);
      expect(shared.at(step, M, LAYERS, ALGORITHM_1)).toBe(first);
      expect(read(first)).toEqual(own[step]);
      shared.release();
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  // Which arm asks on which step (one diverged, a split run's worker) is covered end to end by
  // tests/unit/worker/split-client.test.ts, which compares a noisy run's records across workers.
  it('keeps unlike arms apart: another noise strength draws from its own copy of the stream', () => {
    const stronger = { ...ALGORITHM_1, scaleMax: 2 };
    const shared = new SharedNoise(3);
    expect(read(shared.at(0, M, LAYERS, ALGORITHM_1))).toEqual(ownDraws(3, 1)[0]);
    expect(read(shared.at(0, M, LAYERS, stronger))).toEqual(ownDraws(3, 1, stronger)[0]);
    shared.release();
  });
});
