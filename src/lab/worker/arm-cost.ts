/**
 * How long one step of an arm takes relative to the others, for sharing a run's arms out across workers
 * (split-client.ts): a part's run lasts as long as the sum of its arms' steps, so the costliest arms go
 * to different parts. Arms not listed count 1, and arms of equal cost are dealt out in turn, which pairs
 * the digits figures' cheaper plain arms with normalized ones.
 * The WGAN arms differ most: spectral normalisation adds power iterations and a normalised copy of the
 * critic to every critic step. Node, wasm, ms per generator iteration (default settings, interleaved runs
 * at load 6–7): clip 20.5, gp 22.9, sn 33.2, the ratios below.
 */
const RELATIVE_STEP_COST: Readonly<Record<string, number>> = { clip: 1, gp: 1.1, sn: 1.6 };

export const armCost = (arm: string): number => RELATIVE_STEP_COST[arm] ?? 1;
