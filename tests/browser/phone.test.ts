/**
 * The site on a phone (./support/phone.ts: 390×844, touch, the CPU slowed 4× on the page and in its
 * workers): every draggable point follows a finger, and a live figure whose full run would take minutes
 * there says so before Play and offers a shorter run. Behaviour only: the phone's timings are `npm run
 * bench`'s. That no page scrolls sideways on a phone is checked on each page by site-walk.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { useChromium } from './support/browser';
import { openPhonePage, touchDrag } from './support/phone';
import { siteUrl, watchPage } from './support/site';
import { figureOf, waitForFigure } from './share-helpers';
import { WIDGETS } from '../../src/widgets/catalog';
import { phoneRunAdvice } from '../../src/widgets/run/phone-run';
import { measuredRun, measuredRunSeconds, RUN_TIMES } from '../../src/site/run-times';

const browser = useChromium();

describe('on a phone', () => {
  it.each([
    ['lipschitz-ratio', 'chapters/04-lipschitz-and-smoothness/'],
    ['spectral-norm', 'chapters/08-lipschitzness-elsewhere/'],
  ])('%s: every draggable point follows a finger, and the page stays put', async (slug, path) => {
    const phone = await openPhonePage(browser());
    const watch = watchPage(phone.page);
    await phone.page.goto(siteUrl(path));
    const figure = figureOf(phone.page, slug);
    await waitForFigure(figure, slug);
    const handles = figure.locator('g.handle');
    const count = await handles.count();
    expect(count).toBeGreaterThanOrEqual(2);
    for (let i = 0; i < count; i++) {
      const handle = handles.nth(i);
      await handle.scrollIntoViewIfNeeded();
      // What a screen reader hears of it: a slider's value, or a movable point's name with its coordinates.
      const state = () => handle.evaluate((el) => el.getAttribute('aria-valuetext') ?? el.getAttribute('aria-label'));
      const before = await state();
      const box = (await handle.locator('circle.dot').boundingBox())!;
      const from = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      const scroll = await phone.page.evaluate(() => [scrollX, scrollY]);
      await touchDrag(phone.cdp, from, { x: from.x + 40, y: from.y - 30 });
      await expect.poll(state, { message: `${slug}: handle ${i}` }).not.toBe(before);
      expect(await phone.page.evaluate(() => [scrollX, scrollY])).toEqual(scroll);
    }
    expect(watch.consoleErrors).toEqual([]);
    await phone.close();
  });

  it.each(WIDGETS.filter((w) => w.experiment !== null))('$slug: says before Play whether its run takes minutes here, and a tap runs a shorter one', async ({ slug }) => {
    const phone = await openPhonePage(browser(), { slowCpu: false });
    await phone.page.goto(siteUrl(`embed/${slug}/`));
    const figure = figureOf(phone.page, slug);
    await waitForFigure(figure, slug);
    // A fresh page shows the default step cap.
    const steps = Number(await figure.getByRole('textbox', { name: 'Step cap, exact value' }).inputValue());
    const advice = phoneRunAdvice(measuredRunSeconds(slug), steps, steps);
    const notice = figure.locator('.phone-run');
    if (!advice) {
      expect(await notice.count()).toBe(0);
    } else {
      expect(await notice.isVisible()).toBe(true);
      expect(await notice.textContent()).toMatch(/^\s*On a phone this run takes (about \d+ minutes|over a minute)\./);
      await notice.getByRole('button', { name: `Run ${advice.shortSteps} steps` }).tap();
      await expect.poll(() => figure.getByRole('textbox', { name: 'Step cap, exact value' }).inputValue()).toBe(String(advice.shortSteps));
      expect(await notice.count()).toBe(0);
      // On a screen with a mouse the same figure stays quiet.
      const desktop = await (await browser().newContext({ viewport: { width: 1280, height: 800 } })).newPage();
      await desktop.goto(siteUrl(`embed/${slug}/`));
      await waitForFigure(figureOf(desktop, slug), slug);
      expect(await figureOf(desktop, slug).locator('.phone-run').isVisible()).toBe(false);
      await desktop.context().close();
    }
    await phone.close();
  });

  it.each(RUN_TIMES.runs.filter((r) => r.model))('$slug with the $model: the notice times the network chosen, from its own measured run', async ({ slug, model }) => {
    const phone = await openPhonePage(browser(), { slowCpu: false });
    await phone.page.goto(siteUrl(`embed/${slug}/?${slug}.model=${model}`));
    const figure = figureOf(phone.page, slug);
    await waitForFigure(figure, slug);
    const run = measuredRun(slug, model)!;
    const steps = Number(await figure.getByRole('textbox', { name: 'Step cap, exact value' }).inputValue());
    expect(steps, 'the network’s own step count').toBe(run.steps);
    // Whether the network's run is minutes long on a phone follows its time in the last bench (gradient-shift's
    // convnet ran 57 s at 4× on an idle machine, 63 s under load): the notice says what that time says.
    const advice = phoneRunAdvice(run.seconds, run.steps, steps);
    if (advice) await expect.poll(() => figure.locator('.phone-run').getByRole('button').textContent()).toBe(`Run ${advice.shortSteps} steps`);
    else expect(await figure.locator('.phone-run').count()).toBe(0);
    await phone.close();
  });

  it('has a network whose measured run is minutes long on a phone, so the notice above is seen', () => {
    const long = RUN_TIMES.runs.filter((r) => {
      const run = r.model ? measuredRun(r.slug, r.model) : null;
      return run !== null && phoneRunAdvice(run.seconds, run.steps, run.steps) !== null;
    });
    expect(long.length).toBeGreaterThan(0);
  });
});
