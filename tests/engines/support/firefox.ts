/**
 * Firefox as an engine session: Debian's firefox-esr driven over WebDriver BiDi by puppeteer-core,
 * headless, with the fresh profile puppeteer writes (its preferences switch off updates, telemetry and
 * every other request of Firefox's own).
 */
import { existsSync } from 'node:fs';
import puppeteer, { type ElementHandle, type JSHandle, type KeyInput } from 'puppeteer-core';
import { pageFunction, scrollIntoViewAtOnce, VIEWPORT, type ElementRef, type EngineSession, type Key, type PageFunction } from './engine';

const CANDIDATES = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];

export function findFirefox(): string {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`FIREFOX_PATH is set to ${fromEnv}, but no file exists there.`);
    return fromEnv;
  }
  const found = CANDIDATES.find((path) => existsSync(path));
  if (!found) throw new Error(`No Firefox found (looked in ${CANDIDATES.join(', ')}). Install it (Debian: apt-get install firefox-esr) or set FIREFOX_PATH.`);
  return found;
}

export async function launchFirefoxSession(): Promise<EngineSession> {
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: findFirefox(), headless: true, defaultViewport: VIEWPORT });
  const page = (await browser.pages())[0] ?? (await browser.newPage());
  await page.setViewport(VIEWPORT);
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => errors.push(`uncaught: ${e instanceof Error ? e.message : String(e)}`));
  page.on('requestfailed', (r) => {
    // Firefox cancels a request itself when it is no longer needed (NS_BINDING_ABORTED: a module
    // preload of a module already loading, or a page left while loading); a file really missing is
    // an HTTP error in the server's log.
    if (r.failure()?.errorText !== 'NS_BINDING_ABORTED') errors.push(`${r.url()}: ${r.failure()?.errorText ?? 'failed'}`);
  });
  const handle = (element: ElementRef) => element as unknown as ElementHandle;
  return {
    name: 'firefox',
    version: (await browser.version()).replace('firefox/', 'Firefox '),
    goto: async (url) => void (await page.goto(url)),
    url: async () => page.url(),
    evaluate: (fn, ...args) => page.evaluate(pageFunction(fn as PageFunction<unknown[], unknown>) as never, ...(args as unknown as never[])) as never,
    element: async (fn, ...args) => {
      const found: JSHandle = await page.evaluateHandle(pageFunction(fn as PageFunction<unknown[], unknown>) as never, ...(args as unknown as never[]));
      const element = found.asElement();
      if (!element) await found.dispose();
      return element as unknown as ElementRef | null;
    },
    click: async (element) => {
      await handle(element).evaluate(scrollIntoViewAtOnce);
      await handle(element).click();
    },
    press: async (...keys: Key[]) => {
      // puppeteer names the space bar by its character.
      for (const key of keys) await page.keyboard.press((key === 'Space' ? ' ' : key) as KeyInput);
    },
    type: (text) => page.keyboard.type(text),
    driverErrors: () => [...errors],
    close: () => browser.close(),
  };
}
