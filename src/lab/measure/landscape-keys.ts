/**
 * Names of the per-step-size landscape metrics, shared by the probe (measure/landscape.ts) and the
 * widgets that draw them. tfjs-free. Index k is the k-th probed η, in the order the experiment lists
 * its step sizes (ascending).
 */
export type PerEtaMetric = 'loss' | 'gradChange';

/** e.g. perEtaKey('loss', 2) = 'loss.eta2': L(w − η₂g); 'gradChange.eta2' = ‖g − ∇L(w − η₂g)‖. */
export const perEtaKey = (metric: PerEtaMetric, k: number): `${PerEtaMetric}.eta${number}` => `${metric}.eta${k}`;
