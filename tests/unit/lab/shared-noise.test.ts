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
function ownDraws(seed: number, steps: number): number[][][] {
  const rng = stream(seed, 'noise');
  return Array.from({ length: steps }, () => [...LAYERS].flatMap(([, units]) => Object.values(drawNoiseArrays(rng, M, units, ALGORITHM_1)).map((a) => Array.from(a as Float32Array))));
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

  it('goes on from where it stopped when the arm asking changes (one diverged), and keeps unlike arms apart', () => {
    const own = ownDraws(3, 3);
    const shared = new SharedNoise(3);
    // Steps 0 and 1 asked by one arm, step 2 by the other: the stream advanced once per step either way.
    for (let step = 0; step < 3; step++) {
      expect(read(shared.at(step, M, LAYERS, ALGORITHM_1))).toEqual(own[step]);
      shared.release();
    }
    // Another noise strength is another group, with its own copy of the stream from the start.
    const stronger = { ...ALGORITHM_1, scaleMax: 2 };
    const rng = stream(3, 'noise');
    const expected = [...LAYERS].flatMap(([, units]) => Object.values(drawNoiseArrays(rng, M, units, stronger)).map((a) => Array.from(a as Float32Array)));
    expect(read(shared.at(3, M, LAYERS, stronger))).toEqual(expected);
    shared.release();
  });
});
