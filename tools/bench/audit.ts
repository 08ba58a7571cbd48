/**
 * `npm run audit`: Lighthouse 12.2.3 (pinned) on every chapter of the production build, served under
 * /bn-course/ by scripts/serve.mjs, in the system Chromium the browser tests use. Lighthouse's default
 * (mobile) settings with simulated throttling. Prints a table and exits non-zero unless every chapter
 * scores performance ≥ 95, accessibility 100, best practices 100, SEO 100.
 *
 *   npm run audit                    builds into a temporary directory first
 *   SITE_DIR=/tmp/x npm run audit    audits a build already made under BASE_PATH=/bn-course/
 */
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { findChromium } from '../../tests/browser/support/browser';
import { chapterPaths, serveProductionBuild } from './site-build';

/**
 * The browser tests' Chromium settings: headless, no sandbox (CI runs as root), no GPU, no QUIC.
 * chrome-launcher's own defaults already switch off background networking, sync, component updates
 * and first-run, so no request leaves for another origin.
 */
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic'];

export const THRESHOLDS = { performance: 95, accessibility: 100, 'best-practices': 100, seo: 100 } as const;
type Category = keyof typeof THRESHOLDS;
const CATEGORIES = Object.keys(THRESHOLDS) as Category[];

export interface AuditRow {
  path: string;
  scores: Record<Category, number>;
  /** Audits that cost points, per category, for the report. */
  failing: string[];
}

/** Runs Lighthouse on each path of the served site, one page at a time in one Chromium. */
export async function auditPages(siteUrl: string, paths: string[]): Promise<AuditRow[]> {
  const chrome = await chromeLauncher.launch({ chromePath: findChromium(), chromeFlags: CHROMIUM_FLAGS });
  const rows: AuditRow[] = [];
  try {
    for (const path of paths) {
      const result = await lighthouse(new URL(path, siteUrl).href, { port: chrome.port, logLevel: 'error', onlyCategories: CATEGORIES });
      if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
      const { categories, audits } = result.lhr;
      const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((categories[c]?.score ?? 0) * 100)])) as Record<Category, number>;
      const failing = CATEGORIES.flatMap((c) =>
        (categories[c]?.auditRefs ?? [])
          .filter((ref) => ref.weight > 0 && audits[ref.id]?.score !== null && (audits[ref.id]?.score ?? 1) < 1)
          .map((ref) => `${c}: ${ref.id} (${audits[ref.id]?.displayValue ?? audits[ref.id]?.score})`),
      );
      rows.push({ path, scores, failing });
    }
  } finally {
    chrome.kill();
  }
  return rows;
}

export const passes = (row: AuditRow): boolean => CATEGORIES.every((c) => row.scores[c] >= THRESHOLDS[c]);

export function auditTable(rows: AuditRow[]): string {
  const header = ['page'.padEnd(40), ...CATEGORIES.map((c) => c.padStart(14)), '  result'].join('');
  const limits = ['(at least)'.padEnd(40), ...CATEGORIES.map((c) => String(THRESHOLDS[c]).padStart(14))].join('');
  const lines = rows.map((row) =>
    [row.path.padEnd(40), ...CATEGORIES.map((c) => String(row.scores[c]).padStart(14)), passes(row) ? '  pass' : '  FAIL'].join(''),
  );
  const details = rows.flatMap((row) => row.failing.map((f) => `  ${row.path}  ${f}`));
  return [header, limits, ...lines, ...(details.length ? ['', 'Audits below full marks:', ...details] : [])].join('\n');
}

async function main() {
  const site = await serveProductionBuild();
  try {
    const rows = await auditPages(site.url, chapterPaths(site.dir));
    console.log(auditTable(rows));
    const failed = rows.filter((row) => !passes(row));
    if (failed.length > 0) {
      console.error(`\n${failed.length} of ${rows.length} chapters below the Lighthouse thresholds.`);
      process.exitCode = 1;
    } else console.log(`\nAll ${rows.length} chapters meet the Lighthouse thresholds.`);
  } finally {
    await site.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
