/**
 * The studies the chapters quote (see StudyPlan in plan.ts): `npm run replicate -- <study>` measures
 * one and writes src/replication/studies/<study>.json. Pure data, like the claims' plan.
 */
import type { StudyPlan } from './plan';

export const STUDY_PLANS: readonly StudyPlan[] = [
  {
    study: 'landscape-wide-range',
    purpose: 'Chapter 5: the landscape probes reaching 16 times the learning rate, on the same small steps as R4 plus larger ones.',
    seeds: [1, 2, 3, 4, 5],
    runs: [
      {
        key: 'eta16',
        label: 'MLP, lr 0.1, η up to 16 × lr',
        experiment: 'landscape',
        overrides: { etaRange: 16 },
        metrics: ['lossBandMedian', 'gradChangeMedian', 'betaEffMedian'],
      },
    ],
  },
];
