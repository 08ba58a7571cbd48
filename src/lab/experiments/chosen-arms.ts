/**
 * The arms a run trains: all of the experiment's, or the subset its context names. Every arm of an
 * experiment here is trained on its own (its own parameters, optimiser and random streams; batches and
 * noise drawn from seeded streams per arm), so an arm's records do not depend on which other arms run
 * beside it: the page splits a run's arms across workers this way and gets the numbers of one run.
 */
import type { RunContext } from '../types';

export function chosenArms<A extends string>(all: readonly A[], ctx: Pick<RunContext, 'arms'>): A[] {
  if (!ctx.arms) return [...all];
  const unknown = ctx.arms.filter((arm) => !(all as readonly string[]).includes(arm));
  if (unknown.length > 0) throw new Error(`unknown arm ${unknown.map((a) => `"${a}"`).join(', ')}; the arms are ${all.join(', ')}`);
  // In the experiment's own order, whatever the order asked for.
  return all.filter((arm) => ctx.arms!.includes(arm));
}
