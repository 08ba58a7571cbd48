/**
 * The instructors' page: every widget of the catalog with its chapter, embed page, run time, classroom
 * use and an iframe snippet (with a title for screen readers) whose address serves the embed page.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, itStayedClean, siteUrl, type PageWatch, useWatchedPage } from './support/site';
import { WIDGETS } from '../../src/widgets/catalog';
import { LESSONS } from '../../content/lessons';
import { measuredRunSeconds, RUN_TIMES } from '../../src/site/run-times';

let page: Page;
let watch: PageWatch;
useWatchedPage('instructors/', (opened) => ({ page, watch } = opened));

describe('/instructors/', () => {
  it('lists every widget with its chapter, run time, classroom use and embed snippet', async () => {
    expect(await page.locator('[data-widget-entry]').count()).toBe(WIDGETS.length);
    for (const w of WIDGETS) {
      const entry = page.locator(`[data-widget-entry="${w.slug}"]`);
      expect(await entry.getByRole('heading', { level: 3 }).textContent()).toBe(w.title);
      expect(await entry.textContent()).toContain(w.classroom);
      const runTime = (await entry.locator('.run-time').textContent())!;
      const seconds = measuredRunSeconds(w.slug);
      const others = RUN_TIMES.runs.filter((r) => r.slug === w.slug && r.model).map((r) => ` About ${Math.round(r.seconds)} s with the ${r.model}.`);
      expect(runTime).toBe(seconds === null ? 'No training run: answers each change at once.' : `About ${Math.round(seconds)} s for the default run.${others.join('')}`);
      // Every live figure has a measured run time, and only they do.
      expect(seconds === null).toBe(w.experiment === null);
      const chapterLink = entry.getByRole('link', { name: /^Chapter \d/ });
      expect(new URL((await chapterLink.getAttribute('href'))!, page.url()).href).toBe(siteUrl(`chapters/${w.chapter}/`));

      const snippet = await entry.getByRole('textbox', { name: 'Embed code' }).inputValue();
      const iframe = await page.evaluate((html) => {
        const el = new DOMParser().parseFromString(html, 'text/html').querySelector('iframe');
        return el && { src: el.getAttribute('src'), title: el.getAttribute('title') };
      }, snippet);
      expect(iframe?.title).toContain(w.title);
      const src = new URL(iframe!.src!, page.url()).href;
      expect(src).toBe(siteUrl(`embed/${w.slug}/`));
      const response = await fetch(src);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain(`<title>${w.title} · Why BatchNorm Works</title>`);
    }
  });

  it('says where the run times come from: the browser, the date, the machine and its load, from the committed measurement', async () => {
    expect(await page.getByRole('heading', { name: 'Where the run times come from' }).count()).toBe(1);
    const text = (await page.locator('[data-run-times-machine]').textContent())!.replace(/\s+/g, ' ');
    expect(text).toContain(RUN_TIMES.browser);
    expect(text).toContain(RUN_TIMES.measured);
    expect(text).toContain(`${RUN_TIMES.machine.cpus} cores (${RUN_TIMES.machine.cpuModel})`);
    expect(text).toContain(`${RUN_TIMES.machine.loadAverage[0]} when the measurement started and ${RUN_TIMES.machine.loadAverage[1]} when it ended`);
    expect(text).toContain(`a fixed loop of arithmetic took ${RUN_TIMES.machine.referenceLoopSeconds} s on it`);
  });

  it('links each chapter’s lesson plan, answer key and handout', async () => {
    for (const { chapter } of LESSONS) {
      const entry = page.locator(`[data-lesson-entry="${chapter}"]`);
      for (const [name, path] of [['lesson plan', ''], ['answer key', 'answers/'], ['handout', 'handout/']] as const) {
        const href = await entry.getByRole('link', { name, exact: true }).getAttribute('href');
        expect(new URL(href!, page.url()).href).toBe(siteUrl(`teach/${chapter}/${path}`));
      }
    }
  });

  it('is axe-clean', async () => {
    expect(await axeViolations(page)).toEqual([]);
  });

  itStayedClean(() => watch);
});
