/**
 * Only the latest request of a lazily computing figure shows its outcome: an older one that answers
 * late, whether with a result or a failure, changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { latestRequest } from '../../../src/widgets/explorer/latest-request';

/** A promise settled from outside, to put the answers in any order. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (err: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets every settled promise's callbacks run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

function figure() {
  const shown: { result: string | null; failure: string | null } = { result: null, failure: null };
  const start = latestRequest(() => Promise.resolve('lab'), {
    result: (value: string) => {
      shown.result = value;
      shown.failure = null;
    },
    failure: (message) => {
      shown.failure = message;
    },
  });
  return { shown, start };
}

/** A figure with an older request, then the latest, both still computing. */
function twoRequests() {
  const { shown, start } = figure();
  const old = deferred<string>();
  const latest = deferred<string>();
  start(() => old.promise);
  start(() => latest.promise);
  return { shown, old, latest };
}

describe('latestRequest', () => {
  it('shows a result, and a failure with its message', async () => {
    const { shown, start } = figure();
    start((lab) => `${lab}: 1`);
    await settle();
    expect(shown).toEqual({ result: 'lab: 1', failure: null });
    start(() => {
      throw new Error('out of memory');
    });
    await settle();
    expect(shown).toEqual({ result: 'lab: 1', failure: 'out of memory' });
  });

  it('drops a late failure of an older request: it does not cover a newer result', async () => {
    const { shown, old, latest } = twoRequests();
    latest.resolve('new');
    await settle();
    old.reject(new Error('old request failed'));
    await settle();
    expect(shown).toEqual({ result: 'new', failure: null });
  });

  it('drops a late result of an older request: it does not replace a newer one', async () => {
    const { shown, old, latest } = twoRequests();
    latest.resolve('new');
    await settle();
    old.resolve('old');
    await settle();
    expect(shown.result).toBe('new');
  });

  it('drops an older request’s failure even while the latest is still computing', async () => {
    const { shown, old, latest } = twoRequests();
    old.reject(new Error('old request failed'));
    await settle();
    expect(shown).toEqual({ result: null, failure: null });
    latest.reject(new Error('latest failed'));
    await settle();
    expect(shown.failure).toBe('latest failed');
  });

  it('reports a failure to load the lab', async () => {
    const shown: string[] = [];
    const start = latestRequest(() => Promise.reject(new Error('chunk failed to load')), {
      result: () => shown.push('result'),
      failure: (message) => shown.push(message),
    });
    start(() => 'never');
    await settle();
    expect(shown).toEqual(['chunk failed to load']);
  });
});
