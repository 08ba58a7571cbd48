/** Internal URLs keep the base path and the trailing slash the site is built with. */
import { describe, expect, it } from 'vitest';
import { joinBase } from '../../../src/site/url';

describe('joinBase', () => {
  it('prefixes a sub-path base, with or without its trailing slash', () => {
    expect(joinBase('/bn-course/', 'chapters/x/')).toBe('/bn-course/chapters/x/');
    expect(joinBase('/bn-course', 'chapters/x/')).toBe('/bn-course/chapters/x/');
  });

  it('treats a leading slash in the path as site-relative, not origin-relative', () => {
    expect(joinBase('/bn-course/', '/favicon.svg')).toBe('/bn-course/favicon.svg');
  });

  it('gives the site root for an empty path, at / and under a sub-path', () => {
    expect(joinBase('/')).toBe('/');
    expect(joinBase('/bn-course/')).toBe('/bn-course/');
  });
});
