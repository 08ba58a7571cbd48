/**
 * A live figure trains only while a reader can see it: it pauses when the tab is hidden or the figure
 * scrolled away — the worker's own step count is the same when it pauses and when it resumes, so no
 * step ran in between — and its worker ends when the reader leaves the page.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { siteUrl } from './support/site';
import { useLiveFigure, type LiveFigure } from './support/live-widget';
import { recordLabMessages, type LabMessage } from './support/lab-messages';

let page: Page;
let widget: LiveFigure;
let labMessages: () => Promise<LabMessage[]>;
useLiveFigure('chapters/03-ics-gradients/', /G versus G′, live/, (opened) => ({ page, widget } = opened));

/** The step the worker reported at its latest `state` message of `state` kind. */
async function lastState(state: string): Promise<LabMessage | undefined> {
  return (await labMessages()).filter((m) => m.type === 'state' && m.state === state).at(-1);
}

/** Pauses by `hide`, resumes by `show`; the worker resumes at the very step it paused at. */
async function expectPausedWhile(hide: () => Promise<void>, show: () => Promise<void>) {
  await widget.play.click();
  await widget.waitForStatus(/^Running\./);
  await widget.waitForSteps(2);
  await hide();
  await widget.waitForStatus(/^Paused at step \d+\./);
  const paused = (await lastState('paused'))!;
  const before = (await labMessages()).length;
  await show();
  await widget.waitForStatus(/^Running\./);
  const resumed = (await labMessages()).slice(before).find((m) => m.type === 'state' && m.state === 'running');
  expect(resumed?.step).toBe(paused.step);
  await widget.pause.click();
  await widget.waitForStatus(/^Paused at step \d+\./);
}

/** Headless Chromium never hides its tab: the page is told so, as a browser does. */
const setHidden = (hidden: boolean) =>
  page.evaluate((h) => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (h ? 'hidden' : 'visible') });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => h });
    document.dispatchEvent(new Event('visibilitychange'));
  }, hidden);

describe('training pauses out of sight', () => {
  // The worker's messages are recorded from a fresh load of the page.
  beforeAll(async () => {
    labMessages = await recordLabMessages(page);
    await page.reload();
    await widget.figure.scrollIntoViewIfNeeded();
    await widget.play.waitFor();
    await widget.setStepCap(5000);
  });

  it('pauses while the tab is hidden, with no step taken, and resumes when shown', async () => {
    await expectPausedWhile(
      () => setHidden(true),
      () => setHidden(false),
    );
  });

  it('pauses while scrolled away, with no step taken, and resumes when back', async () => {
    await widget.play.click();
    await widget.waitForStatus(/^Running\./);
    await widget.pause.click();
    await widget.waitForStatus(/^Paused at step \d+\./);
    await widget.figure.getByRole('button', { name: 'Reset' }).click();
    await expectPausedWhile(
      () => page.evaluate(() => scrollTo(0, 0)),
      () => widget.figure.scrollIntoViewIfNeeded(),
    );
  });

  it('ends the worker when the reader leaves the page, and nothing trains after coming back', async () => {
    await widget.play.click();
    await widget.waitForStatus(/^Running\./);
    const workers = page.workers();
    expect(workers.length).toBeGreaterThan(0);
    const closed = Promise.all(workers.map((w) => new Promise<void>((resolve) => w.on('close', () => resolve()))));
    await page.getByRole('link', { name: /Next/ }).first().click();
    await page.waitForURL((url) => !url.href.includes('03-ics-gradients'));
    await closed;
    await page.goBack();
    await page.waitForURL(siteUrl('chapters/03-ics-gradients/'));
    expect(page.workers()).toEqual([]);
  });
});
