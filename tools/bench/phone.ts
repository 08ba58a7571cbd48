/**
 * The phone budgets, for each live figure on its chapter page in the phone profile (tests/browser/support/
 * phone.ts: 390×844, touch, the CPU slowed 4× on the page and in its worker): the precomputed figure
 * drawn ≤ 1.5 s after it comes into view, the first live point ≤ 4 s after Play (cold: the worker,
 * tfjs, the .wasm and the data load first), and no main-thread task over 50 ms of CPU while it trains.
 * Timed in the page, as the desktop rows are (budgets.ts).
 */
import { launchChromium } from '../../tests/browser/support/browser';
import { openPhonePage } from '../../tests/browser/support/phone';
import { WIDGETS } from '../../src/widgets/catalog';
import { ms, timeUntil, trainingRows, type BudgetRow } from './budgets';
import { watchTraining } from './main-thread';

export const PHONE_FIGURE_BUDGET_MS = 1500;
export const PHONE_FIRST_POINT_BUDGET_MS = 4000;

/** The phone rows for every live figure of the site at `siteUrl`, and how its workers were slowed. */
export async function measurePhoneBudgets(siteUrl: string): Promise<{ rows: BudgetRow[]; workers: string }> {
  const browser = await launchChromium();
  const rows: BudgetRow[] = [];
  let workers = '';
  try {
    for (const { slug, chapter } of WIDGETS.filter((w) => w.experiment !== null)) {
      const phone = await openPhonePage(browser);
      await phone.page.goto(new URL(`chapters/${chapter}/`, siteUrl).href);
      // Its island, found by the figure the server rendered into it, below the fold until scrolled to.
      const island = await phone.page.evaluate((slug) => {
        const all = [...document.querySelectorAll('astro-island')];
        const i = all.findIndex((el) => el.querySelector(`[data-widget="${slug}"]`));
        (all[i] as HTMLElement).dataset.live = 'true';
        return i;
      }, slug);
      const shown = await timeUntil(phone.page, island, 'scroll');
      rows.push({ budget: `phone ${slug}: precomputed figure drawn ≤ ${PHONE_FIGURE_BUDGET_MS} ms after visible`, measured: ms(shown), pass: shown !== null && shown <= PHONE_FIGURE_BUDGET_MS });
      const first = shown === null ? null : await timeUntil(phone.page, island, 'play');
      rows.push({ budget: `phone ${slug}: first live point ≤ ${PHONE_FIRST_POINT_BUDGET_MS} ms after Play (cold)`, measured: ms(first), pass: first !== null && first <= PHONE_FIRST_POINT_BUDGET_MS });
      if (first !== null) rows.push(...trainingRows(`phone ${slug}`, await watchTraining(phone.page, island)).slice(0, 1));
      workers = phone.workers();
      await phone.close();
    }
  } finally {
    await browser.close();
  }
  return { rows, workers };
}
