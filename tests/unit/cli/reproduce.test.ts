/**
 * The reproduce CLI in-process on bad input and --help: nothing runs, nothing is written. The real
 * process, the report's shape and determinism are science tests (tests/science/cli), as they train.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli as run } from './in-process';

const scratch = mkdtempSync(join(tmpdir(), 'reproduce-'));

describe('npm run reproduce', () => {
  it.each([
    ['a bad flag', ['wgan', '--sed', '2'], /Unknown option '--sed'/],
    ['a missing value', ['wgan', '--steps'], /Option '--steps <value>' argument missing/],
    ['an out-of-range value', ['wgan', '--set', 'clip=5'], /clip must be between 0.0001 and 1 \(got 5\)/],
    ['a convnet without channels', ['noisy-bn', '--set', 'model=convnet', '--set', 'convChannels=0'], /convChannels must be between 1 and 64 \(got 0\)/],
    ['a G′ layer beyond the convnet', ['ics-gradients', '--set', 'model=convnet', '--set', 'icsLayer=9'], /icsLayer 9 is beyond the convnet network's 3 linear layers \(choose 2 to 3\)/],
    ['a G′ layer beyond the deep linear network', ['ics-gradients', '--set', 'dlnLayers=4', '--set', 'icsLayer=5'], /icsLayer 5 is beyond the dln network's 4 linear layers/],
    ['a network the experiment does not offer', ['bn-vs-standard', '--set', 'model=dln'], /model must be one of mlp, convnet \(got dln\)/],
  ])('exits with code 2 and writes nothing for %s', async (_, argv, message) => {
    const out = join(scratch, 'bad.json');
    const result = await run(['--out', out, ...argv]);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(message);
    expect(existsSync(out)).toBe(false);
  });

  it('prints usage for --help without running anything', async () => {
    const result = await run(['--help']);
    expect(result).toEqual({ code: 0, out: expect.stringMatching(/^usage: npm run reproduce -- <experiment>/), err: '' });
  });
});
