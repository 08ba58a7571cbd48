/** "Cite this module": the BibTeX record for the course itself, shown on /bibliography/. */
import { bibtexRecord } from './bibliography';
import { SITE_TITLE } from './course';

export const MODULE_KEY = 'whybatchnormworks';
/** The year the module's content was written; bump it with a new edition, not with every build. */
export const MODULE_YEAR = 2026;

/** `url` is the module's address when the build knows its site (SITE_URL), else the record goes without. */
export function moduleBibtex(url: string | undefined): string {
  const fields: [string, string][] = [
    ['author', `{${SITE_TITLE} authors}`],
    ['title', `{${SITE_TITLE}}: an interactive course module on batch normalization and the smoothness of the loss landscape`],
    ['howpublished', 'Interactive course module with in-browser experiments'],
    ['year', String(MODULE_YEAR)],
    ['note', 'Follows Santurkar, Tsipras, Ilyas and Mądry, How Does Batch Normalization Help Optimization? (NeurIPS 2018)'],
  ];
  if (url) fields.push(['url', url]);
  return bibtexRecord('misc', MODULE_KEY, fields);
}
