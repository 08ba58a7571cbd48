/**
 * One unit's pre-activations, drawn from a right-skewed distribution whose population mean and
 * standard deviation are exactly the explorer's "shift" and "scale". Skewed on purpose: BatchNorm
 * standardizes the first two moments only, so the shape survives normalization, which the
 * histograms make visible.
 */
import type { Rng } from '../random';

/** Log-space standard deviation of the underlying lognormal; skewness ≈ 2.3. */
const LOG_SIGMA = 0.6;
const LOGNORMAL_MEAN = Math.exp((LOG_SIGMA * LOG_SIGMA) / 2);
const LOGNORMAL_STD = Math.sqrt((Math.exp(LOG_SIGMA * LOG_SIGMA) - 1) * Math.exp(LOG_SIGMA * LOG_SIGMA));

/** n draws with population mean `shift` and population standard deviation `scale`. */
export function drawPreActivations(rng: Rng, n: number, shift: number, scale: number): Float32Array {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const standardized = (Math.exp(LOG_SIGMA * rng.normal()) - LOGNORMAL_MEAN) / LOGNORMAL_STD;
    out[i] = shift + scale * standardized;
  }
  return out;
}
