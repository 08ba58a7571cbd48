/**
 * The phone profile of the browser tests and the bench: a 390×844 viewport at 3× density, touch
 * (pointer: coarse, touch events), a mobile viewport, and the CPU slowed 4× on the page and in its
 * workers.
 *
 * The page's main thread is slowed by Chromium itself (CDP Emulation.setCPUThrottlingRate). Chromium
 * refuses that command on worker targets ("Operation is only supported for pages, not workers"), and
 * the page's rate does not reach a worker (measured: a worker's busy loop kept its speed). So each
 * worker thread is slowed by Linux instead: the page's CDP session auto-attaches to workers, each
 * waiting at start, and before it runs its thread ("DedicatedWorker" in the browser's renderer
 * processes) joins a cgroup (v1 cpu controller) of its own allowed a quarter of a CPU: each worker is a
 * core 4× slower, as on a phone, whose cores outnumber the two workers a split run here starts. Where
 * that is not possible (no writable cgroup v1 cpu hierarchy, or not root) the workers run at full speed
 * and `workers` says why.
 */
import { mkdirSync, readdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';

export const PHONE_VIEWPORT = { width: 390, height: 844 };
export const CPU_SLOWDOWN = 4;

export const PHONE_CONTEXT = { viewport: PHONE_VIEWPORT, deviceScaleFactor: 3, hasTouch: true, isMobile: true } as const;

const CGROUP_ROOT = '/sys/fs/cgroup/cpu';
const CFS_PERIOD_US = 100_000;

export interface PhonePage {
  context: BrowserContext;
  page: Page;
  /** The page's CDP session (touch input goes through it). */
  cdp: CDPSession;
  /** "slowed 4× (cgroup)", or why the workers run at full speed. */
  workers: () => string;
  close: () => Promise<void>;
}

/** A cgroup allowing a 1/CPU_SLOWDOWN share of one CPU, or why there is none. */
function workerCgroup(name: string): { dir: string } | { reason: string } {
  const dir = `${CGROUP_ROOT}/bn-course-phone-${process.pid}-${Date.now()}-${name}`;
  try {
    mkdirSync(dir);
    writeFileSync(`${dir}/cpu.cfs_period_us`, String(CFS_PERIOD_US));
    writeFileSync(`${dir}/cpu.cfs_quota_us`, String(CFS_PERIOD_US / CPU_SLOWDOWN));
    return { dir };
  } catch (error) {
    return { reason: `workers not slowed: no cgroup v1 cpu quota here (${(error as Error).message})` };
  }
}

/** Removes an emptied cgroup: a thread that has just ended holds it busy for a moment. */
async function removeGroup(dir: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return rmdirSync(dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EBUSY' || attempt === 100) throw error;
      await new Promise((retry) => setTimeout(retry, 50));
    }
  }
}

/** The worker threads of the browser's renderer processes (their pids from CDP). */
async function workerThreads(browser: Browser): Promise<string[]> {
  const session = await browser.newBrowserCDPSession();
  const { processInfo } = (await session.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] };
  await session.detach();
  return processInfo
    .filter((p) => p.type === 'renderer')
    .flatMap(({ id }) => {
      try {
        return readdirSync(`/proc/${id}/task`).filter((tid) => readFileSync(`/proc/${id}/task/${tid}/comm`, 'utf8').trim() === 'DedicatedWorker');
      } catch {
        return []; // the process ended meanwhile
      }
    });
}

/** A fresh phone-profile page in `browser`, slowed before it loads anything. */
export async function openPhonePage(browser: Browser, { slowCpu = true } = {}): Promise<PhonePage> {
  const context = await browser.newContext(PHONE_CONTEXT);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  let workers = 'not slowed: this page runs at full speed';
  // Worker thread → its cgroup; the first group, made now, tells whether groups can be made at all.
  const groups = new Map<string, string>();
  const cgroup = slowCpu ? workerCgroup('0') : null;
  if (slowCpu) {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    if (cgroup && 'dir' in cgroup) {
      workers = `slowed ${CPU_SLOWDOWN}× each (a cgroup cpu quota per worker)`;
      const spare = [cgroup.dir];
      // A group that cannot be made (it could a moment ago) leaves the thread in the first one, slowed with it.
      const newGroup = () => {
        const made = spare.length > 0 ? { dir: spare.pop()! } : workerCgroup(String(groups.size));
        return 'dir' in made ? made.dir : cgroup.dir;
      };
      let message = 0;
      // Flat sessions would need raw access to playwright's connection: the older, nested mode
      // reaches the worker through this session (Target.sendMessageToTarget).
      cdp.on('Target.attachedToTarget', (event: { sessionId: string; targetInfo: { type: string } }) => {
        void (async () => {
          if (event.targetInfo.type === 'worker') {
            for (const tid of await workerThreads(browser)) {
              if (groups.has(tid)) continue;
              const dir = newGroup();
              groups.set(tid, dir);
              writeFileSync(`${dir}/tasks`, tid);
            }
          }
          await cdp.send('Target.sendMessageToTarget', { sessionId: event.sessionId, message: JSON.stringify({ id: ++message, method: 'Runtime.runIfWaitingForDebugger' }) });
        })().catch(() => undefined); // the page closed meanwhile
      });
      await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: false });
    } else if (cgroup) workers = cgroup.reason;
  }
  return {
    context,
    page,
    cdp,
    workers: () => workers,
    close: async () => {
      await context.close();
      if (!cgroup || !('dir' in cgroup)) return;
      for (const dir of new Set([cgroup.dir, ...groups.values()])) {
        // Threads still ending go back to the root group, so the group can go.
        for (const tid of readFileSync(`${dir}/tasks`, 'utf8').split('\n').filter(Boolean)) {
          try {
            writeFileSync(`${CGROUP_ROOT}/tasks`, tid);
          } catch {
            // it ended meanwhile
          }
        }
        await removeGroup(dir);
      }
    },
  };
}

/**
 * Drags with one finger from (x0, y0) to (x1, y1) in `steps` moves, as touch events (Chromium turns them
 * into pointer events of type "touch").
 */
export async function touchDrag(cdp: CDPSession, from: { x: number; y: number }, to: { x: number; y: number }, steps = 8): Promise<void> {
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [from] });
  for (let i = 1; i <= steps; i++) {
    const at = { x: from.x + ((to.x - from.x) * i) / steps, y: from.y + ((to.y - from.y) * i) / steps };
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [at] });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}
