/**
 * Every widget of the course by its slug (the public name in embed URLs, progress events and export
 * file names): its title, chapter, lab experiment, how an instructor might use it, and how long its
 * default run takes. Plain data, no component imports, so any page or script can read it cheaply;
 * the components are mapped to slugs where they are rendered (src/components/WidgetBySlug.astro).
 */
export interface WidgetEntry {
  slug: string;
  title: string;
  /** The chapter's collection id (content/chapters/<id>.mdx). */
  chapter: string;
  /** The lab experiment it trains (src/lab/experiments/registry.ts); null for figures that compute on the page. */
  experiment: string | null;
  /** A suggested use in a class. */
  classroom: string;
}

export const WIDGETS = [
  {
    slug: 'batchnorm-explorer',
    title: 'BatchNorm on one unit',
    chapter: '01-batch-normalization',
    experiment: null,
    classroom:
      'Warm-up: ask students to predict the output mean and spread before moving the sliders, then switch to evaluation mode with a small batch and explain the gap between batch and running statistics.',
  },
  {
    slug: 'noise-injection',
    title: 'Noisy BatchNorm, live',
    chapter: '02-does-batchnorm-reduce-ics',
    experiment: 'noisy-bn',
    classroom:
      'Run it during the lecture on internal covariate shift: the noisy BatchNorm net shifts its layer inputs most yet trains about as well as BatchNorm. Let groups vary n_μ and n_σ and report when training breaks.',
  },
  {
    slug: 'gradient-shift',
    title: 'G versus G′, live',
    chapter: '03-ics-gradients',
    experiment: 'ics-gradients',
    classroom:
      'Pair exercise on Definition 2.1: one student predicts whether BatchNorm lowers ‖G − G′‖, the other runs it on the deep linear network and on the MLP; compare the cosines.',
  },
  {
    slug: 'lipschitz-ratio',
    title: 'Two points on a curve',
    chapter: '04-lipschitz-and-smoothness',
    experiment: null,
    classroom:
      'Homework: find the largest secant and gradient ratios on each curve and compare them with the exact constants; on the network curves, explain why BatchNorm’s gradient ratio can be larger.',
  },
  {
    slug: 'landscape-probe',
    title: 'The landscape along the gradient, live',
    chapter: '05-the-landscape',
    experiment: 'landscape',
    classroom:
      'Discussion starter on β-smoothness: run it with a larger probe range and ask which of the paper’s three findings hold at browser scale and why the effective β does not.',
  },
  {
    slug: 'theorem-check',
    title: 'Theorem 4.1, checked',
    chapter: '06-what-the-theory-says',
    experiment: null,
    classroom:
      'Proof reading session: students check Theorem 4.1’s two sides numerically, spot the 1/√m misprint, and verify scale invariance before working through the proof.',
  },
  {
    slug: 'normalization-zoo',
    title: 'Five normalizations, live',
    chapter: '07-is-batchnorm-the-only-way',
    experiment: 'lp-norms',
    classroom:
      'Lab session: groups each take one ℓp normalization, run it on the MLP and the deep linear network over a few seeds, and report whether it matches BatchNorm.',
  },
  {
    slug: 'spectral-norm',
    title: 'The spectral norm, by hand',
    chapter: '08-lipschitzness-elsewhere',
    experiment: null,
    classroom:
      'Board work on spectral normalization: students drag the matrix to make σ(M) large or small, count how many power-iteration steps σ̂ needs, and explain why the product bound stays far above the measured gradient.',
  },
  {
    slug: 'wasserstein-critic',
    title: 'Three ways to keep a critic Lipschitz, live',
    chapter: '08-lipschitzness-elsewhere',
    experiment: 'wgan',
    classroom:
      'Lab session on WGAN critics: groups run clipping, gradient penalty and spectral normalization, vary c or λ, and compare the modes covered and the critic’s gradient norm.',
  },
] as const satisfies readonly WidgetEntry[];

/** A catalog slug: pages that map slugs to components are checked against it. */
export type WidgetSlug = (typeof WIDGETS)[number]['slug'];

/** The widget that trains `experiment` (the live figures find their slug through it). */
export function widgetOfExperiment(experiment: string): WidgetEntry {
  const entry = WIDGETS.find((w) => w.experiment === experiment);
  if (!entry) throw new Error(`no widget trains "${experiment}"`);
  return entry;
}
