/** What the study-feature tests share: which chapters carry self-checks and citations, read from their sources. */
import { readdirSync, readFileSync } from 'node:fs';

const DIR = 'content/chapters';

/** Chapter ids (file names without .mdx) whose source uses `component`, e.g. "<SelfCheck". */
export function chaptersUsing(component: string): string[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith('.mdx') && readFileSync(`${DIR}/${f}`, 'utf8').includes(component))
    .map((f) => f.replace(/\.mdx$/, ''))
    .sort();
}
