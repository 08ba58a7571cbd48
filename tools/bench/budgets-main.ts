/**
 * The budgets table of `npm run bench` (printed at its end), also runnable alone:
 *   tsx tools/bench/budgets-main.ts [--lighthouse]
 * `--lighthouse` adds the Lighthouse scores of every chapter (about 20 s a page). Builds into a
 * temporary directory unless SITE_DIR names a build (see site-build.ts).
 */
import { fileURLToPath } from 'node:url';
import { auditPages, auditTable } from './audit';
import { budgetTable, measureBudgets } from './budgets';
import { chapterPaths, serveProductionBuild } from './site-build';

/** Prints the table; true when every budget passed. */
export async function printBudgets(withLighthouse: boolean): Promise<boolean> {
  process.stderr.write('bench: measuring the budgets on a production build…\n');
  const site = await serveProductionBuild();
  try {
    const paths = chapterPaths(site.dir);
    const { rows, baselineMs } = await measureBudgets(site.url, paths);
    console.log(`\nbudgets (production build under /bn-course/, headless Chromium, 1280×800)\n${budgetTable(rows, baselineMs)}`);
    if (withLighthouse) console.log(`\nLighthouse 12.2.3 (mobile, simulated throttling)\n${auditTable(await auditPages(site.url, paths))}`);
    return rows.every((r) => r.pass);
  } finally {
    await site.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!(await printBudgets(process.argv.includes('--lighthouse')))) process.exitCode = 1;
}
