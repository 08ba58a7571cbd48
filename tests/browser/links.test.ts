/** Every internal link and asset reachable from the home page resolves under the base path. */
import { describe, expect, it } from 'vitest';
import { baseUrl, crawlSite } from './support/site';

describe('internal links', () => {
  it('all resolve with 200, and all stay under the base path', async () => {
    const { statuses, pages } = await crawlSite();
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(statuses.size).toBeGreaterThan(pages.length); // assets were followed too
    const broken = [...statuses].filter(([, status]) => status !== 200).map(([url, status]) => `${status} ${url}`);
    expect(broken).toEqual([]);
    const outside = [...statuses.keys()].filter((url) => !url.startsWith(baseUrl()));
    expect(outside).toEqual([]);
  });
});
