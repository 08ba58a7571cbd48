/**
 * The course's bibliography: the shape of an entry, its validation, and the two ways an entry is
 * shown (a one-line reference and a BibTeX record).
 *
 * Why typed data and not a .bib file: the entries are checked by the TypeScript compiler and by the
 * schema below when the site builds, no BibTeX parser (and its corner cases) is needed, and the
 * BibTeX readers copy is generated from the same record, so the two can never disagree.
 */
import { z } from 'astro/zod';

const text = (field: string) =>
  z.string({ error: `${field} must be a string` }).trim().min(1, { error: `${field} must not be empty` });

export const bibEntrySchema = z.strictObject({
  /** What a chapter writes in <Cite id="…" />: lower case, letters and digits, e.g. "santurkar2018". */
  key: z.string().regex(/^[a-z][a-z0-9-]*$/, { error: 'key must be lower-case letters, digits or "-", starting with a letter' }),
  type: z.enum(['inproceedings', 'article', 'book'], { error: 'type must be inproceedings, article or book' }),
  /** "Family, Given" as BibTeX writes them, so names with particles or diacritics stay unambiguous. */
  authors: z
    .array(z.string().regex(/^[^,]+, [^,]+$/, { error: 'each author must be written "Family, Given"' }))
    .min(1, { error: 'authors must list at least one author' }),
  title: text('title'),
  /** Conference proceedings, journal or publisher, as a reader would name it. */
  venue: text('venue'),
  year: z.int({ error: 'year must be a whole number' }).min(1900).max(2100),
  url: z.url({ protocol: /^https$/, error: 'url must be an https address' }),
  /** arXiv identifier, e.g. "1805.11604", when the work has one. */
  arxiv: z
    .string()
    .regex(/^\d{4}\.\d{4,5}$/, { error: 'arxiv must be an identifier like 1805.11604' })
    .optional(),
  /** Anything else a reader needs to find the work (edition, volume, pages). */
  note: text('note').optional(),
});

export type BibEntry = z.infer<typeof bibEntrySchema>;

/** Validates every entry and that keys are unique; the messages name the entry that is wrong. */
export function checkBibliography(entries: readonly unknown[]): BibEntry[] {
  const problems: string[] = [];
  const checked: BibEntry[] = [];
  entries.forEach((raw, i) => {
    const result = bibEntrySchema.safeParse(raw);
    const name = (raw as { key?: unknown })?.key ?? `#${i + 1}`;
    if (!result.success) {
      for (const issue of result.error.issues) problems.push(`bibliography entry ${String(name)}: ${issue.path.join('.') || 'entry'}: ${issue.message}`);
      return;
    }
    if (checked.some((e) => e.key === result.data.key)) problems.push(`bibliography entry ${result.data.key}: the key is used twice`);
    checked.push(result.data);
  });
  if (problems.length > 0) throw new Error(`The bibliography is invalid:\n  ${problems.join('\n  ')}`);
  return checked;
}

/** "Shibani Santurkar" from "Santurkar, Shibani". */
export function displayName(author: string): string {
  const [family, given] = author.split(', ');
  return `${given} ${family}`;
}

/** Authors as prose: "A", "A and B", "A, B and C". */
export function authorList(entry: BibEntry): string {
  const names = entry.authors.map(displayName);
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** The title as a sentence of a reference: a final period unless it ends in its own punctuation. */
export function titleSentence(entry: BibEntry): string {
  return /[.?!]$/.test(entry.title) ? entry.title : `${entry.title}.`;
}

/** Characters LaTeX would read as commands (braces are left alone: in BibTeX they group, on purpose). */
function bibtexValue(value: string): string {
  return value.replace(/([%&$#_])/g, '\\$1');
}

/** A BibTeX record for one entry; the title is braced so BibTeX styles keep its capitals. */
export function toBibtex(entry: BibEntry): string {
  const venueField = entry.type === 'inproceedings' ? 'booktitle' : entry.type === 'article' ? 'journal' : 'publisher';
  const fields: [string, string][] = [
    ['author', entry.authors.map(bibtexValue).join(' and ')],
    ['title', `{${bibtexValue(entry.title)}}`],
    [venueField, bibtexValue(entry.venue)],
    ['year', String(entry.year)],
  ];
  if (entry.note) fields.push(['note', bibtexValue(entry.note)]);
  if (entry.arxiv) fields.push(['eprint', entry.arxiv], ['archivePrefix', 'arXiv']);
  fields.push(['url', entry.url]);
  return bibtexRecord(entry.type, entry.key, fields);
}

/** One BibTeX record, fields aligned one per line. */
export function bibtexRecord(type: string, key: string, fields: readonly [string, string][]): string {
  const width = Math.max(...fields.map(([name]) => name.length));
  const lines = fields.map(([name, value]) => `  ${name.padEnd(width)} = {${value}}`);
  return `@${type}{${key},\n${lines.join(',\n')}\n}`;
}
