/**
 * The parts of a rendered chapter that instructors collect: its self-check questions (prompt, choices,
 * the right answer and the explanation) and its exercises (prompt and answer). Read from the chapter's
 * built HTML, so an answer key or a handout shows exactly what students read, math and measured
 * numbers included, and a chapter needs nothing extra to have one. Pure string work, no DOM.
 */

export interface SelfCheckChoice {
  html: string;
  correct: boolean;
}

export interface SelfCheckPart {
  prompt: string;
  choices: SelfCheckChoice[];
  /** The expected number of a numeric question, else null. */
  answer: number | null;
  explanation: string;
}

export interface ExercisePart {
  prompt: string;
  answer: string;
}

/** The index just past the element opened at `start` (a `<tag` there), counting nested elements of the same tag. */
function elementEnd(html: string, start: number, tag: string): number {
  const pattern = new RegExp(`<${tag}[\\s>]|</${tag}>`, 'g');
  pattern.lastIndex = start;
  let depth = 0;
  for (let m = pattern.exec(html); m; m = pattern.exec(html)) {
    depth += m[0].startsWith('</') ? -1 : 1;
    if (depth === 0) return m.index + m[0].length;
  }
  throw new Error(`unclosed <${tag}> at ${start}: ${html.slice(start, start + 80)}`);
}

/** Every element `<tag…>` whose opening tag matches `opening`, outer HTML, in order. */
function elements(html: string, tag: string, opening: RegExp): string[] {
  const out: string[] = [];
  const re = new RegExp(opening.source, 'g');
  for (let m = re.exec(html); m; m = re.exec(html)) {
    const end = elementEnd(html, m.index, tag);
    out.push(html.slice(m.index, end));
    re.lastIndex = end;
  }
  return out;
}

/** What sits between an element's opening tag and its closing tag. */
const inner = (outer: string, tag: string) => outer.slice(outer.indexOf('>') + 1, outer.length - `</${tag}>`.length);

/** The body of the chapter section headed `<h2 id="…">`, without the heading; null if there is none. */
export function sectionBody(html: string, headingId: string): string | null {
  const heading = html.indexOf(`<h2 id="${headingId}">`);
  if (heading < 0) return null;
  const start = html.lastIndexOf('<section', heading);
  const section = html.slice(start, elementEnd(html, start, 'section'));
  return inner(section, 'section').replace(/^[\s\S]*?<\/h2>/, '');
}

/**
 * Build-only attributes (scoped-style markers) and scripts mean nothing outside the chapter page, and a
 * citation's reference list is on the chapter page only: its marker says where it points no more.
 */
export const cleanFragment = (html: string) =>
  html
    .replace(/\s+data-astro-cid-[\w-]+(="[^"]*")?/g, '')
    .replace(/\s+aria-describedby="ref-[^"]*"/g, '')
    .replace(/<script\b[\s\S]*?<\/script>/g, '')
    .trim();

export function selfCheckParts(chapterHtml: string): SelfCheckPart[] {
  return elements(chapterHtml, 'form', /<form class="sc-question"/).map((form) => {
    const answer = /^<form[^>]*\sdata-answer="([^"]+)"/.exec(form)?.[1];
    const body = inner(elements(form, 'div', /<div class="sc-body"/)[0]!, 'div');
    const choices = elements(body, 'label', /<label class="sc-choice"/).map((label) => ({
      html: cleanFragment(inner(label, 'label'))
        .replace(/^<input[^>]*>\s*/, '')
        .replace(/^<span>([\s\S]*)<\/span>$/, '$1'),
      correct: /<input[^>]*\sdata-correct/.test(label),
    }));
    const promptEnd = body.search(/<label class="sc-(choice|number-field)/);
    const prompt = (promptEnd < 0 ? body : body.slice(0, promptEnd)).replace(/<p class="sc-number"[^>]*><\/p>/, '').replace(/\sid="sc-[\w-]+-prompt"/, '');
    const details = elements(form, 'details', /<details class="sc-explanation"/)[0];
    if (!details) throw new Error(`a self-check question without an explanation: ${prompt.slice(0, 80)}`);
    return {
      prompt: cleanFragment(prompt),
      choices,
      answer: answer === undefined ? null : Number(answer),
      explanation: cleanFragment(inner(details, 'details').replace(/^[\s\S]*?<\/summary>/, '')),
    };
  });
}

/**
 * The "Exercises" section: each answer is a `<details>` (README, "Exercises"), and what comes before it,
 * back to the previous answer, is its prompt.
 */
export function exerciseParts(chapterHtml: string): ExercisePart[] {
  const body = sectionBody(chapterHtml, 'exercises');
  if (body === null) return [];
  const out: ExercisePart[] = [];
  let from = 0;
  const re = /<details>/g;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    const end = elementEnd(body, m.index, 'details');
    out.push({
      prompt: cleanFragment(body.slice(from, m.index)),
      answer: cleanFragment(inner(body.slice(m.index, end), 'details').replace(/^[\s\S]*?<\/summary>/, '')),
    });
    from = end;
    re.lastIndex = end;
  }
  return out;
}
