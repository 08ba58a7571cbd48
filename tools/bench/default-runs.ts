/**
 * Each live figure's default run, Play to "Finished", on its embed page, in one engine: Chromium for
 * `npm run bench`, or Firefox and WebKit run alone (the engine tests' sessions, tests/engines/):
 *   tsx tools/bench/default-runs.ts firefox
 * Runs named after the engine (a figure, or a figure and network as in the table) are measured alone,
 * and nothing is written:
 *   tsx tools/bench/default-runs.ts chromium gradient-shift "noise-injection (convnet)"
 * Cold: each figure's first Play loads the worker, tfjs, the .wasm and the data. Builds into a
 * temporary directory unless SITE_DIR names a build (site-build.ts).
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { WIDGETS } from '../../src/widgets/catalog';
import { launchChromiumSession } from '../../tests/engines/support/chromium';
import type { EngineName, EngineSession } from '../../tests/engines/support/engine';
import { control, progressOf, statusOf, until, waitForFigure } from '../../tests/engines/support/figure';
import { launchFirefoxSession } from '../../tests/engines/support/firefox';
import { launchWebKitSession } from '../../tests/engines/support/webkit';
import { serveProductionBuild } from './site-build';
import type { RunTimes } from '../../src/site/run-times';
import { TRACE_PLANS } from '../../src/traces/trace';

const LAUNCH: Record<EngineName, () => Promise<EngineSession>> = { chromium: launchChromiumSession, firefox: launchFirefoxSession, webkit: launchWebKitSession };
/** The slowest default run, in WebKit on a busy machine, stays well under this. */
const RUN_TIMEOUT_MS = 15 * 60_000;
/** Seconds from Play to "Finished" each figure's default run may take on the development machine (2 cores). */
const RUN_BUDGET_S: Record<string, number> = { 'wasserstein-critic': 15 };
const DEFAULT_RUN_BUDGET_S = 10;
/** The first steps of every arm, side by side, within this many seconds of Play: the comparison shows early. */
const EARLY_STEPS = 50;
const EARLY_BUDGET_S = 3;

export interface DefaultRun {
  slug: string;
  /** The network chosen, when not the figure's default (its run then has that network's presets). */
  model?: string;
  seconds: number;
  /** Seconds from Play until every arm had done EARLY_STEPS steps (the progress line's count), by the page's clock. */
  earlySeconds: number;
  /** The progress line at the end ("Step 300 of 300 · wasm backend"). */
  progress: string;
}

export const runBudget = (slug: string) => RUN_BUDGET_S[slug] ?? DEFAULT_RUN_BUDGET_S;

interface EarlyClock {
  played?: number;
  shown?: number;
}

/**
 * Run in the page before Play: the page's own clock, from the click on Play (its event's time stamp) to the DOM
 * change that first shows `steps` steps on the progress line. Reading the line from here every 100 ms, as the
 * run's end is read, added up to a poll's interval and the driver's round trips.
 */
function clockEarlySteps(slug: string, steps: number, play: HTMLElement): void {
  const figure = document.querySelector(`[data-widget="${slug}"]`);
  if (!figure) throw new Error(`no figure ${slug} on the page`);
  const clock: EarlyClock = {};
  (window as unknown as { earlyClock: EarlyClock }).earlyClock = clock;
  play.addEventListener('click', (event) => (clock.played ??= event.timeStamp), { once: true });
  const observer = new MutationObserver(() => {
    const shown = Number(/Step (\d+) of/.exec(figure.querySelector('.progress')?.textContent ?? '')?.[1] ?? 0);
    if (shown >= steps) {
      clock.shown = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(figure, { subtree: true, childList: true, characterData: true });
}

/**
 * Each live figure's default run, then its other networks' (the networks it has a precomputed trace of: the
 * figure offers those), chosen by link as a reader's "Network" choice would: the phone notice scales the run of
 * the network chosen.
 */
function figureRuns(only: readonly string[] = []): { slug: string; model?: string }[] {
  const all = WIDGETS.filter((w) => w.experiment !== null).flatMap(({ slug, experiment }) => [
    { slug },
    ...TRACE_PLANS.filter((p) => p.experiment === experiment && p.model !== undefined).map((p) => ({ slug, model: p.model! })),
  ]);
  return only.length === 0 ? all : all.filter((run) => only.includes(nameOf(run)));
}

const nameOf = (run: { slug: string; model?: string }) => (run.model ? `${run.slug} (${run.model})` : run.slug);

/** Every live figure's default run in `engine`, on the site served at `siteUrl`. */
export async function measureDefaultRuns(
  engine: EngineName,
  siteUrl: string,
  only: readonly string[] = [],
): Promise<{ version: string; runs: DefaultRun[] }> {
  const session = await LAUNCH[engine]();
  try {
    const runs: DefaultRun[] = [];
    for (const { slug, model } of figureRuns(only)) {
      await session.goto(new URL(`embed/${slug}/${model ? `?${slug}.model=${model}` : ''}`, siteUrl).href);
      await waitForFigure(session, slug);
      const play = await control(session, slug, 'button', 'Play');
      await session.evaluate(clockEarlySteps, slug, EARLY_STEPS, play as unknown as HTMLElement);
      const started = performance.now();
      const since = () => (performance.now() - started) / 1000;
      await session.click(play);
      await until(`${engine}: ${slug} finished`, () => statusOf(session, slug), (status) => /^Finished at step \d+\./.test(status), RUN_TIMEOUT_MS);
      const seconds = since();
      const clock = await session.evaluate(() => (window as unknown as { earlyClock: EarlyClock }).earlyClock);
      const earlySeconds = clock.played !== undefined && clock.shown !== undefined ? (clock.shown - clock.played) / 1000 : Number.NaN;
      runs.push({ slug, ...(model && { model }), seconds, earlySeconds, progress: await progressOf(session, slug) });
      process.stderr.write(`  ${engine} ${nameOf(runs.at(-1)!)}: ${runs.at(-1)!.seconds.toFixed(1)} s (${EARLY_STEPS} steps at ${earlySeconds.toFixed(1)} s)\n`);
    }
    return { version: session.version, runs };
  } finally {
    await session.close();
  }
}

/** The committed default-run times the instructors page shows (shape: src/site/run-times.ts): written here, never typed. */
export const RUN_TIMES_FILE = fileURLToPath(new URL('../../src/site/run-times.json', import.meta.url));

/** A fixed loop of arithmetic, the same on every measurement, whose time says how fast the machine runs at that moment. */
export const REFERENCE_LOOP = 'let x = 0; for (let i = 0; i < 3e8; i++) x = (x + i * 1.0000001) % 1e9';

/**
 * The machine as a measurement begins: its load average, and the seconds the reference loop takes now. The loop's
 * time is there because a shared virtual machine's speed drifts with nothing else of ours running (the same build
 * timed noise-injection's default run at 7.3, 15.8 and about 9 s within two hours, docs/performance.md): measurements
 * compare by it, not by their dates.
 */
export function machineBefore(): MachineBefore {
  const load = loadavg()[0]!;
  // The loop is run from its own text, so the text recorded with the times is the code that was timed.
  const loop = new Function(`${REFERENCE_LOOP}; return x;`) as () => number;
  const start = performance.now();
  // Its result is read, so the loop cannot be dropped as dead code.
  if (!Number.isFinite(loop())) throw new Error('the reference loop went non-finite');
  return { load, referenceLoopSeconds: Math.round((performance.now() - start) / 100) / 10 };
}

export interface MachineBefore {
  load: number;
  referenceLoopSeconds: number;
}

/** Writes Chromium's measured runs with the machine they ran on, as it was when the measurement began (`before`). */
export function writeRunTimes(version: string, runs: readonly DefaultRun[], before: MachineBefore): RunTimes {
  const processors = cpus();
  const times: RunTimes = {
    measured: new Date().toISOString().slice(0, 10),
    command: 'npm run bench',
    browser: version,
    machine: {
      cpus: processors.length,
      cpuModel: processors[0]?.model.trim() ?? 'unknown',
      loadAverage: [before.load, loadavg()[0]!].map((l) => Math.round(l * 10) / 10) as [number, number],
      referenceLoop: REFERENCE_LOOP,
      referenceLoopSeconds: before.referenceLoopSeconds,
    },
    runs: runs.map((r) => ({ slug: r.slug, ...(r.model && { model: r.model }), seconds: Math.round(r.seconds * 10) / 10, progress: r.progress })),
  };
  writeFileSync(RUN_TIMES_FILE, `${JSON.stringify(times, null, 2)}\n`);
  return times;
}

export function defaultRunTable(version: string, runs: DefaultRun[], before: MachineBefore): string {
  const width = Math.max(...runs.map((r) => nameOf(r).length));
  const verdict = (pass: boolean) => (pass ? 'met' : 'MISSED');
  return [
    `default runs, Play → "Finished" (${version}, embed pages, cold, 1280×800; the end polled every 100 ms, the first steps timed by the page; load average now ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores; the reference loop took ${before.referenceLoopSeconds} s before)`,
    ...runs.map((r) => {
      const time = r.seconds.toFixed(1).padStart(6);
      const early = r.earlySeconds.toFixed(1).padStart(5);
      // The budgets are the default runs' (issue 15); another network is the reader's choice, its time only reported.
      const verdicts = r.model
        ? `${time} s (network choice: no budget)  ${EARLY_STEPS} steps ${early} s`
        : `${time} s (≤ ${runBudget(r.slug)} s ${verdict(r.seconds <= runBudget(r.slug))})  ${EARLY_STEPS} steps ${early} s (≤ ${EARLY_BUDGET_S} s ${verdict(r.earlySeconds <= EARLY_BUDGET_S)})`;
      return `${nameOf(r).padEnd(width)}  ${verdicts}  ${r.progress}`;
    }),
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const engine = (process.argv[2] ?? 'chromium') as EngineName;
  if (!(engine in LAUNCH)) throw new Error(`unknown engine "${engine}": chromium, firefox or webkit`);
  const only = process.argv.slice(3);
  const unknown = only.filter((name) => !figureRuns().some((run) => nameOf(run) === name));
  if (unknown.length > 0) throw new Error(`no default run "${unknown.join('", "')}": ${figureRuns().map(nameOf).join(', ')}`);
  const site = await serveProductionBuild();
  try {
    const before = machineBefore();
    const { version, runs } = await measureDefaultRuns(engine, site.url, only);
    console.log(defaultRunTable(version, runs, before));
    // The instructors page quotes Chromium's times, the engine `npm run bench` measures, of every figure.
    if (engine === 'chromium' && only.length === 0) console.log(`written to ${RUN_TIMES_FILE}: ${JSON.stringify(writeRunTimes(version, runs, before))}`);
  } finally {
    await site.close();
  }
}
