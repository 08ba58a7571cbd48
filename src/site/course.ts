/** Facts about the module as a whole, shown on the home page and in the page titles. */
export const SITE_TITLE = 'Why BatchNorm Works';

export const KEY_REFERENCE = {
  authors: 'Shibani Santurkar, Dimitris Tsipras, Andrew Ilyas and Aleksander Mądry',
  title: 'How Does Batch Normalization Help Optimization?',
  venue: 'Advances in Neural Information Processing Systems 31 (NeurIPS 2018)',
  arxiv: 'https://arxiv.org/abs/1805.11604',
} as const;
