/** The reproduce CLI called in-process, its output collected: what the unit and science tests of the CLI share. */
import { reproduce } from '../../../src/lab/cli/main';

export async function runCli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await reproduce(argv, { out: (t) => (out += t), err: (t) => (err += t), interactive: false });
  return { code, out, err };
}
