/**
 * How many committed seeds agree with a figure's claim: the replication page's own check (claims.ts),
 * evaluated on its files (report.ts), as <Measured form="check"> counts it. Loaded on demand: the claims
 * bring every replication file, which a figure needs only once its seeds are shown.
 */
import type { BandPlan } from '../../traces/band';

export interface Agreement {
  /** The check in words (claims.ts). */
  check: string;
  holdsOn: number[];
  seeds: number[];
}

/** The claim's check evaluated on its committed seeds; throws when the plan names no single check. */
export async function agreementOf(plan: Pick<BandPlan, 'claim' | 'check'>): Promise<Agreement> {
  const [{ CLAIMS }, { evaluateCheck }] = await Promise.all([import('../../replication/claims'), import('../../replication/report')]);
  const claim = CLAIMS.find((c) => c.id === plan.claim);
  const checks = claim?.checks.filter((c) => c.text.startsWith(plan.check)) ?? [];
  if (!claim || checks.length !== 1) throw new Error(`${plan.claim}: "${plan.check}" names ${checks.length} checks`);
  const result = evaluateCheck(claim.file, checks[0]!);
  return { check: result.text, holdsOn: result.holdsOn, seeds: result.seeds };
}
