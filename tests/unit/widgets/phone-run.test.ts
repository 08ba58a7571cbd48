import { describe, expect, it } from 'vitest';
import { LONG_RUN_SECONDS, PHONE_SLOWDOWN, phoneDuration, phoneRunAdvice } from '../../../src/widgets/run/phone-run';

describe('phoneRunAdvice', () => {
  it('announces a run that takes a minute or more on a phone, with a round shorter run of about 30 s there', () => {
    // 76 s for 300 steps here: 1.01 s a step on a phone, 5 minutes in all; 29 steps in 30 s → 20.
    expect(phoneRunAdvice(76, 300, 300)).toEqual({ phoneSeconds: 304, shortSteps: 20 });
    // 23 s for 1000 steps: 0.092 s a step there; 326 steps in 30 s → 300.
    expect(phoneRunAdvice(23, 1000, 1000)).toEqual({ phoneSeconds: 92, shortSteps: 300 });
  });

  it('says nothing of a run under a minute on a phone, at the default cap or a lower one', () => {
    expect(phoneRunAdvice(14, 300, 300)).toBeNull();
    expect(phoneRunAdvice(76, 300, 20)).toBeNull();
    const cap = Math.floor((LONG_RUN_SECONDS * 300) / (76 * PHONE_SLOWDOWN));
    expect(phoneRunAdvice(76, 300, cap)).toBeNull();
    expect(phoneRunAdvice(76, 300, cap + 1)).not.toBeNull();
  });

  it('says nothing of figures with no run, and offers no "shorter" run that is not shorter', () => {
    expect(phoneRunAdvice(null, 300, 300)).toBeNull();
    // 10 steps (the least offered) would be the whole run already.
    expect(phoneRunAdvice(600, 10, 10)).toBeNull();
  });
});

describe('phoneDuration', () => {
  it('rounds to minutes', () => {
    expect(phoneDuration(61)).toBe('over a minute');
    expect(phoneDuration(304)).toBe('about 5 minutes');
  });
});
