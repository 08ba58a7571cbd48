/**
 * The main-thread budget (README, Quality budgets): while a widget trains, no task on the page's main thread over 50 ms.
 *
 * Measured as the main thread's own (CPU) time per task, from Chromium's trace, beside the wall-clock
 * durations the longtask API reports. On the 2-core CI machine the lab worker keeps one core busy, and
 * the main thread shares the other with the compositor, the test runner and the server: traces there
 * showed longtask entries of 61, 91 and 130 ms whose main thread ran for 23, 4 and 3 ms, the rest spent
 * descheduled. Wall-clock time gated at 50 ms failed CI at random on different figures; the CPU time is
 * what the page's code decides, and gating it at 50 ms still fails on what the budget is there to catch
 * (all charts drawn in one frame, tensor math or a big DOM rebuild on the main thread: 100-300 ms).
 */
import type { Page } from 'playwright-core';

export const LONG_TASK_MS = 50;

/** The trace events read here (Chromium's JSON trace format; times in microseconds). */
export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  /** Thread (CPU) time of a complete event. */
  tdur?: number;
  args?: { name?: string };
}

export interface MainThreadTasks {
  /** How many tasks the renderers' main threads ran in the window. */
  count: number;
  /** Main-thread (CPU) ms of each task whose CPU time exceeded LONG_TASK_MS. */
  overBudget: number[];
  /** The longest task's CPU and wall-clock ms. */
  longestCpuMs: number;
  longestWallMs: number;
}

/** The renderer main threads' tasks in a trace. Throws if it holds none: a gate that saw nothing passes nothing. */
export function mainThreadTasks(events: TraceEvent[]): MainThreadTasks {
  const mains = new Set(
    events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`),
  );
  const all = events.filter((e) => e.ph === 'X' && e.name === 'RunTask' && mains.has(`${e.pid}:${e.tid}`));
  if (all.length === 0) throw new Error('the trace holds no main-thread task: nothing was measured');
  // Chromium leaves the thread time off a few tasks (those cut by the trace's start or end).
  const tasks = all.filter((t) => t.tdur !== undefined);
  if (tasks.length < all.length / 2) throw new Error(`the trace gives no thread time for ${all.length - tasks.length} of ${all.length} main-thread tasks`);
  const ms = (us = 0) => Math.round(us / 100) / 10;
  return {
    count: tasks.length,
    overBudget: tasks.map((t) => ms(t.tdur)).filter((cpu) => cpu > LONG_TASK_MS),
    longestCpuMs: Math.max(...tasks.map((t) => ms(t.tdur))),
    longestWallMs: Math.max(...tasks.map((t) => ms(t.dur))),
  };
}

/**
 * Starts tracing the browser's main threads (one trace per browser at a time: each live-figure test
 * file has its own browser). The returned function stops the trace and reads it.
 */
export async function traceMainThread(page: Page): Promise<() => Promise<MainThreadTasks>> {
  const browser = page.context().browser();
  if (!browser) throw new Error('tracing needs a page of a launched browser');
  await browser.startTracing(page, { categories: ['disabled-by-default-devtools.timeline'] });
  return async () => mainThreadTasks((JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] }).traceEvents);
}
