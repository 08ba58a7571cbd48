/**
 * The studies the chapters quote (see StudyPlan in plan.ts): `npm run replicate -- <study>` measures
 * one and writes src/replication/studies/<study>.json. Pure data, like the claims' plan. A study that
 * backs a claim in prose runs on the claims' seeds; one that only illustrates may run on one seed, which
 * the chapter then names.
 */
import { SEEDS, type StudyPlan } from './plan';

export const STUDY_PLANS: readonly StudyPlan[] = [
  {
    study: 'noisy-bn-moments',
    purpose:
      'Chapter 2: how far each arm’s layer-2 moments move per step at lr 0.5 (median over steps of the mean |Δμ| and |Δσ²| over units), for the noisy arms against the plain network, and BatchNorm’s |Δβ|.',
    seeds: SEEDS,
    runs: [{ key: 'lr0.5', label: 'lr 0.5', experiment: 'noisy-bn', overrides: { lr: 0.5 }, metrics: ['dMeanMedianLayer2', 'dVarMedianLayer2'] }],
  },
  {
    study: 'noisy-bn-strong-noise',
    purpose: 'Chapter 2, exercise 3: the noise turned up to n_μ = 1.5, n_σ = 2 at lr 0.5. Does the plain network with noise diverge, and how much does noisy BatchNorm suffer?',
    seeds: SEEDS,
    runs: [
      {
        key: 'strong',
        label: 'lr 0.5, n_μ 1.5, n_σ 2',
        experiment: 'noisy-bn',
        overrides: { lr: 0.5, nMu: 1.5, nSigma: 2 },
        metrics: ['finalLoss', 'trainAccuracy', 'divergedAt'],
      },
    ],
  },
  {
    study: 'spectral-norm-detail',
    purpose: 'Chapter 8: power iteration’s error before it has caught up and after 10 steps, and the SN critic’s product bound at the first and last probe against its largest measured ‖∇ₓf‖.',
    seeds: SEEDS,
    runs: [
      {
        key: 'sn',
        label: 'power iteration and SN critic',
        experiment: 'spectral-norm',
        overrides: {},
        metrics: ['sigmaRelErrorAt0', 'sigmaRelErrorAt10', 'productBoundFirst', 'productBoundLast', 'maxInputGradNormMax'],
      },
    ],
  },
  {
    study: 'wgan-settings',
    purpose:
      'Chapter 8: the gradient penalty at the paper’s λ = 10 (does the critic’s slope settle near 1, and does it still cover the modes?), and weight clipping at c = 0.1 (exercise 4: does a looser bound let the clipped critic learn?).',
    seeds: SEEDS,
    runs: [
      { key: 'lambda10', label: 'λ = 10', experiment: 'wgan', overrides: { lambda: 10 }, metrics: ['modesCovered', 'highQualityFraction', 'gradNormLast'] },
      { key: 'clip0.1', label: 'c = 0.1', experiment: 'wgan', overrides: { clip: 0.1 }, metrics: ['modesCovered', 'highQualityFraction', 'gradNormLast'] },
    ],
  },
  {
    study: 'lp-norms-mlp',
    purpose:
      'Chapter 7: the five MLPs at lr 0.5 (R5’s runs) — test accuracy, every normalized net evaluated with its running averages; the loss band along the gradient; and layer 2’s per-step moment changes.',
    seeds: SEEDS,
    runs: [
      {
        key: 'lr0.5',
        label: 'MLP, lr 0.5',
        experiment: 'lp-norms',
        overrides: { model: 'mlp', lr: 0.5 },
        metrics: ['testAccuracy', 'probeBandMedian', 'dMeanMedianLayer2', 'dVarMedianLayer2'],
      },
    ],
  },
  {
    study: 'lp-norms-lr0.1',
    purpose: 'Chapter 7, exercise 3: the five MLPs at lr 0.1. How much of the normalized arms’ lead over the plain network is left at the smaller learning rate?',
    seeds: SEEDS,
    runs: [{ key: 'lr0.1', label: 'MLP, lr 0.1', experiment: 'lp-norms', overrides: { model: 'mlp', lr: 0.1 }, metrics: ['finalLoss'] }],
  },
  {
    study: 'landscape-lr',
    purpose:
      'Chapter 5: the landscape probes at lr 0.5 beside lr 0.1 (the default). The plain network trains worse at 0.5; is its loss band there narrower than at 0.1, so that the measures describe where each run happens to be?',
    seeds: SEEDS,
    runs: [
      { key: 'lr0.1', label: 'lr 0.1', experiment: 'landscape', overrides: { lr: 0.1 }, metrics: ['finalLoss', 'lossBandMedian'] },
      { key: 'lr0.5', label: 'lr 0.5', experiment: 'landscape', overrides: { lr: 0.5 }, metrics: ['finalLoss', 'lossBandMedian'] },
    ],
  },
  {
    study: 'ics-settings',
    purpose:
      'Chapter 3’s exercises on R3’s deep linear network: the smallest learning rate (1e-7), an earlier layer (3), and the ten times larger rate the course first used (1e-5 for 400 steps), where the plain network’s own G and G′ stop agreeing on some seeds.',
    seeds: SEEDS,
    runs: [
      { key: 'lr1e-7', label: 'lr 1e-7', experiment: 'ics-gradients', overrides: { lr: 1e-7 }, metrics: ['finalLoss', 'icsCosMedian', 'icsL2Median'] },
      { key: 'layer3', label: 'layer 3', experiment: 'ics-gradients', overrides: { icsLayer: 3 }, metrics: ['finalLoss', 'icsCosMedian', 'icsL2Median'] },
      { key: 'lr1e-5', label: 'lr 1e-5, 400 steps', experiment: 'ics-gradients', overrides: { lr: 1e-5, steps: 400 }, metrics: ['finalLoss', 'icsCosMedian', 'icsL2Median'] },
    ],
  },
  {
    study: 'landscape-wide-range',
    purpose: 'Chapter 5: the landscape probes reaching 16 times the learning rate, on the same small steps as R4 plus larger ones.',
    seeds: [1, 2, 3, 4, 5],
    runs: [
      {
        key: 'eta16',
        label: 'MLP, lr 0.1, η up to 16 × lr',
        experiment: 'landscape',
        overrides: { etaRange: 16 },
        metrics: ['lossBandMedian', 'gradChangeMedian', 'betaEffMedian'],
      },
    ],
  },
];
