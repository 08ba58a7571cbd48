/**
 * Citation numbering and markup checks for a chapter, from its MDX source.
 *
 * Numbers are worked out from the source text, not counted while the page renders: Astro renders
 * components concurrently, so a render-time counter could number [2] before [1]. Scanning the source
 * gives every <Cite> on the page and the chapter's reference list the same numbers, in the order of
 * first citation.
 */

/** `<Cite id="key" …/>` with a literal id: the only form the numbering can see. */
const CITE = /<Cite\b([^>]*)>/g;
const TERM = /<Term\b([^>]*)>/g;
const ID_ATTRIBUTE = /\bid\s*=\s*"([^"]*)"/;

/** The id attribute of every occurrence of a component, in source order; `null` where it is not a literal. */
function ids(source: string, tag: RegExp): (string | null)[] {
  return [...source.matchAll(tag)].map((m) => ID_ATTRIBUTE.exec(m[1]!)?.[1] ?? null);
}

/** The keys a chapter cites, each once, in the order of first citation: key i is reference [i + 1]. */
export function citationOrder(source: string): string[] {
  return [...new Set(ids(source, CITE).filter((k): k is string => k !== null))];
}

/** The reference number of a key in a chapter (1-based). */
export function citationNumber(source: string, key: string): number {
  const n = citationOrder(source).indexOf(key) + 1;
  if (n === 0) throw new Error(`"${key}" is not cited in this chapter's source`);
  return n;
}

/** The glossary ids a chapter links to with <Term id="…">, each once, in order of first use. */
export function termOrder(source: string): string[] {
  return [...new Set(ids(source, TERM).filter((k): k is string => k !== null))];
}

export interface MarkupProblemsInput {
  chapterId: string;
  source: string;
  bibliographyKeys: ReadonlySet<string>;
  glossaryIds: ReadonlySet<string>;
}

/**
 * Everything wrong with a chapter's <Cite> and <Term> markup, one message per problem, each naming
 * the chapter and the key, so a failed build says what to fix and where.
 */
export function markupProblems({ chapterId, source, bibliographyKeys, glossaryIds }: MarkupProblemsInput): string[] {
  const problems: string[] = [];
  const check = (tag: RegExp, name: string, known: ReadonlySet<string>, where: string) => {
    for (const id of ids(source, tag)) {
      if (id === null) problems.push(`chapter ${chapterId}: a <${name}> has no literal id="…" attribute`);
      else if (!known.has(id)) problems.push(`chapter ${chapterId}: <${name} id="${id}"> names an unknown ${where} "${id}"`);
    }
  };
  check(CITE, 'Cite', bibliographyKeys, 'citation key');
  check(TERM, 'Term', glossaryIds, 'glossary term');
  return [...new Set(problems)];
}
