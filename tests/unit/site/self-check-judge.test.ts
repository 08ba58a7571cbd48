/** Self-check verdicts: right, wrong and incomplete answers, and the numbers readers type. */
import { describe, expect, it } from 'vitest';
import { decimalsOf, judge, parseAnswer } from '../../../src/site/self-check-judge';

describe('parseAnswer', () => {
  it.each([
    ['0.25', 0.25],
    [' 3.5 ', 3.5],
    ['3,5', 3.5],
    ['−2', -2],
    ['1e-5', 1e-5],
    ['.5', 0.5],
    ['+4', 4],
  ])('reads %j as %d', (text, value) => {
    expect(parseAnswer(text)).toBe(value);
  });

  it.each(['', 'abc', '1/2', '3.5.1', '0x10', 'NaN', 'Infinity'])('refuses %j', (text) => {
    expect(parseAnswer(text)).toBeNull();
  });
});

describe('judge', () => {
  it('asks for a choice before judging one', () => {
    expect(judge({ kind: 'choice', chosen: null })).toEqual({ result: 'incomplete', message: 'Choose one of the answers first.' });
  });

  it('marks the right and the wrong choice', () => {
    expect(judge({ kind: 'choice', chosen: true }).result).toBe('right');
    const wrong = judge({ kind: 'choice', chosen: false });
    expect(wrong.result).toBe('wrong');
    expect(wrong.message).toMatch(/^✗ Not quite/);
  });

  it('accepts a number within the tolerance and no further', () => {
    const at = (text: string) => judge({ kind: 'numeric', text, answer: 1.342, tolerance: 0.01 }).result;
    expect(at('1.342')).toBe('right');
    expect(at('1,34')).toBe('right');
    expect(at('1.35')).toBe('right');
    expect(at('1.36')).toBe('wrong');
    expect(at('1.162')).toBe('wrong');
  });

  it('says what is wrong with text that is not a number', () => {
    expect(judge({ kind: 'numeric', text: 'about 3', answer: 3, tolerance: 0 })).toEqual({
      result: 'incomplete',
      message: '“about 3” is not a number. Type a number, for example 0.25.',
    });
    expect(judge({ kind: 'numeric', text: '  ', answer: 3, tolerance: 0 }).message).toBe('Type a number first.');
  });

  it('does not judge a rounded answer to a question that asks for decimals', () => {
    const at = (text: string) => judge({ kind: 'numeric', text, answer: 3.04, tolerance: 0.152, decimals: 1 });
    // "3" is within 5% of 3.04, but the question asked for one decimal: not yet an answer, and no spoiler.
    expect(at('3')).toEqual({ result: 'incomplete', message: 'The question asks for one decimal: give one digit after the point, like 0.0.' });
    expect(at('3.0').result).toBe('right');
    expect(at('3,0').result).toBe('right');
    expect(at('3.04').result).toBe('right');
    expect(at('2.5').result).toBe('wrong');
    expect(judge({ kind: 'numeric', text: '2.86', answer: 2.864, tolerance: 0.005, decimals: 3 }).message).toBe(
      'The question asks for three decimals: give three digits after the point, like 0.000.',
    );
  });

  it('counts the decimals a reader typed', () => {
    expect([decimalsOf('3'), decimalsOf('3.0'), decimalsOf(' 2,50 '), decimalsOf('1e-5'), decimalsOf('1.25e-3')]).toEqual([0, 1, 2, 0, 2]);
  });

  it('offers another try after a wrong choice instead of giving the answer away', () => {
    expect(judge({ kind: 'choice', chosen: false }).message).toBe('✗ Not quite. Choose again, or open the explanation below.');
  });

  it('repeats a wrong number back to the reader', () => {
    expect(judge({ kind: 'numeric', text: '7', answer: 16, tolerance: 0 }).message).toMatch(/^✗ Not quite: 7 is not it/);
  });
});
