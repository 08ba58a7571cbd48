/**
 * The rule that keeps measured numbers out of the chapters' hand-typed prose (README, "Authoring a
 * chapter": numbers from data). A chapter may type a number only when it is not a measurement:
 *
 *   - a number of the set-up: a value of some committed run's config (widths, depths, learning rates,
 *     step counts, batch sizes, noise constants …), a probed step size, an engine constant;
 *   - a number quoted from a paper: the sentence carries a <Cite>;
 *   - arithmetic of a worked example: inside a region opened by the comment {/* worked: why *\/} and
 *     closed by the next </details> or </Question> (exercises and self-checks whose data the question
 *     itself gives: never a number a run produced);
 *   - a case of the explicit, commented allowlist the test passes in.
 *
 * Anything else that looks like a measurement is reported: a decimal (0.962), a percentage (26%), a
 * thousands-sized number (3,838 or 3838), or a multiple ("eight times", "270 times", "twice",
 * "seven-fold"). Plain small integers (layer 9, step 180, seed 1, 7 of 8 modes) are not caught: they
 * are mostly set-up, and the few measured ones are written with <Measured> by hand.
 * What <Measured … /> renders is data, so its markup is skipped, as are code and references to
 * numbered results ("Theorem 4.1", "§3.3", "Figs. 12, 13").
 */

export interface Allowed {
  /** Chapter file stem, e.g. "02-does-batchnorm-reduce-ics". */
  chapter: string;
  /** A piece of the chapter's text that holds the number (enough to be unique). */
  text: string;
  /** Why the number is not a measurement. */
  why: string;
}

export interface Finding {
  line: number;
  token: string;
  sentence: string;
}

/** Replace a span by spaces (newlines kept), so offsets and line numbers stay where they were. */
const blank = (s: string) => s.replace(/[^\n]/g, ' ');
const CITE_MARK = '¤';

const FRONTMATTER = /^---\n[\s\S]*?\n---\n/;
const ESM_LINE = /^(?:import|export)\b.*$/gm;
const FENCED = /```[\s\S]*?```/g;
const INLINE_CODE = /`[^`\n]*`/g;
const MEASURED = /<Measured\b[\s\S]*?\/>/g;
const ANSWER_FROM_DATA = /\{\.\.\.measuredAnswer\([\s\S]*?\)\}/g;
const CITE = /<Cite\b[^>]*\/>/g;
const WORKED = /\{\/\*\s*worked:[\s\S]*?\*\/\}[\s\S]*?(?:<\/details>|<\/Question>|$)/g;
/** "Theorem 4.1", "Theorems 4.4 and C.1", "§3.1–3.2", "Figs. 5, 12 (a), 13", "Section 3.3", "App. A.1". */
const REFERENCE =
  /(?:Theorems?|Lemmas?|Observations?|Definitions?|Propositions?|Corollar(?:y|ies)|Facts?|Sections?|§|Figures?|Figs?\.|Algorithms?|Alg\.|App\.|Appendix|Eqs?\.|equations?)\s*[0-9A-Z]+(?:\.[0-9]+)*(?:\s*\([a-d]\))?(?:\s*(?:,|and|–|-|to|or)\s*[0-9A-Z]+(?:\.[0-9]+)*(?:\s*\([a-d]\))?)*/g;

/** What looks like a measurement; each kind with how to read its value for the set-up check. */
const CANDIDATES: { kind: string; pattern: RegExp; value: (m: string) => number | null }[] = [
  { kind: 'percentage', pattern: /(?<![\d.])\d+(?:\.\d+)?\s?\\?%/g, value: (m) => Number.parseFloat(m) / 100 },
  { kind: 'decimal', pattern: /(?<![\d.,])\d*\.\d+(?![\d%]|\s?\\?%)/g, value: (m) => Number.parseFloat(m) },
  { kind: 'thousands', pattern: /(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d.])|(?<![\d.,])\d{4,}(?![\d.,])/g, value: (m) => Number(m.replaceAll(',', '')) },
  {
    kind: 'multiple',
    pattern:
      /\b(?:\d+(?:\.\d+)?|a hundred|hundred|thousand|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty)[\s-]+(?:times|fold)\b|\btwice\b(?![\s-]+differentiable)/gi,
    value: () => null,
  },
];

/** "4 times the learning rate", "16 × its learning rate": a probed range, i.e. set-up. */
const SETUP_MULTIPLE = /^\s*(?:the|its|their)\s+learning rate/;
/** Publication years in prose ("(2018)"). */
const isYear = (v: number) => Number.isInteger(v) && v >= 1950 && v <= 2030;

export interface ScanOptions {
  /** Numbers of the set-up (config values and engine constants). */
  setup: ReadonlySet<number>;
  allowed: readonly Allowed[];
}

function masked(source: string): string {
  let text = source.replace(FRONTMATTER, blank).replace(ESM_LINE, blank).replace(FENCED, blank).replace(INLINE_CODE, blank);
  text = text.replace(WORKED, blank).replace(MEASURED, blank).replace(ANSWER_FROM_DATA, blank);
  text = text.replace(CITE, (m) => CITE_MARK + blank(m).slice(1));
  return text.replace(REFERENCE, blank);
}

/** The sentence around an offset: from the previous sentence end (or blank line) to the next. */
function sentenceAt(text: string, at: number): string {
  let start = 0;
  for (const m of text.slice(0, at).matchAll(/[.!?:](?=\s)|\n\s*\n/g)) start = m.index + m[0].length;
  const end = text.slice(at).search(/[.!?:](?=\s|$)|\n\s*\n/);
  return text.slice(start, end < 0 ? text.length : at + end + 1);
}

/** Whether an occurrence of `text` in the source spans [at, at + length). */
function covers(source: string, text: string, at: number, length: number): boolean {
  for (let i = source.indexOf(text); i >= 0; i = source.indexOf(text, i + 1)) if (i <= at && at + length <= i + text.length) return true;
  return false;
}

/** Every number in a chapter that reads as a hand-typed measurement under the rule above. */
export function handTypedNumbers(chapter: string, source: string, { setup, allowed }: ScanOptions): Finding[] {
  const text = masked(source);
  const mine = allowed.filter((a) => a.chapter === chapter);
  const findings: Finding[] = [];
  for (const { kind, pattern, value } of CANDIDATES) {
    for (const match of text.matchAll(pattern)) {
      const at = match.index;
      const token = match[0];
      const sentence = sentenceAt(text, at);
      const v = value(token);
      if (sentence.includes(CITE_MARK)) continue;
      if (v !== null && (setup.has(v) || (kind === 'thousands' && isYear(v)))) continue;
      if (kind === 'multiple' && SETUP_MULTIPLE.test(text.slice(at + token.length))) continue;
      if (mine.some((a) => covers(source, a.text, at, token.length))) continue;
      findings.push({ line: source.slice(0, at).split('\n').length, token: `${kind}: ${token.trim()}`, sentence: sentence.replace(/\s+/g, ' ').trim() });
    }
  }
  return findings.sort((a, b) => a.line - b.line);
}
