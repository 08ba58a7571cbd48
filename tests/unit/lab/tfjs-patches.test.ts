/**
 * The lab's patches to tfjs's source (scripts/tfjs-patches.mjs): applied to their files only, loud when stale, and in
 * effect where the lab trains from Node (the CLI's hooks). The site's bundle is checked by tests/browser/tfjs-bundle.test.ts.
 * (The copies of tfjs vitest itself loads are left alone: the same arithmetic.)
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { patchTfjs, TFJS_PATCHES } from '../../../scripts/tfjs-patches.mjs';

const require = createRequire(import.meta.url);
const pathOf = (file: string) => require.resolve(file);

describe('tfjs patches', () => {
  it.each(TFJS_PATCHES)('$file: its text is in the installed tfjs, and only that file is patched', ({ file, find, replace }) => {
    const path = pathOf(file);
    const source = readFileSync(path, 'utf8');
    expect(source).toContain(find);
    const patched = patchTfjs(path, source)!;
    expect(patched).toContain(replace);
    expect(patched).not.toContain(find);
    expect(patchTfjs(`file://${path}?v=1`, source)).toBe(patched);
    expect(patchTfjs(path.replace('util_base.js', 'util.js'), source)).toBeNull();
  });

  it('fails with a message when tfjs no longer has the text a patch replaces', () => {
    const path = pathOf(TFJS_PATCHES[0]!.file);
    expect(() => patchTfjs(path, 'export function sizeFromShape(shape) { return 0; }')).toThrow(/no longer has the text scripts\/tfjs-patches\.mjs replaces/);
  });

  it('tfjs in Node through scripts/tfjs-esm.mjs (the CLI) runs the patched sizeFromShape, with the same products', () => {
    const script = `const { util } = await import('@tensorflow/tfjs-core');
      const holey = new Array(3); holey[0] = 2; holey[1] = 3; holey[2] = 4;
      console.log(JSON.stringify({ source: util.sizeFromShape.toString(), sizes: [[], [7], [2, 3, 4], holey, [64, 784]].map(util.sizeFromShape) }));`;
    const run = spawnSync(process.execPath, ['--import', './scripts/tfjs-esm.mjs', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 30_000 });
    expect(run.status, run.stderr).toBe(0);
    const { source, sizes } = JSON.parse(run.stdout) as { source: string; sizes: number[] };
    expect(source).toContain('shape.reduce(multiply, 1)');
    expect(sizes).toEqual([1, 7, 24, 24, 50176]);
  });
});
