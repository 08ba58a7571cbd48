/**
 * Self-checks, by keyboard only: a wrong answer gets feedback in the live region and leaves the
 * explanation closed for another try, a right one says so, opens it and fires the course's progress event; bad input gets a clear
 * message; without JavaScript the questions read with their answers one click away.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useChromium } from './support/browser';
import { axeViolations, itStayedClean, siteUrl, type PageWatch, useWatchedPage } from './support/site';
import { chaptersUsing } from './support/study';

const CHAPTER_1 = 'chapters/01-batch-normalization/';
const browser = useChromium();

let page: Page;
let watch: PageWatch;
useWatchedPage(CHAPTER_1, (opened) => {
  ({ page, watch } = opened);
  // Record progress events from the first script on, as the progress module would hear them.
  return page.addInitScript(() => {
    const seen: unknown[] = [];
    (window as unknown as { progressSeen: unknown[] }).progressSeen = seen;
    addEventListener('course:progress', (e) => seen.push((e as CustomEvent).detail));
  });
});

const question = (n: number) => page.locator('.sc-question').nth(n - 1);
const feedback = (n: number) => question(n).locator('.sc-feedback');
const explanationOpen = (n: number) => question(n).locator('details.sc-explanation').evaluate((d) => (d as HTMLDetailsElement).open);
const progress = () => page.evaluate(() => (window as unknown as { progressSeen: unknown[] }).progressSeen);
const focused = () => page.evaluate(() => document.activeElement?.closest('label, button')?.textContent?.trim());

describe('a multiple-choice question, by keyboard', () => {
  it('marks a wrong choice and announces it, keeping the explanation closed, with no progress', async () => {
    expect(await feedback(2).getAttribute('role')).toBe('status');
    expect(await feedback(2).getAttribute('aria-live')).toBe('polite');
    await question(2).locator('input[type="radio"]').first().focus(); // where Tab lands in the group
    await page.keyboard.press('Space');
    expect(await focused()).toMatch(/^The mean and variance of the batch it is given/);
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Check');
    await page.keyboard.press('Enter');
    await expect.poll(() => feedback(2).textContent()).toMatch(/^✗ Not quite\. Choose again/);
    expect(await explanationOpen(2)).toBe(false);
    expect(await progress()).toEqual([]);
  });

  it('marks the right choice and fires the progress event for question 2 of the chapter', async () => {
    await page.keyboard.press('Shift+Tab'); // back to the checked radio
    await page.keyboard.press('ArrowDown'); // arrows move the choice within the group
    expect(await focused()).toMatch(/^Running averages of the batch statistics/);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await expect.poll(() => feedback(2).textContent()).toMatch(/^✓ Correct\./);
    expect(await explanationOpen(2)).toBe(true);
    expect(await question(2).locator('details.sc-explanation').textContent()).toMatch(/Running averages of the batch statistics\./);
    expect(await progress()).toEqual([{ kind: 'self-check', id: '01-batch-normalization#2' }]);
  });
});

describe('a numeric question, by keyboard', () => {
  it('explains what is wrong with text that is not a number, without opening the answer', async () => {
    const field = question(1).getByRole('textbox', { name: 'Your answer' });
    await field.focus();
    await page.keyboard.type('about one');
    await page.keyboard.press('Enter');
    await expect.poll(() => feedback(1).textContent()).toBe('“about one” is not a number. Type a number, for example 0.25.');
    expect(await explanationOpen(1)).toBe(false);
  });

  it('marks a wrong number (the unbiased-variance slip) without giving the working away', async () => {
    await page.keyboard.press('Control+A');
    await page.keyboard.type('1.162');
    await page.keyboard.press('Enter');
    await expect.poll(() => feedback(1).textContent()).toMatch(/^✗ Not quite: 1\.162 is not it\. Try again/);
    expect(await explanationOpen(1)).toBe(false);
  });

  it('asks for the two decimals the question wants instead of judging a rounded "1"', async () => {
    await page.keyboard.press('Control+A');
    await page.keyboard.type('1');
    await page.keyboard.press('Enter');
    await expect.poll(() => feedback(1).textContent()).toMatch(/^The question asks for two decimals/);
    expect(await explanationOpen(1)).toBe(false);
  });

  it('accepts the right number, with a decimal comma, and fires progress for question 1', async () => {
    await page.keyboard.press('Control+A');
    await page.keyboard.type('1,34');
    await page.keyboard.press('Enter');
    await expect.poll(() => feedback(1).textContent()).toMatch(/^✓ Correct\./);
    expect(await question(1).locator('details.sc-explanation').textContent()).toMatch(/About 1\.342/);
    expect(await explanationOpen(1)).toBe(true);
    expect(await progress()).toEqual([
      { kind: 'self-check', id: '01-batch-normalization#2' },
      { kind: 'self-check', id: '01-batch-normalization#1' },
    ]);
  });

  it('stays axe-clean with feedback shown and explanations open', async () => {
    expect(await axeViolations(page)).toEqual([]);
  });

  itStayedClean(() => watch);
});

describe('every chapter’s self-check', () => {
  it('has three or four questions, each with an explanation', async () => {
    const chapters = chaptersUsing('<SelfCheck');
    expect(chapters.length).toBeGreaterThanOrEqual(7);
    const context = await browser().newContext();
    const tab = await context.newPage();
    for (const id of chapters) {
      await tab.goto(siteUrl(`chapters/${id}/`));
      const count = await tab.locator('.sc-question').count();
      expect(count, id).toBeGreaterThanOrEqual(3);
      expect(count, id).toBeLessThanOrEqual(4);
      expect(await tab.locator('.sc-question details.sc-explanation').count(), id).toBe(count);
      expect(await tab.locator('.sc-question .sc-actions:not([hidden])').count(), id).toBe(count);
    }
    await context.close();
  });

  it('reads sensibly without JavaScript: choices and prompts shown, no dead buttons, answers in a disclosure', async () => {
    const context = await browser().newContext({ javaScriptEnabled: false });
    const tab = await context.newPage();
    await tab.goto(siteUrl(CHAPTER_1));
    const first = tab.locator('.sc-question').first();
    // A chapter section far below the fold is not laid out (content-visibility), so it has no box yet:
    // look at the question where a reader would, on screen.
    await first.scrollIntoViewIfNeeded();
    expect(await first.locator('p').nth(1).isVisible()).toBe(true);
    expect(await tab.getByRole('button', { name: 'Check' }).count()).toBe(0);
    expect(await first.getByRole('textbox').count()).toBe(0);
    expect(await tab.locator('.sc-question').nth(1).getByRole('radio').count()).toBe(3);
    await first.getByText('Answer and explanation').click();
    expect(await first.locator('details.sc-explanation').textContent()).toMatch(/About 1\.342/);
    await context.close();
  });
});
