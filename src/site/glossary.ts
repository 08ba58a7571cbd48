/**
 * The glossary: the shape of an entry, its validation, and the order of the glossary page.
 * Definitions are Markdown with $…$ math, rendered at build time (src/site/markdown.ts).
 */
import { z } from 'astro/zod';

export const glossaryEntrySchema = z.strictObject({
  /** The anchor on /glossary/ and what prose writes in <Term id="…">: lower case and "-". */
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, { error: 'id must be lower-case letters, digits or "-", starting with a letter' }),
  /** The heading, as readers see it (may hold Greek letters or primes). */
  term: z.string().trim().min(1, { error: 'term must not be empty' }),
  /** How the entry sorts, when the term starts with a symbol ("beta-smoothness" for "β-smoothness"). */
  sortAs: z.string().trim().min(1).optional(),
  definition: z.string().trim().min(20, { error: 'definition must say something (20 characters or more)' }),
  /** Ids of related entries, shown as "See also". */
  see: z.array(z.string()).optional(),
});

export type GlossaryEntry = z.infer<typeof glossaryEntrySchema>;

/** Validates the entries, that ids are unique and that every "see also" names an entry; sorted for the page. */
export function checkGlossary(entries: readonly unknown[]): GlossaryEntry[] {
  const problems: string[] = [];
  const checked: GlossaryEntry[] = [];
  entries.forEach((raw, i) => {
    const result = glossaryEntrySchema.safeParse(raw);
    const name = (raw as { id?: unknown })?.id ?? `#${i + 1}`;
    if (!result.success) {
      for (const issue of result.error.issues) problems.push(`glossary entry ${String(name)}: ${issue.path.join('.') || 'entry'}: ${issue.message}`);
      return;
    }
    if (checked.some((e) => e.id === result.data.id)) problems.push(`glossary entry ${result.data.id}: the id is used twice`);
    checked.push(result.data);
  });
  const ids = new Set(checked.map((e) => e.id));
  for (const entry of checked) {
    for (const other of entry.see ?? []) {
      if (!ids.has(other)) problems.push(`glossary entry ${entry.id}: "see" names an unknown entry "${other}"`);
    }
  }
  if (problems.length > 0) throw new Error(`The glossary is invalid:\n  ${problems.join('\n  ')}`);
  return checked.sort((a, b) => (a.sortAs ?? a.term).localeCompare(b.sortAs ?? b.term, 'en', { sensitivity: 'base' }));
}
