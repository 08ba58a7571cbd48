/** The browser tests' main-thread budget reads Chromium's trace: what it counts, and that it refuses an empty trace. */
import { describe, expect, it } from 'vitest';
import { mainThreadTasks, type TraceEvent } from '../../browser/support/long-tasks';

const thread = (pid: number, tid: number, name: string): TraceEvent => ({ name: 'thread_name', ph: 'M', pid, tid, args: { name } });
const task = (pid: number, tid: number, wallMs: number, cpuMs: number): TraceEvent => ({ name: 'RunTask', ph: 'X', pid, tid, dur: wallMs * 1000, tdur: cpuMs * 1000 });

describe('mainThreadTasks', () => {
  const events = [
    thread(1, 10, 'CrRendererMain'),
    thread(1, 11, 'DedicatedWorker thread'),
    task(1, 10, 130, 3), // descheduled: long on the wall clock, little work
    task(1, 10, 61, 55.04),
    task(1, 10, 20, 20),
    task(1, 11, 900, 900), // the lab worker trains off the main thread: not counted
  ];

  it('counts the main thread’s CPU time per task, not wall time, and only renderer main threads', () => {
    expect(mainThreadTasks(events)).toEqual({ count: 3, overBudget: [55], longestCpuMs: 55, longestWallMs: 130 });
  });

  it('refuses a trace with no main-thread task or no thread times, rather than passing on nothing', () => {
    expect(() => mainThreadTasks(events.filter((e) => e.tid !== 10 || e.ph === 'M'))).toThrow(/no main-thread task/);
    expect(() => mainThreadTasks(events.map((e) => ({ ...e, tdur: undefined })))).toThrow(/no thread time for 3 of 3/);
  });
});
