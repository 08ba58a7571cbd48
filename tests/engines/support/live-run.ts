/**
 * A live figure's short run, the same in every engine: its embed page with a seed and a step cap in the
 * link, Play, "Finished at step N.", then its data from the JSON export. Chromium's run is the
 * reference the other engines' numbers are compared with.
 */
import { WIDGETS } from '../../../src/widgets/catalog';
import type { EngineSession } from './engine';
import { control, exportedJson, progressOf, waitForFigure, waitForStatus, type ExportedData } from './figure';

/** Not the precomputed run's seed (1), so every number comes from the run itself. */
export const RUN_SEED = 3;
/**
 * Steps per run: seconds in each engine, and one more than the default interval (20 steps) of the
 * figures that measure only now and then (the landscape's probes, the critic's samples), so every
 * chart has a second point, at step 20.
 */
export const RUN_STEPS = 21;

/** The figures that train in the worker, by slug. */
export const LIVE_SLUGS: string[] = WIDGETS.filter((w) => w.experiment !== null).map((w) => w.slug);

/** The query a link to a seeded, capped run of `slug` carries. */
export const runQuery = (slug: string): Record<string, string> => ({ [`${slug}.seed`]: String(RUN_SEED), [`${slug}.steps`]: String(RUN_STEPS) });

export const embedUrl = (siteUrl: string, slug: string, query: Record<string, string> = {}): string => {
  const url = new URL(`embed/${slug}/`, siteUrl);
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  return url.href;
};

export interface RunResult {
  /** "wasm" or "cpu", as the figure's progress line names it. */
  backend: string;
  data: ExportedData;
}

/** Presses Play on the figure shown, waits for the end of its capped run and reads its backend and data. */
export async function finishRun(session: EngineSession, slug: string, start: () => Promise<void>): Promise<RunResult> {
  await start();
  await waitForStatus(session, slug, new RegExp(`^Finished at step ${RUN_STEPS}\\.`));
  const progress = await progressOf(session, slug);
  const backend = new RegExp(`^Step ${RUN_STEPS} of ${RUN_STEPS} · (wasm|cpu) backend$`).exec(progress)?.[1];
  if (!backend) throw new Error(`${session.name}: ${slug} ended with the progress line “${progress}”`);
  return { backend, data: await exportedJson(session, slug) };
}

/** The reference: `slug`'s seeded, capped run opened from its link and played with a click. */
export async function referenceRun(session: EngineSession, siteUrl: string, slug: string): Promise<RunResult> {
  await session.goto(embedUrl(siteUrl, slug, runQuery(slug)));
  await waitForFigure(session, slug);
  return finishRun(session, slug, async () => session.click(await control(session, slug, 'button', 'Play')));
}
