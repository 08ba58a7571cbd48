/**
 * Local progress in the sidebar: a chapter visited is checked and counted and stays so after a
 * reload; the widgets' and self-checks' course:progress events move the counts and persist; Clear
 * asks first and empties everything; corrupt or blocked storage gives a notice, never a broken page.
 */
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { useChromium } from './support/browser';
import { axeViolations, siteUrl, watchPage, type PageWatch } from './support/site';

const KEY = 'bn-course:progress:v1';
const CH1 = '01-batch-normalization';
const CH2 = '02-does-batchnorm-reduce-ics';

const browser = useChromium();

interface Reader {
  context: BrowserContext;
  page: Page;
  watch: PageWatch;
}

/** A new reader (fresh storage) on chapter `id`, with `init` run before the page's own scripts. */
async function reader(id: string, init?: () => void): Promise<Reader> {
  const context = await browser().newContext({ viewport: { width: 1280, height: 800 } });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const watch = watchPage(page);
  await open(page, id);
  return { context, page, watch };
}

async function open(page: Page, id: string): Promise<void> {
  await page.goto(siteUrl(`chapters/${id}/`));
  await expect.poll(() => panel(page).isVisible()).toBe(true);
}

const panel = (page: Page) => page.getByRole('region', { name: 'Your progress' });
const count = (page: Page, name: 'chapters' | 'widgets' | 'checks') => panel(page).locator(`[data-count="${name}"]`).textContent();
const visitedMark = (page: Page, id: string) => page.locator(`[data-visited-mark="${id}"]`);
const notice = (page: Page) => panel(page).locator('.progress-notice');
const course = async (page: Page) =>
  JSON.parse((await panel(page).getAttribute('data-course'))!) as { chapters: string[]; widgets: string[]; checks: string[] };
const stored = (page: Page) => page.evaluate((key) => localStorage.getItem(key), KEY);

function dispatch(page: Page, kind: string, id: string): Promise<void> {
  return page.evaluate(
    ([kind, id]) => void window.dispatchEvent(new CustomEvent('course:progress', { detail: { kind, id } })),
    [kind, id] as const,
  );
}

/** "done/total", or the bare count when the course's total is unknown. */
const tally = (done: number, all: readonly unknown[]) => (all.length > 0 ? `${done}/${all.length}` : `${done}`);

describe('local progress', () => {
  it('checks a visited chapter and counts it, across reloads and pages', async () => {
    const { context, page, watch } = await reader(CH1);
    const { chapters } = await course(page);
    expect(await count(page, 'chapters')).toBe(`1/${chapters.length}`);
    expect(await visitedMark(page, CH1).isVisible()).toBe(true);
    expect(await visitedMark(page, CH2).isVisible()).toBe(false);

    await page.reload();
    await expect.poll(() => count(page, 'chapters')).toBe(`1/${chapters.length}`);
    expect(await visitedMark(page, CH1).isVisible()).toBe(true);

    await open(page, CH2);
    expect(await count(page, 'chapters')).toBe(`2/${chapters.length}`);
    expect(await visitedMark(page, CH1).isVisible()).toBe(true);
    expect(await visitedMark(page, CH2).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: /\(visited\)/ }).count()).toBe(2);
    expect(watch.consoleErrors).toEqual([]);
    await context.close();
  });

  it("counts the widgets' and self-checks' events once each, and keeps them after a reload", async () => {
    const { context, page, watch } = await reader(CH1);
    const { widgets, checks } = await course(page);
    expect(widgets.length).toBeGreaterThanOrEqual(2);
    const [first, second] = widgets as [string, string];
    const check = checks[0] ?? `${CH2}#1`;

    await dispatch(page, 'widget-run', first);
    await dispatch(page, 'widget-run', first);
    await dispatch(page, 'widget-run', second);
    await dispatch(page, 'self-check', check);
    await dispatch(page, 'something-else', first);
    expect(await count(page, 'widgets')).toBe(`2/${widgets.length}`);
    expect(await count(page, 'checks')).toBe(tally(1, checks));

    await page.reload();
    await expect.poll(() => count(page, 'widgets')).toBe(`2/${widgets.length}`);
    expect(await count(page, 'checks')).toBe(tally(1, checks));
    expect(JSON.parse((await stored(page))!)).toEqual({ visited: [CH1], widgets: [first, second], checks: [check] });
    expect(watch.consoleErrors).toEqual([]);
    await context.close();
  });

  it('clears everything only after the reader confirms', async () => {
    const { context, page } = await reader(CH1);
    const { chapters, widgets } = await course(page);
    await dispatch(page, 'widget-run', 'gradient-shift');
    const clear = panel(page).getByRole('button', { name: 'Clear progress' });

    page.once('dialog', (dialog) => void dialog.dismiss());
    await clear.click();
    expect(await count(page, 'widgets')).toBe(`1/${widgets.length}`);

    page.once('dialog', (dialog) => void dialog.accept());
    await clear.click();
    await expect.poll(() => count(page, 'widgets')).toBe(`0/${widgets.length}`);
    expect(await count(page, 'chapters')).toBe(`0/${chapters.length}`);
    expect(await visitedMark(page, CH1).isVisible()).toBe(false);
    expect(await notice(page).textContent()).toBe('Progress cleared.');
    expect(await stored(page)).toBeNull();
    await context.close();
  });

  it('starts again, with a notice, when the stored progress is corrupt', async () => {
    const { context, page, watch } = await reader(CH1, () => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem('bn-course:progress:v1', '{"visited": [1, 2');
        sessionStorage.setItem('seeded', '1');
      }
    });
    const { chapters } = await course(page);
    expect(await notice(page).textContent()).toContain('could not be read');
    expect(await count(page, 'chapters')).toBe(`1/${chapters.length}`);
    expect(JSON.parse((await stored(page))!).visited).toEqual([CH1]);
    await page.reload();
    await expect.poll(() => panel(page).isVisible()).toBe(true);
    expect(await notice(page).isVisible()).toBe(false);
    expect(watch.consoleErrors).toEqual([]);
    await context.close();
  });

  it('keeps counting on the page, with a notice, when the browser blocks storage', async () => {
    const { context, page, watch } = await reader(CH1, () => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
    });
    const { widgets } = await course(page);
    expect(await notice(page).textContent()).toContain('does not let the site store data');
    await dispatch(page, 'widget-run', 'noise-injection');
    expect(await count(page, 'widgets')).toBe(`1/${widgets.length}`);
    expect(await visitedMark(page, CH1).isVisible()).toBe(true);
    expect(watch.consoleErrors).toEqual([]);
    await context.close();
  });

  it('has no WCAG 2.2 AA violation in the sidebar with progress shown', async () => {
    const { context, page } = await reader(CH1);
    await dispatch(page, 'widget-run', 'noise-injection');
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
