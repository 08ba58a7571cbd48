/**
 * Internal URLs. The site may live under a sub-path (GitHub Pages: /<repo>/), so every link and
 * asset goes through `href`, which prefixes Astro's configured base and keeps the trailing slash
 * that `trailingSlash: 'always'` requires. Nothing else in the site hard-codes a path.
 */

/** Joins `base` (e.g. "/bn-course/" or "/") and a site-relative path ("chapters/x/", "favicon.svg"). */
export function joinBase(base: string, path = ''): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  return root + path.replace(/^\/+/, '');
}

/** A site-relative path resolved against the configured base. */
export function href(path = ''): string {
  return joinBase(import.meta.env.BASE_URL, path);
}

/** The page of one chapter, by its collection id. */
export function chapterHref(id: string): string {
  return href(`chapters/${id}/`);
}
