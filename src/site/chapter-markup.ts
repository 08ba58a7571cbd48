/**
 * What the chapter-level components (<Cite>, <Term>, <SelfCheck>) need to know about the page they
 * are rendered on: which chapter it is, and that chapter's MDX source (for citation numbers).
 * A component cannot receive the chapter as a prop from MDX without every author passing it, so it
 * reads it from the page's own URL, /<base>/chapters/<id>/.
 */
import { getEntry } from 'astro:content';
import { BIBLIOGRAPHY } from '../../content/bibliography';
import { GLOSSARY } from '../../content/glossary';
import { markupProblems } from './citations';

/** A chapter page, or an instructors' page made from a chapter (its answer key and handout repeat its parts). */
const CHAPTER_PATH = /\/(?:chapters\/([^/]+)|teach\/([^/]+)\/(?:answers|handout))\/?$/;

/** The chapter id of a chapter page's URL (or of a page made from the chapter), or undefined for any other page. */
export function chapterIdOfPage(url: URL): string | undefined {
  const match = CHAPTER_PATH.exec(url.pathname);
  return match ? decodeURIComponent((match[1] ?? match[2])!) : undefined;
}

/** The chapter a component is rendered in, with its MDX source; fails the build outside a chapter. */
export async function pageChapter(url: URL, component: string): Promise<{ id: string; source: string }> {
  const id = chapterIdOfPage(url);
  const entry = id === undefined ? undefined : await getEntry('chapters', id);
  if (!id || !entry) throw new Error(`<${component}> is used on ${url.pathname}, which is not a chapter page; it only works in chapters.`);
  return { id, source: entry.body ?? '' };
}

export const BIBLIOGRAPHY_KEYS: ReadonlySet<string> = new Set(BIBLIOGRAPHY.map((e) => e.key));
export const GLOSSARY_IDS: ReadonlySet<string> = new Set(GLOSSARY.map((e) => e.id));

/** Fails the build, naming the chapter and every unknown key, before any of the chapter renders. */
export function assertChapterMarkup(chapterId: string, source: string): void {
  const problems = markupProblems({ chapterId, source, bibliographyKeys: BIBLIOGRAPHY_KEYS, glossaryIds: GLOSSARY_IDS });
  if (problems.length > 0) {
    throw new Error(
      `Chapter ${chapterId} has ${problems.length} markup problem(s):\n  ${problems.join('\n  ')}\n` +
        'Citation keys live in content/bibliography.ts, glossary ids in content/glossary.ts.',
    );
  }
}
