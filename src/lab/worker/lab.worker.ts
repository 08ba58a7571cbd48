/**
 * The lab's Web Worker: all training runs here, never on the page's thread. The host does the work;
 * this file only connects it to the worker's message port. The backend (wasm from the self-hosted
 * files under the site's base path, else cpu with the reason reported in `ready`) is chosen by the
 * host on the first `start`.
 */
import { createLabHost } from './host';
import type { FromWorker, ToWorker } from './protocol';

/** The slice of DedicatedWorkerGlobalScope used here (the project compiles against the DOM lib). */
const scope = self as unknown as {
  postMessage(message: FromWorker): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
};

const onMessage = createLabHost((message) => scope.postMessage(message));
scope.onmessage = (event) => onMessage(event.data);
