/** Light/dark: follows the system until the reader chooses, and the choice survives a reload. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useChromium } from './support/browser';
import { siteUrl } from './support/site';

const browser = useChromium();

const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const toggle = (page: Page) => page.getByRole('button', { name: 'Dark theme' });

describe('theme', () => {
  it('follows the system colour scheme when the reader has not chosen', async () => {
    const colours: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await browser().newContext({ colorScheme });
      const page = await context.newPage();
      await page.goto(siteUrl());
      expect(await toggle(page).getAttribute('aria-pressed')).toBe(String(colorScheme === 'dark'));
      colours.push(await background(page));
      await context.close();
    }
    expect(colours[0]).not.toBe(colours[1]);
  });

  it('switches with the toggle and keeps the choice across a reload and on other pages', async () => {
    const context = await browser().newContext({ colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(siteUrl());
    const light = await background(page);
    await toggle(page).click();
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
    expect(await toggle(page).getAttribute('aria-pressed')).toBe('true');
    const dark = await background(page);
    expect(dark).not.toBe(light);

    await page.reload();
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
    expect(await background(page)).toBe(dark);
    expect(await toggle(page).getAttribute('aria-pressed')).toBe('true');

    await page.goto(siteUrl('chapters/01-batch-normalization/'));
    expect(await background(page)).toBe(dark);
    await toggle(page).click();
    await page.reload();
    expect(await page.getAttribute('html', 'data-theme')).toBe('light');
    expect(await background(page)).toBe(light);
    await context.close();
  });

  it('applies the stored choice before first paint (set by the inline head script)', async () => {
    const context = await browser().newContext({ colorScheme: 'light' });
    await context.addInitScript(() => localStorage.setItem('bn-course-theme', 'dark'));
    const page = await context.newPage();
    // A probe at the very start of <body> records the theme before anything in the body renders.
    await page.route(siteUrl(), async (route) => {
      const response = await route.fetch();
      const probe = 'document.documentElement.dataset.themeAtBody = document.documentElement.dataset.theme';
      const hash = createHash('sha256').update(probe).digest('base64');
      const html = (await response.text())
        .replace(/<body[^>]*>/, (tag) => `${tag}<script>${probe}</script>`)
        // The site's Content-Security-Policy runs only inline scripts it lists by hash: list the probe's.
        .replace("script-src 'self'", `script-src 'self' 'sha256-${hash}'`);
      await route.fulfill({ response, body: html });
    });
    await page.goto(siteUrl());
    expect(await page.getAttribute('html', 'data-theme-at-body')).toBe('dark');
    await context.close();
  });

  it('prints in light colours without the navigation, whatever the screen theme', async () => {
    const context = await browser().newContext({ colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(siteUrl('chapters/01-batch-normalization/'));
    const light = await background(page);
    await toggle(page).click();
    expect(await background(page)).not.toBe(light);
    await page.emulateMedia({ media: 'print' });
    expect(await background(page)).toBe(light);
    for (const name of ['Chapters', 'On this page', 'Previous and next chapter']) {
      expect(await page.getByRole('navigation', { name }).isVisible(), name).toBe(false);
    }
    expect(await page.getByRole('heading', { level: 1 }).isVisible()).toBe(true);
    await context.close();
  });
});
