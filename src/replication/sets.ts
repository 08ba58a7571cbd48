/**
 * Every file `npm run replicate` writes, as one list: each claim's runs (plan.ts, seeds SEEDS) and each
 * study's (studies.ts, its own seeds). The script, the freshness test and the science tests read it,
 * so they agree on which runs a file holds and where it lives. Pure data, no tfjs.
 */
import { CLAIM_PLANS, SEEDS, type RunPlan } from './plan';
import { STUDY_PLANS } from './studies';

export interface MeasurementSet {
  /** The id on the command line and in messages: "R3" or a study's id. */
  id: string;
  /** Written first in the file: { claim: 'R3' } or { study: '…' }. */
  header: { claim: string } | { study: string };
  seeds: readonly number[];
  runs: readonly RunPlan[];
  /** Relative to the repository root. */
  path: string;
}

export const MEASUREMENT_SETS: readonly MeasurementSet[] = [
  ...CLAIM_PLANS.map((p) => ({ id: p.claim, header: { claim: p.claim }, seeds: SEEDS, runs: p.runs, path: `src/replication/${p.claim.toLowerCase()}.json` })),
  ...STUDY_PLANS.map((p) => ({ id: p.study, header: { study: p.study }, seeds: p.seeds, runs: p.runs, path: `src/replication/studies/${p.study}.json` })),
];

/** The command that re-measures one file. */
export const remakeCommand = (set: Pick<MeasurementSet, 'id'>) => `nice -n 10 npm run replicate -- ${set.id}`;
