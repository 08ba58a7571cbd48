/** The chapter HTML passes, run through the same Markdown pipeline as the chapters (remark-math, rehype-katex). */
import { describe, expect, it } from 'vitest';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { rehypeChapterSections, rehypeFocusableDisplayMath } from '../../../src/site/rehype-chapter';

async function render(markdown: string): Promise<string> {
  const processor = await createMarkdownProcessor({
    remarkPlugins: [remarkMath],
    rehypePlugins: [rehypeKatex, rehypeFocusableDisplayMath, rehypeChapterSections],
    syntaxHighlight: false,
  });
  return (await processor.render(markdown)).code;
}

describe('chapter sections', () => {
  it('wraps each ## heading and what follows it, up to the next, and leaves the introduction alone', async () => {
    const html = await render('Intro.\n\n## One\n\nA.\n\n### Sub\n\nB.\n\n## Two\n\nC.');
    expect(html.replace(/\n/g, '')).toBe(
      '<p>Intro.</p>' +
        '<section class="chapter-section"><h2 id="one">One</h2><p>A.</p><h3 id="sub">Sub</h3><p>B.</p></section>' +
        '<section class="chapter-section"><h2 id="two">Two</h2><p>C.</p></section>',
    );
  });

  it('adds nothing to text without ## headings', async () => {
    expect(await render('Just $x$ here.')).not.toContain('<section');
  });
});

describe('display math', () => {
  it('is in the tab order in the HTML; inline math is not', async () => {
    const html = await render('Inline $a+b$ and\n\n$$\n\\sum_i x_i\n$$');
    expect(html.match(/class="katex-display"[^>]*tabindex="0"/g)).toHaveLength(1);
    expect(html.match(/tabindex/g)).toHaveLength(1);
  });
});
