/**
 * `npm run bench` and `npm run audit` start here: the baselines they compare against (the umbrella
 * @tensorflow/tfjs, convnetjs) and Lighthouse are a project of their own (tools/bench/package.json, its
 * own lock), so the site's `npm ci` does not install 350 MB that only these reports use. Installs it with
 * `npm ci` when node_modules is missing or older than the lock; otherwise does nothing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const lock = `${dir}package-lock.json`;
// npm writes this file at the end of every install into node_modules.
const installed = `${dir}node_modules/.package-lock.json`;

if (!existsSync(installed) || statSync(installed).mtimeMs < statSync(lock).mtimeMs) {
  console.error('bench tools: installing tools/bench (the baselines and Lighthouse; once)…');
  // The npm that runs this script (npm sets npm_execpath), else the one on PATH.
  const npm = process.env.npm_execpath ? [process.execPath, process.env.npm_execpath] : ['npm'];
  const result = spawnSync(npm[0], [...npm.slice(1), 'ci', '--prefix', dir, '--no-audit', '--no-fund', '--ignore-scripts'], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
