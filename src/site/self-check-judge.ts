/**
 * The verdict on one self-check answer, apart from the page so it can be unit-tested. Messages are
 * what the reader sees and hears (aria-live), so each says what happened and what to do next.
 */
export type Answer =
  | { kind: 'choice'; /** Whether the chosen option is the right one; null when none is chosen. */ chosen: boolean | null }
  | {
      kind: 'numeric';
      text: string;
      answer: number;
      tolerance: number;
      /** Decimals the question asks for: an answer with fewer is a rounded one, not yet an answer. */
      decimals?: number;
    };

export interface Verdict {
  result: 'right' | 'wrong' | 'incomplete';
  message: string;
}

/** Digits after the decimal point (or comma) of a typed number: "2.50" → 2, "3" → 0, "1e-5" → 0. */
export function decimalsOf(text: string): number {
  const match = /[.,](\d*)/.exec(text.trim().replace(/e.*$/i, ''));
  return match ? match[1]!.length : 0;
}

/** Reads "0.25", "-3", "1e-5", "3,5" (decimal comma) and "−2" (a typographic minus); null for anything else. */
export function parseAnswer(text: string): number | null {
  const normalized = text.trim().replace(/\s+/g, '').replace('−', '-').replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(normalized)) return null;
  return Number(normalized);
}

export function judge(answer: Answer): Verdict {
  if (answer.kind === 'choice') {
    if (answer.chosen === null) return { result: 'incomplete', message: 'Choose one of the answers first.' };
    return answer.chosen
      ? { result: 'right', message: '✓ Correct. The explanation is below.' }
      : { result: 'wrong', message: '✗ Not quite. Choose again, or open the explanation below.' };
  }
  const value = parseAnswer(answer.text);
  if (value === null) {
    return { result: 'incomplete', message: answer.text.trim() ? `“${answer.text.trim()}” is not a number. Type a number, for example 0.25.` : 'Type a number first.' };
  }
  const asked = answer.decimals ?? 0;
  if (decimalsOf(answer.text) < asked) {
    const words = ['one', 'two', 'three'][asked - 1] ?? String(asked);
    return {
      result: 'incomplete',
      message: `The question asks for ${words} decimal${asked === 1 ? '' : 's'}: give ${words} digit${asked === 1 ? '' : 's'} after the point, like ${(0).toFixed(asked)}.`,
    };
  }
  return Math.abs(value - answer.answer) <= answer.tolerance
    ? { result: 'right', message: '✓ Correct. The explanation is below.' }
    : { result: 'wrong', message: `✗ Not quite: ${value} is not it. Try again, or open the working below.` };
}
