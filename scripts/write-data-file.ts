/**
 * Writes one committed data file (a trace, a seed band) as one line of JSON, refusing one over `maxBytes`:
 * every page that draws it ships it, so a file that grew past its cap is a plan to revisit, not to commit.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export async function writeDataFile(dir: string, name: string, data: unknown, maxBytes: number, what: string): Promise<void> {
  const text = `${JSON.stringify(data)}\n`;
  if (text.length > maxBytes) throw new Error(`${name}: ${what} is ${text.length} bytes, over ${maxBytes}`);
  await writeFile(join(dir, `${name}.json`), text);
  console.log(`wrote ${dir}/${name}.json (${(text.length / 1024).toFixed(1)} KiB)`);
}
