/**
 * The frontmatter every chapter in content/chapters/ must have. Kept apart from
 * src/content.config.ts so a unit test can check it without Astro's virtual modules.
 * The messages are what an author sees when the build rejects a chapter.
 */
import { z } from 'astro/zod';

const text = (field: string) =>
  z.string({ error: `${field} must be a string` }).trim().min(1, { error: `${field} must not be empty` });

export const chapterSchema = z.strictObject(
  {
    title: text('title'),
    /** Position in the course, 1-based; also the order of the sidebar and of prev/next links. */
    order: z.int({ error: 'order must be a whole number (1, 2, …)' }).positive({ error: 'order must be 1 or more' }),
    /** One line, shown on the home page's chapter list and as the page's meta description. */
    summary: text('summary').max(200, { error: 'summary must be one line (at most 200 characters)' }),
    objectives: z
      .array(text('each objective'), { error: 'objectives must be a list of strings' })
      .min(1, { error: 'objectives must list at least one learning objective' }),
    /** Estimated reading-and-playing time. */
    minutes: z.int({ error: 'minutes must be a whole number' }).positive({ error: 'minutes must be 1 or more' }),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `unknown frontmatter field(s): ${issue.keys.join(', ')}` : undefined) },
);
