/**
 * WebKit as an engine session: Debian's WebKitWebDriver (package webkit2gtk-driver) driving WebKitGTK's
 * MiniBrowser over classic WebDriver (HTTP; this WebKitGTK build has no WebDriver BiDi). MiniBrowser
 * draws into an X display, so the driver runs under xvfb-run (package xvfb) on a virtual screen. The
 * few endpoints used are spoken here directly with fetch: a client library would add nothing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { callSource, scrollIntoViewAtOnce, VIEWPORT, type ElementRef, type EngineSession, type Key, type PageFunction } from './engine';

const DRIVER = '/usr/bin/WebKitWebDriver';
const XVFB_RUN = '/usr/bin/xvfb-run';
/** A WebDriver element reference's key (W3C WebDriver, "web element identifier"). */
const ELEMENT_KEY = 'element-6066-11e4-a52e-4f735466cecf';
/** W3C WebDriver's code points for the keys the tests press (a printable key is itself). */
const KEY_CODES: Record<Key, string> = {
  ArrowLeft: '\uE012',
  ArrowUp: '\uE013',
  ArrowRight: '\uE014',
  ArrowDown: '\uE015',
  Enter: '\uE007',
  Space: '\uE00D',
  Home: '\uE011',
  End: '\uE010',
  Tab: '\uE004',
  Escape: '\uE00C',
  Backspace: '\uE003',
};
/** A cold MiniBrowser plus lazy tfjs on a busy 2-core machine: scripts get two minutes. */
const SCRIPT_TIMEOUT_MS = 120_000;

export function checkWebKit(): void {
  for (const [path, pkg] of [
    [DRIVER, 'webkit2gtk-driver'],
    [XVFB_RUN, 'xvfb'],
  ] as const) {
    if (!existsSync(path)) throw new Error(`No ${path} found: install it (Debian: apt-get install ${pkg}).`);
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const address = server.address();
  await new Promise<void>((closed) => server.close(() => closed()));
  if (!address || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

interface WebDriverReply {
  value: unknown;
}

/** The driver's HTTP endpoint, retried while the driver is still starting. */
function client(base: string) {
  return async function command<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
    const started = Date.now();
    for (;;) {
      let response: Response;
      try {
        response = await fetch(base + path, { method, headers: { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
      } catch (error) {
        // Refused until the driver listens (it starts in well under a second; ten is generous).
        if (Date.now() - started > 10_000) throw new Error(`WebKitWebDriver did not answer at ${base}: ${String(error)}`);
        await new Promise((retry) => setTimeout(retry, 100));
        continue;
      }
      const reply = (await response.json()) as WebDriverReply;
      const failure = reply.value as { error?: string; message?: string } | null;
      if (!response.ok || failure?.error) throw new Error(`WebDriver ${method} ${path}: ${failure?.error ?? response.status}: ${failure?.message ?? ''}`);
      return reply.value as T;
    }
  };
}

export async function launchWebKitSession(): Promise<EngineSession> {
  checkWebKit();
  const port = await freePort();
  // Its own process group, so closing ends xvfb-run, Xvfb, the driver and the browser together.
  const driver: ChildProcess = spawn(XVFB_RUN, ['-a', '-s', `-screen 0 ${VIEWPORT.width}x${VIEWPORT.height + 200}x24`, DRIVER, `--port=${port}`], {
    stdio: 'ignore',
    detached: true,
  });
  const command = client(`http://127.0.0.1:${port}`);
  const session = await command<{ sessionId: string; capabilities: { browserName: string; browserVersion: string } }>('POST', '/session', {
    capabilities: { alwaysMatch: { 'webkitgtk:browserOptions': { args: ['--automation'] } } },
  });
  const at = (path: string) => `/session/${session.sessionId}${path}`;
  const run = async (fn: PageFunction<unknown[], unknown>, args: unknown[]): Promise<unknown> => {
    const script = `const done = arguments[arguments.length - 1];
      Promise.resolve().then(() => ${callSource(fn)}(...Array.prototype.slice.call(arguments, 0, -1)))
        .then((value) => done({ value }), (error) => done({ error: String((error && error.stack) || error) }));`;
    const result = await command<{ value?: unknown; error?: string }>('POST', at('/execute/async'), { script, args });
    if (result.error) throw new Error(`in WebKit's page: ${result.error}`);
    return result.value;
  };
  await command('POST', at('/timeouts'), { script: SCRIPT_TIMEOUT_MS, pageLoad: SCRIPT_TIMEOUT_MS });
  // The window's size includes MiniBrowser's own frame: grow it by the difference to get the viewport.
  await command('POST', at('/window/rect'), VIEWPORT);
  const inner = await run(() => [innerWidth, innerHeight], []) as [number, number];
  await command('POST', at('/window/rect'), { width: 2 * VIEWPORT.width - inner[0], height: 2 * VIEWPORT.height - inner[1] });

  const id = (element: ElementRef) => (element as unknown as Record<string, string>)[ELEMENT_KEY];
  const keys = (values: string[]) =>
    command('POST', at('/actions'), {
      actions: [{ type: 'key', id: 'keyboard', actions: values.flatMap((value) => [{ type: 'keyDown', value }, { type: 'keyUp', value }]) }],
    });

  return {
    name: 'webkit',
    version: `WebKitGTK ${session.capabilities.browserVersion} (${session.capabilities.browserName})`,
    goto: async (url) => void (await command('POST', at('/url'), { url })),
    url: () => command<string>('GET', at('/url')),
    evaluate: (fn, ...args) => run(fn as PageFunction<unknown[], unknown>, args) as never,
    element: async (fn, ...args) => {
      const found = await run(fn as PageFunction<unknown[], unknown>, args);
      return found && typeof found === 'object' && ELEMENT_KEY in found ? (found as unknown as ElementRef) : null;
    },
    click: async (element) => {
      await run(scrollIntoViewAtOnce as PageFunction<unknown[], unknown>, [element]);
      await command('POST', at(`/element/${id(element)}/click`), {});
    },
    press: async (...pressed: Key[]) => void (await keys(pressed.map((key) => KEY_CODES[key]))),
    type: async (text) => void (await keys([...text])),
    driverErrors: () => [],
    close: async () => {
      await command('DELETE', at('')).catch(() => undefined);
      if (driver.pid) process.kill(-driver.pid, 'SIGTERM');
    },
  };
}
