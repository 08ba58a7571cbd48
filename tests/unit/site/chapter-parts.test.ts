/**
 * Reading a rendered chapter's self-check and exercises (src/site/chapter-parts.ts): prompts, choices
 * with the right one marked, a numeric answer, explanations, and exercises split at their answers,
 * with nested elements and build-only attributes handled.
 */
import { describe, expect, it } from 'vitest';
import { exerciseParts, sectionBody, selfCheckParts } from '../../../src/site/chapter-parts';

const CHAPTER = `
<section class="chapter-section"><h2 id="try-it">Try it</h2><p>Play.</p></section>
<section class="chapter-section"><h2 id="check-yourself">Check yourself</h2>
<div class="self-check" data-astro-cid-x>
<form class="sc-question" method="dialog" data-answer="0.19" data-tolerance="0.001" data-astro-cid-y><div class="sc-body" role="group" data-astro-cid-y><p class="sc-number" aria-hidden="true" data-astro-cid-y></p><p id="sc-abc-prompt">The running mean after <em>two</em> batches?</p><label class="sc-number-field sc-js" hidden>Your answer <input name="a" /></label></div>
<div class="sc-actions sc-js" hidden><button type="submit">Check</button></div>
<details class="sc-explanation" data-astro-cid-y><summary>Answer and explanation</summary><p><strong>0.19.</strong> Twice <details><summary>more</summary>nested</details></p></details></form>
<form class="sc-question" method="dialog" data-astro-cid-y><div class="sc-body" role="group"><p class="sc-number" aria-hidden="true"></p><p id="sc-def-prompt">Which one?</p>
<label class="sc-choice" data-astro-cid-z><input type="radio" name="g" data-astro-cid-z /> <span data-astro-cid-z>First</span></label>
<label class="sc-choice"><input type="radio" name="g" data-correct="" /> <span>Second, with <span class="katex">x</span></span></label></div>
<details class="sc-explanation"><summary>Answer and explanation</summary><p>Because.</p></details></form>
<script type="module" src="/x.js"></script></div>
</section>
<section class="chapter-section"><h2 id="exercises">Exercises</h2>
<p><strong>1. By hand.</strong> Compute it.</p>
<details>
<summary>Answer</summary>
<p>It is 3.</p>
</details>
<p><strong>2. Why.</strong> Explain.</p><ul><li>a part</li></ul>
<details><summary>Answer</summary><p>Since <details><summary>x</summary>y</details> so.</p></details>
</section>
<section class="chapter-section"><h2 id="references">References</h2></section>`;

describe('chapter parts', () => {
  it('finds a section’s body by its heading', () => {
    expect(sectionBody(CHAPTER, 'try-it')).toBe('<p>Play.</p>');
    expect(sectionBody(CHAPTER, 'nope')).toBeNull();
  });

  it('reads self-check questions: prompt, choices, the right one, a number, the explanation', () => {
    const [numeric, choice] = selfCheckParts(CHAPTER);
    expect(numeric).toEqual({
      prompt: '<p>The running mean after <em>two</em> batches?</p>',
      choices: [],
      answer: 0.19,
      explanation: '<p><strong>0.19.</strong> Twice <details><summary>more</summary>nested</details></p>',
    });
    expect(choice!.answer).toBeNull();
    expect(choice!.prompt).toBe('<p>Which one?</p>');
    expect(choice!.choices).toEqual([
      { html: 'First', correct: false },
      { html: 'Second, with <span class="katex">x</span>', correct: true },
    ]);
    expect(choice!.explanation).toBe('<p>Because.</p>');
  });

  it('splits the exercises at their answers', () => {
    expect(exerciseParts(CHAPTER)).toEqual([
      { prompt: '<p><strong>1. By hand.</strong> Compute it.</p>', answer: '<p>It is 3.</p>' },
      { prompt: '<p><strong>2. Why.</strong> Explain.</p><ul><li>a part</li></ul>', answer: '<p>Since <details><summary>x</summary>y</details> so.</p>' },
    ]);
  });

  it('gives no exercises for a chapter without the section', () => {
    expect(exerciseParts('<section><h2 id="other">Other</h2></section>')).toEqual([]);
  });
});
