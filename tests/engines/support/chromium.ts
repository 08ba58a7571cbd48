/** Chromium as an engine session (playwright-core over CDP), for the reference runs the other engines are compared with. */
import type { ElementHandle, Page } from 'playwright-core';
import { launchChromium } from '../../browser/support/browser';
import { callSource, scrollIntoViewAtOnce, VIEWPORT, type ElementRef, type EngineSession, type Key, type PageFunction } from './engine';

export async function launchChromiumSession(): Promise<EngineSession> {
  const browser = await launchChromium();
  const page: Page = await (await browser.newContext({ viewport: VIEWPORT })).newPage();
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  page.on('requestfailed', (r) => errors.push(`${r.url()}: ${r.failure()?.errorText ?? 'failed'}`));
  // playwright hands a function one argument: the caller's arguments go as one array.
  const applied = (fn: PageFunction<unknown[], unknown>) => new Function('args', `return ${callSource(fn)}(...args)`) as (args: unknown[]) => unknown;
  const handle = (element: ElementRef) => element as unknown as ElementHandle;
  return {
    name: 'chromium',
    version: `Chromium ${browser.version()}`,
    goto: async (url) => void (await page.goto(url)),
    url: async () => page.url(),
    evaluate: (fn, ...args) => page.evaluate(applied(fn as PageFunction<unknown[], unknown>), args) as never,
    element: async (fn, ...args) => {
      const found = await page.evaluateHandle(applied(fn as PageFunction<unknown[], unknown>), args);
      const element = found.asElement();
      if (!element) await found.dispose();
      return element as unknown as ElementRef | null;
    },
    click: async (element) => {
      await handle(element).evaluate(scrollIntoViewAtOnce);
      await handle(element).click();
    },
    press: async (...keys: Key[]) => {
      for (const key of keys) await page.keyboard.press(key);
    },
    type: (text) => page.keyboard.type(text),
    driverErrors: () => [...errors],
    close: () => browser.close(),
  };
}
