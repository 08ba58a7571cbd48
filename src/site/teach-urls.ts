/**
 * Addresses of the instructors' pages per chapter, and links that open a figure with given settings:
 * the same query a figure's Copy link writes (`<slug>.<key>=<value>`, src/widgets/share/url-state.ts).
 */
import { chapterHref, href } from './url';

export const lessonHref = (chapter: string) => href(`teach/${chapter}/`);
export const answersHref = (chapter: string) => href(`teach/${chapter}/answers/`);
export const handoutHref = (chapter: string) => href(`teach/${chapter}/handout/`);

function figureQuery(slug: string, settings: Readonly<Record<string, string | number>>): URLSearchParams {
  return new URLSearchParams(Object.entries(settings).map(([key, value]) => [`${slug}.${key}`, String(value)]));
}

/** The chapter page, scrolled to the figure, with these settings. */
export function runHref(chapter: string, slug: string, settings: Readonly<Record<string, string | number>>): string {
  return `${chapterHref(chapter)}?${figureQuery(slug, settings)}#widget-${slug}`;
}

/** The figure's embed page in the presenter view, with these settings. */
export function presentHref(slug: string, settings: Readonly<Record<string, string | number>>): string {
  const query = figureQuery(slug, settings);
  query.set('present', '');
  return `${href(`embed/${slug}/`)}?${query}`;
}
