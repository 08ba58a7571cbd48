/**
 * Listens in on the lab workers' messages from the page's side, without any hook in the app: an init
 * script wraps `Worker` so each worker's messages (all but the metric batches) are kept per worker,
 * in order, on `window`. The browser tests read backends, states and `numTensors` from them.
 */
import type { Page } from 'playwright-core';

export interface LabMessage {
  /** 0 for the page's first worker, 1 for the next, … */
  worker: number;
  type: string;
  state?: string;
  step?: number;
  backend?: string;
  fallbackReason?: string;
  numTensors?: number;
  message?: string;
}

interface Recorder {
  labMessages: LabMessage[];
}

/** Call before the page loads (it installs an init script). */
export async function recordLabMessages(page: Page): Promise<() => Promise<LabMessage[]>> {
  await page.addInitScript(() => {
    const w = window as unknown as Recorder & { Worker: typeof Worker };
    w.labMessages = [];
    let workers = 0;
    const Native = w.Worker;
    w.Worker = class extends Native {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        const worker = workers++;
        this.addEventListener('message', (event: MessageEvent) => {
          const { type, state, step, backend, fallbackReason, numTensors, message } = event.data ?? {};
          if (type !== 'metrics' && type !== 'progress') w.labMessages.push({ worker, type, state, step, backend, fallbackReason, numTensors, message });
        });
      }
    };
  });
  return () => page.evaluate(() => (window as unknown as Recorder).labMessages);
}
