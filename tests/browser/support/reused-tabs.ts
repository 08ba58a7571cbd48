/**
 * Tabs a file reuses from test to test, one per test running at the same time, as a reader goes from page to
 * page in one tab. A fresh browser context for each page load cost Chromium a renderer's start and the site's
 * scripts and axe compiled again every time: ten pages hydrated and checked with axe took 52 s of the machine's
 * CPU in fresh contexts and 23 s in one reused tab (2026-12-05, 2 cores); the site walk fell from 323 s to 184.
 *
 * Before each test a tab is cleared, so no page sees what an earlier one left: the last document is unloaded
 * (about:blank, which also ends its workers), the site's storage is deleted (a reader's progress, theme choice and
 * pinned runs live there), and the file's `restore` puts back what its tests change (colour scheme, size, recorders).
 * A test that throws closes its tab instead of handing it on. The pool closes its tabs by their contexts.
 */
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { baseUrl } from './site';

export interface Tab {
  context: BrowserContext;
  page: Page;
}

export interface TabPool<T extends Tab> {
  /** Runs `test` in a free tab (opened when none is), cleared first. */
  use<R>(test: (tab: T) => Promise<R>): Promise<R>;
  /** Closes every tab: call after the file's tests. */
  close(): Promise<void>;
}

export function tabPool<T extends Tab>(open: () => Promise<T>, restore: (tab: T) => Promise<void>): TabPool<T> {
  const free: T[] = [];
  const opened = new Set<T>();
  const sessions = new WeakMap<T, CDPSession>();

  async function clear(tab: T): Promise<void> {
    await tab.page.goto('about:blank');
    let cdp = sessions.get(tab);
    if (!cdp) {
      cdp = await tab.context.newCDPSession(tab.page);
      sessions.set(tab, cdp);
    }
    await cdp.send('Storage.clearDataForOrigin', { origin: new URL(baseUrl()).origin, storageTypes: 'all' });
    await restore(tab);
  }

  return {
    async use(test) {
      let tab = free.pop();
      if (!tab) {
        tab = await open();
        opened.add(tab);
      }
      try {
        await clear(tab);
        const result = await test(tab);
        free.push(tab);
        return result;
      } catch (error) {
        opened.delete(tab);
        await tab.context.close().catch(() => undefined);
        throw error;
      }
    },
    async close() {
      await Promise.all([...opened].map((tab) => tab.context.close()));
      opened.clear();
      free.length = 0;
    },
  };
}
