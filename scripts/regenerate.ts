/**
 * `npm run regenerate`: re-makes every derived file the site commits, in dependency order, after a change
 * of an experiment's defaults or of the engine (the freshness tests say when):
 *   1. traces (src/traces/<experiment>.json)          npm run traces
 *      and their seed bands (src/traces/bands/), which take seed 1 from the traces: npm run bands
 *   2. the gradient slice (src/traces/gradient-slice.json)
 *   3. the theorem still (src/widgets/still/theorem-check.json), rewritten by its own test
 *   4. the replication report and its studies (src/replication/*.json, studies/*.json): all five seeds,
 *      tens of minutes
 * Nothing reads another's output today, but traces come first because the figures are the cheapest to
 * check by eye, and the replication run, by far the longest, last. Run it under `nice -n 10`.
 */
import { spawnSync } from 'node:child_process';

const TSX = ['tsx', '--import', './scripts/tfjs-esm.mjs'];

const STEPS: readonly { title: string; command: readonly string[]; env?: Record<string, string> }[] = [
  { title: 'traces', command: [...TSX, 'scripts/make-traces.ts'] },
  { title: 'seed bands', command: [...TSX, 'scripts/make-bands.ts'] },
  { title: 'gradient slice', command: [...TSX, 'scripts/make-gradient-slice.ts'] },
  { title: 'theorem still', command: ['vitest', 'run', '--project', 'unit', 'tests/unit/widgets/still-theorem.test.ts'], env: { UPDATE_STILLS: '1' } },
  { title: 'replication report and studies', command: [...TSX, 'scripts/replicate.ts'] },
];

const started = performance.now();
for (const { title, command, env } of STEPS) {
  console.log(`\n▶ ${title}: ${command.join(' ')}`);
  const result = spawnSync(command[0]!, command.slice(1), { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    console.error(`\n✖ ${title} failed (exit ${result.status ?? result.signal}); the files after it were not re-made.`);
    process.exit(result.status || 1);
  }
}
console.log(`\nregenerate: every derived file re-made in ${((performance.now() - started) / 60000).toFixed(1)} min`);
