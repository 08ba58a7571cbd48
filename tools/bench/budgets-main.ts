/**
 * The budgets tables of `npm run bench` (printed at its end: desktop, then the phone profile's, then
 * each live figure's default run time in Chromium), also runnable alone:
 *   tsx tools/bench/budgets-main.ts [--lighthouse]
 * `--lighthouse` adds the Lighthouse scores of every chapter (about 20 s a page). Builds into a
 * temporary directory unless SITE_DIR names a build (see site-build.ts).
 */
import { fileURLToPath } from 'node:url';
import { auditPages, auditTable } from './audit';
import { budgetTable, measureBudgets } from './budgets';
import { defaultRunTable, machineBefore, measureDefaultRuns, RUN_TIMES_FILE, writeRunTimes } from './default-runs';
import { measurePhoneBudgets } from './phone';
import { chapterPaths, serveProductionBuild } from './site-build';

/** Prints the table; true when every budget passed. */
export async function printBudgets(withLighthouse: boolean): Promise<boolean> {
  process.stderr.write('bench: measuring the budgets on a production build…\n');
  const site = await serveProductionBuild();
  try {
    const paths = chapterPaths(site.dir);
    const { rows, baselineMs } = await measureBudgets(site.url, paths);
    console.log(`\nbudgets (production build under /bn-course/, headless Chromium, 1280×800)\n${budgetTable(rows, baselineMs)}`);
    const phone = await measurePhoneBudgets(site.url);
    console.log(`\nphone budgets (390×844, touch, CPU 4× on the page by Chromium; workers ${phone.workers})\n${budgetTable(phone.rows, baselineMs)}`);
    const before = machineBefore();
    const { version, runs } = await measureDefaultRuns('chromium', site.url);
    console.log(`\n${defaultRunTable(version, runs, before)}`);
    writeRunTimes(version, runs, before);
    console.log(`(written to ${RUN_TIMES_FILE} for the instructors page)`);
    if (withLighthouse) console.log(`\nLighthouse 12.2.3 (mobile, simulated throttling)\n${auditTable(await auditPages(site.url, paths))}`);
    return [...rows, ...phone.rows].every((r) => r.pass);
  } finally {
    await site.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!(await printBudgets(process.argv.includes('--lighthouse')))) process.exitCode = 1;
}
