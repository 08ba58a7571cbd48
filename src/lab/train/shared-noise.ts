/**
 * Algorithm 1's noise for a run's noisy arms (norms/noise.ts), drawn once per step for every arm that
 * needs the same shapes and strengths. Each noisy arm sees the same noise (R2 compares the arms on it):
 * every group of alike arms reads one copy of the seeded stream stream(seed, 'noise'), advanced one draw
 * per step while any of its arms trains, so an arm gets exactly the numbers a copy of its own would give,
 * whichever arms run beside it (a split run's worker, an arm that diverged). Drawing it once instead of
 * once per arm halves the random draws in JavaScript, about a tenth of the noise experiment's run on wasm,
 * wherever its two noisy arms train together: the CLI, the tests, a one-core device. (A page on two or more
 * cores trains them in different workers: split-client.ts deals them apart.)
 */
import { stream, type Rng } from '../random';
import type { LayerNoise } from '../types';
import { disposeNoise, drawNoise, type NoiseSpec } from '../norms/noise';

interface Group {
  rng: Rng;
  step: number;
  noise: Map<number, LayerNoise> | null;
}

export class SharedNoise {
  private readonly groups = new Map<string, Group>();

  constructor(private readonly seed: number) {}

  /** Step `step`'s noise for `m` samples and these layers (layer → units); the caller must not dispose it. */
  at(step: number, m: number, layerUnits: ReadonlyMap<number, number>, spec: NoiseSpec): ReadonlyMap<number, LayerNoise> {
    const key = JSON.stringify([m, [...layerUnits], spec]);
    let group = this.groups.get(key);
    if (!group) this.groups.set(key, (group = { rng: stream(this.seed, 'noise'), step: -1, noise: null }));
    if (group.step !== step) {
      if (group.noise) disposeNoise(group.noise);
      group.noise = drawNoise(group.rng, m, layerUnits, spec);
      group.step = step;
    }
    return group.noise!;
  }

  /** Frees the tensors drawn so far (after each step, and at the end of a run). */
  release(): void {
    for (const group of this.groups.values()) {
      if (group.noise) disposeNoise(group.noise);
      group.noise = null;
    }
  }
}
