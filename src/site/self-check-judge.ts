/**
 * The verdict on one self-check answer, apart from the page so it can be unit-tested. Messages are
 * what the reader sees and hears (aria-live), so each says what happened and what to do next.
 */
export type Answer =
  | { kind: 'choice'; /** Whether the chosen option is the right one; null when none is chosen. */ chosen: boolean | null }
  | { kind: 'numeric'; text: string; answer: number; tolerance: number };

export interface Verdict {
  result: 'right' | 'wrong' | 'incomplete';
  message: string;
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
      : { result: 'wrong', message: '✗ Not quite. The explanation below says why; you can choose again.' };
  }
  const value = parseAnswer(answer.text);
  if (value === null) {
    return { result: 'incomplete', message: answer.text.trim() ? `“${answer.text.trim()}” is not a number. Type a number, for example 0.25.` : 'Type a number first.' };
  }
  return Math.abs(value - answer.answer) <= answer.tolerance
    ? { result: 'right', message: '✓ Correct. The explanation is below.' }
    : { result: 'wrong', message: `✗ Not quite: ${value} is not it. The explanation below shows the working; you can try again.` };
}
