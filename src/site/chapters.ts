/** The chapter list in course order, and a chapter's neighbours for the prev/next links. */
import { getCollection, type CollectionEntry } from 'astro:content';

export type Chapter = CollectionEntry<'chapters'>;

export async function chaptersInOrder(): Promise<Chapter[]> {
  const chapters = await getCollection('chapters');
  const sorted = chapters.sort((a, b) => a.data.order - b.data.order);
  const clash = sorted.find((c, i) => i > 0 && c.data.order === sorted[i - 1]!.data.order);
  if (clash) throw new Error(`Two chapters have order ${clash.data.order}; each chapter needs its own.`);
  return sorted;
}

export function neighbours(chapters: readonly Chapter[], id: string): { prev?: Chapter; next?: Chapter } {
  const i = chapters.findIndex((c) => c.id === id);
  return { prev: chapters[i - 1], next: chapters[i + 1] };
}
