/** Small numeric helpers on plain JS numbers (everything here runs after values left the tensors). */

/** Linear-interpolated quantile q ∈ [0, 1] of the values (type 7, as numpy's default). */
export function quantile(values: ArrayLike<number>, q: number): number {
  return quantiles(values, [q])[0]!;
}

/**
 * Several quantiles of the same values from one sort: a convnet channel's activations are 50,000 values a step,
 * and sorting them once per quantile was a sixth of a convnet run's time.
 */
export function quantiles(values: ArrayLike<number>, qs: readonly number[]): number[] {
  const sorted = Float64Array.from(values).sort();
  return qs.map((q) => {
    if (sorted.length === 0) return Number.NaN;
    const pos = (sorted.length - 1) * q;
    const lo = Math.floor(pos);
    const hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
  });
}

export function median(values: ArrayLike<number>): number {
  return quantile(values, 0.5);
}

export function mean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  return values.length === 0 ? Number.NaN : sum / values.length;
}

/** Mean of |a_i − b_i|. */
export function meanAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i]! - b[i]!);
  return sum / a.length;
}
