/**
 * How long one step of an arm takes relative to the others, for sharing a run's arms out across workers
 * (split-client.ts): a part's run lasts as long as the sum of its arms' steps, so the costliest arms go
 * to different parts. Arms not listed count 1, and arms of equal cost are dealt out in turn, which pairs
 * the digits figures' cheaper plain arms with normalized ones.
 * The WGAN arms differ most: the gradient penalty adds a second pass back through the critic, spectral
 * normalisation power iterations and a normalised copy of the critic to every critic step. Node, wasm, CPU
 * time per generator iteration with the hand-written gradients (default settings, the three arms in turn,
 * six runs at load 5–6, docs/performance.md): gp 1.43–1.47 and sn 1.35–1.55 times clip, the medians below.
 */
const RELATIVE_STEP_COST: Readonly<Record<string, number>> = { clip: 1, gp: 1.45, sn: 1.5 };

export const armCost = (arm: string): number => RELATIVE_STEP_COST[arm] ?? 1;
