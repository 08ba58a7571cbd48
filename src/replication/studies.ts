/**
 * The studies the chapters quote (see StudyPlan in plan.ts): `npm run replicate -- <study>` measures
 * one and writes src/replication/studies/<study>.json. Pure data, like the claims' plan.
 */
import type { StudyPlan } from './plan';

export const STUDY_PLANS: readonly StudyPlan[] = [];
