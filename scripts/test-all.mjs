/**
 * `npm test`: every check, in the order a failure is cheapest to read.
 *   1. type check (astro check: .ts and .astro, strict) beside the unit tests (vitest project `unit`)
 *   2. the Svelte components' types (svelte-check: astro check does not type-check .svelte files) and dead
 *      code (knip: unused files, exports and dependencies, undeclared imports) beside the science tests
 *      (vitest project `science`, Node)
 *   3. production build under a GitHub-Pages-like sub-path (BASE_PATH=/bn-course/), then its search
 *      index (Pagefind reads the built pages, so it runs on the same output directory)
 *   4. browser tests against that build (vitest + playwright-core + system Chromium)
 *   5. engine tests against the same build: Firefox and WebKit (vitest project `engines`)
 * Ends with one "N passed, N failed" line summing the vitest runs.
 *
 * `npm run test:engines` (this script with --engines) runs step 5 alone, after steps 3 when there is
 * no build for the sub-path yet (after changing the site, `BASE_PATH=/bn-course/ npm run build`).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

export const TEST_BASE_PATH = '/bn-course/';
/**
 * Where the build goes, is indexed and is served from: Astro's default dist/, or SITE_DIR, so a
 * second checkout or a parallel job can run everything against its own build.
 */
const OUT_DIR = process.env.SITE_DIR ?? 'dist';
const REPORT_DIR = 'test-results';
mkdirSync(REPORT_DIR, { recursive: true });

/** Each step's wall-clock time, printed with the summary: the suite must stay under 25 minutes on 2 cores. */
const timings = [];
const seconds = (since) => Math.round((performance.now() - since) / 1000);

function run(title, command, args, env = {}) {
  console.log(`\n▶ ${title}: ${command} ${args.join(' ')}`);
  const started = performance.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  timings.push(`${title} ${seconds(started)} s`);
  if (result.status !== 0) {
    console.error(`\n✖ ${title} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status || 1);
  }
}

/**
 * Steps that share nothing, side by side: each keeps one core busy, the machine the suite is timed on has two.
 * Their output is held and printed step by step once all have ended, so it reads as if they ran in turn, and
 * the first failing step (in the order given) is the one reported.
 */
async function runTogether(steps) {
  const started = performance.now();
  const results = await Promise.all(
    steps.map(
      ({ title, command, args, env = {} }) =>
        new Promise((done) => {
          const child = spawn(command, args, { env: { ...process.env, ...env } });
          const output = [];
          child.stdout.on('data', (chunk) => output.push(chunk));
          child.stderr.on('data', (chunk) => output.push(chunk));
          child.on('close', (status, signal) => done({ title, command, args, status, signal, output, took: seconds(started) }));
        }),
    ),
  );
  for (const { title, command, args, output, took } of results) {
    console.log(`\n▶ ${title}: ${command} ${args.join(' ')}`);
    process.stdout.write(Buffer.concat(output));
    timings.push(`${title} ${took} s`);
  }
  const failed = results.find((r) => r.status !== 0);
  if (failed) {
    console.error(`\n✖ ${failed.title} failed (exit ${failed.status ?? failed.signal}).`);
    process.exit(failed.status || 1);
  }
}

function counts(file) {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  return { passed: report.numPassedTests, failed: report.numFailedTests, total: report.numTotalTests };
}

const vitestReport = (name) => ['--reporter=default', '--reporter=json', `--outputFile.json=${REPORT_DIR}/${name}.json`];

const siteEnv = { BASE_PATH: TEST_BASE_PATH, SITE_DIR: OUT_DIR };
function build() {
  run('build under a sub-path', 'astro', ['build', '--outDir', OUT_DIR], { BASE_PATH: TEST_BASE_PATH });
  run('search index', 'pagefind', ['--site', OUT_DIR]);
}
const engineTests = () => run('engine tests (Firefox, WebKit)', 'vitest', ['run', '--project', 'engines', ...vitestReport('engines')], siteEnv);

const enginesOnly = process.argv.includes('--engines');
if (enginesOnly) {
  const index = `${OUT_DIR}/index.html`;
  if (!existsSync(index) || !readFileSync(index, 'utf8').includes(`href="${TEST_BASE_PATH}favicon.svg"`)) build();
  engineTests();
} else {
  // The type check writes Astro's generated types (.astro/), which the build writes too: it runs beside the unit tests only.
  await runTogether([
    { title: 'type check', command: 'astro', args: ['check'] },
    { title: 'unit tests', command: 'vitest', args: ['run', '--project', 'unit', ...vitestReport('unit')] },
  ]);
  // svelte-check and knip each keep one core busy for about 20 s and 3 s, and read only sources; the science
  // tests write nothing they read (the build, which rewrites .astro/ under svelte-check, comes after).
  await runTogether([
    { title: 'component type check', command: 'svelte-check', args: ['--tsconfig', './tsconfig.json', '--threshold', 'error'] },
    { title: 'dead code', command: 'knip', args: [] },
    { title: 'science tests', command: 'vitest', args: ['run', '--project', 'science', ...vitestReport('science')] },
  ]);
  build();
  run('browser tests', 'vitest', ['run', '--project', 'browser', ...vitestReport('browser')], siteEnv);
  engineTests();
}

const layers = (enginesOnly ? ['engines'] : ['unit', 'science', 'browser', 'engines']).map((name) => ({ name, ...counts(`${REPORT_DIR}/${name}.json`) }));
const passed = layers.reduce((sum, l) => sum + l.passed, 0);
const failed = layers.reduce((sum, l) => sum + l.failed, 0);
if (passed === 0) {
  console.error('no test ran');
  process.exit(1);
}
console.log(`\n${layers.map((l) => `${l.name} ${l.passed}/${l.total}`).join(', ')}`);
console.log(`wall clock: ${timings.join(', ')}${enginesOnly ? '' : ' (type check and unit tests side by side; the component type check, dead code and science tests side by side)'}`);
console.log(`${passed} passed, ${failed} failed`);
