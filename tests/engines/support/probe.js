/**
 * The engine tests' eyes inside a page. WebKit's driver speaks only classic WebDriver, which can run
 * a script on a page but not before its own scripts, nor hear its console; so the engine tests' server
 * (./server.ts) puts this file first in every page's <head>, and it records, from the first script on:
 *   errors     uncaught errors and rejections, console.error calls, resources that failed to load,
 *              Content-Security-Policy violations, and errors of the page's workers
 *   clipboard  every text the page wrote to the clipboard (a copied link), before the real write
 *   blobs      every Blob the page turned into a URL (an export's download), to read its text back
 * It is served only to the engine tests (never part of the site) and runs the same in every engine,
 * Chromium's reference runs included.
 */
(() => {
  const probe = { errors: [], clipboard: [], blobs: [] };
  window.__engineProbe = probe;
  const text = (value) => (value instanceof Error ? `${value.name}: ${value.message}` : String(value));

  addEventListener(
    'error',
    (event) => {
      if (event instanceof ErrorEvent) probe.errors.push(`uncaught: ${event.message} (${event.filename}:${event.lineno})`);
      // Resource errors do not bubble; in the capture phase they reach the window with their element.
      // Firefox fires `error` at the <link rel="modulepreload"> Vite adds for a lazy chunk's imports
      // when those modules are already loading (the modules load and run, the console stays silent);
      // a module that really is missing still shows in the server's log.
      else if (event.target?.rel === 'modulepreload') return;
      else if (event.target && event.target !== window) probe.errors.push(`failed to load: ${event.target.src || event.target.href || event.target.localName}`);
    },
    true,
  );
  addEventListener('unhandledrejection', (event) => probe.errors.push(`unhandled rejection: ${text(event.reason)}`));
  document.addEventListener('securitypolicyviolation', (event) => probe.errors.push(`CSP ${event.violatedDirective} blocked ${event.blockedURI}`));

  const consoleError = console.error.bind(console);
  console.error = (...args) => {
    probe.errors.push(`console.error: ${args.map(text).join(' ')}`);
    consoleError(...args);
  };

  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(url, options) {
      super(url, options);
      this.addEventListener('error', (event) => probe.errors.push(`worker error: ${event.message ?? 'failed to start'} (${String(url)})`));
      this.addEventListener('messageerror', () => probe.errors.push(`worker message could not be read (${String(url)})`));
    }
  };

  const createObjectURL = URL.createObjectURL.bind(URL);
  URL.createObjectURL = (object) => {
    if (object instanceof Blob) probe.blobs.push(object);
    return createObjectURL(object);
  };

  const clipboard = navigator.clipboard;
  if (clipboard?.writeText) {
    const writeText = clipboard.writeText.bind(clipboard);
    clipboard.writeText = (value) => {
      probe.clipboard.push(String(value));
      return writeText(value);
    };
  }
})();
