/**
 * The reproduce CLI end to end: the real process once, as package.json runs it (exit code 2, nothing
 * written), then runs that write the documented report, with snapshots only when asked, and give
 * byte-identical JSON for the same seed on the same backend (the convnet too).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli as run } from '../../unit/cli/in-process';

const scratch = mkdtempSync(join(tmpdir(), 'reproduce-'));

describe('npm run reproduce', () => {
  it('exits with code 2 and writes nothing for an unknown experiment (real process, as package.json runs it)', () => {
    const out = join(scratch, 'unknown.json');
    const tsx = join('node_modules', 'tsx', 'dist', 'cli.mjs');
    const result = spawnSync(process.execPath, [tsx, '--import', './scripts/tfjs-esm.mjs', 'src/lab/cli/reproduce.ts', 'no-such', '--out', out], {
      encoding: 'utf8',
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/unknown experiment "no-such"; valid experiments: bn-vs-standard, .*spectral-norm/);
    expect(existsSync(out)).toBe(false);
  });

  it('writes the documented JSON and prints a summary table', async () => {
    const out = join(scratch, 'wgan.json');
    const result = await run(['wgan', '--steps', '3', '--set', 'evalEvery=2', '--seed', '4', '--out', out]);
    expect(result.code).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8'));
    expect(Object.keys(report)).toEqual(['experiment', 'seed', 'steps', 'backend', 'config', 'arms', 'summary']);
    expect(report).toMatchObject({ experiment: 'wgan', seed: 4, steps: 3, backend: 'wasm', config: { steps: 3, evalEvery: 2, lambda: 0.1 } });
    expect(Object.keys(report.arms)).toEqual(['clip', 'gp', 'sn']);
    expect(report.arms.gp.step).toEqual([0, 1, 2]);
    expect(report.arms.gp.loss).toHaveLength(3);
    // Sample quality is measured at steps 0 and 2 (every 2nd and the last), null in between.
    expect(report.arms.gp.modesCovered).toEqual([expect.any(Number), null, expect.any(Number)]);
    expect(report.summary.gp).toMatchObject({ diverged: false, modesCovered: expect.any(Number), highQualityFraction: expect.any(Number) });
    expect(result.out.split('\n')[0]).toMatch(/^arm\s+diverged\s+finalLoss\s+modesCovered\s+highQualityFraction$/);
    expect(result.out).toMatch(/\ngp\s+false\s/);
  });

  // Three convnet runs, each ending on a whole-set evaluation of 5,000 digits per arm: minutes on a shared machine.
  it('runs G′ on the convnet with its own presets (lr 0.05, layer 2), byte-identical for the same seed', async () => {
    const files = ['a', 'b', 'c'].map((file) => join(scratch, `ics-convnet-${file}.json`));
    for (const [i, out] of files.entries()) {
      const argv = ['ics-gradients', '--set', 'model=convnet', '--steps', '2', '--set', 'measureEvery=1', '--seed', i === 2 ? '2' : '1'];
      expect((await run([...argv, '--out', out])).code).toBe(0);
    }
    const [a, b, c] = files.map((f) => readFileSync(f, 'utf8'));
    expect(a).toBe(b);
    expect(a).not.toBe(c);
    const report = JSON.parse(a!);
    expect(report.config).toMatchObject({ model: 'convnet', lr: 0.05, icsLayer: 2, steps: 2 });
    for (const arm of ['standard', 'batchnorm']) {
      expect(report.arms[arm].icsCos).toEqual([expect.any(Number), expect.any(Number)]);
      expect(report.arms[arm].icsCos[0]).toBeGreaterThan(0);
      expect(report.arms[arm].testAccuracy.at(-1)).toBeGreaterThan(0);
    }
  }, 900_000);

  it('writes snapshots into the JSON only with --snapshots', async () => {
    const out = join(scratch, 'wgan-snapshots.json');
    const result = await run(['wgan', '--steps', '3', '--set', 'snapshotEvery=2', '--out', out, '--snapshots']);
    expect(result.code).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8'));
    expect(Object.keys(report.snapshots)).toEqual(['clip', 'gp', 'sn']);
    expect(report.snapshots.gp.map((s: { step: number }) => s.step)).toEqual([0, 2]);
    expect(report.snapshots.gp[0].snapshot.value).toHaveLength(32 * 32);
    // The printed report is the summary table and the file's name, no snapshot data.
    expect(result.out.split('\n').filter(Boolean)).toHaveLength(5);
  });

  it.each([
    ['spectral-norm', ['spectral-norm', '--steps', '12']],
    ['wgan', ['wgan', '--steps', '3']],
  ])('%s: byte-identical JSON for the same seed on the same backend, different JSON for another seed', async (name, argv) => {
    const files = ['a', 'b', 'c'].map((file) => join(scratch, `${name.replaceAll(' ', '-')}-${file}.json`));
    for (const [i, file] of files.entries()) {
      expect((await run([...argv, '--seed', i === 2 ? '2' : '1', '--out', file])).code).toBe(0);
    }
    const [a, b, c] = files.map((f) => readFileSync(f, 'utf8'));
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });
});
