/** The browser tests say clearly when they cannot find Chromium, instead of failing obscurely. */
import { afterEach, describe, expect, it } from 'vitest';
import { findChromium } from '../../browser/support/browser';

const saved = process.env.CHROME_PATH;
afterEach(() => {
  if (saved === undefined) delete process.env.CHROME_PATH;
  else process.env.CHROME_PATH = saved;
});

describe('findChromium', () => {
  it('uses CHROME_PATH when it names a file', () => {
    process.env.CHROME_PATH = process.execPath; // any existing file will do
    expect(findChromium()).toBe(process.execPath);
  });

  it('names the bad CHROME_PATH when it points nowhere', () => {
    process.env.CHROME_PATH = '/nowhere/chromium';
    expect(() => findChromium()).toThrow(/CHROME_PATH is set to \/nowhere\/chromium, but no file exists there/);
  });
});
