import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { chapterSchema } from './site/chapter-schema';

const chapters = defineCollection({
  // Ids come from the file names without the extension, e.g. "01-batch-normalization".
  loader: glob({ pattern: '*.mdx', base: './content/chapters' }),
  schema: chapterSchema,
});

export const collections = { chapters };
