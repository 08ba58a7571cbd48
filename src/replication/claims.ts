/**
 * The paper's claims R1–R7, and R1–R5 again on a convnet (R1c–R5c), as the replication page shows them: what the paper says, our browser-scale
 * set-up, which measured numbers to show, and the checks that decide the verdict. Every threshold is
 * written down in docs/protocol.md, with its reason, before the runs it judges; where the paper claims an
 * effect for which the original protocol drew no line (the effective-β gap, ℓ1 beating BatchNorm on the
 * DLN), the check says the line is ours. The science tests evaluate these very checks on fresh runs.
 */
import type { ClaimFile } from './measured';
import { FINAL_LOSS_WINDOW } from '../lab/experiments/summary';
import type { ClaimId } from './plan';
import type { Check, SeedView } from './report';
import r1 from './r1.json';
import r2 from './r2.json';
import r3 from './r3.json';
import r4 from './r4.json';
import r5 from './r5.json';
import r6 from './r6.json';
import r7 from './r7.json';
import r1c from './r1c.json';
import r2c from './r2c.json';
import r3c from './r3c.json';
import r4c from './r4c.json';
import r5c from './r5c.json';

export type MetricFormat = 'number' | 'percent' | 'count';

export const METRICS: Readonly<Record<string, { label: string; format: MetricFormat }>> = {
  finalLoss: { label: `training loss (mean of the last ${FINAL_LOSS_WINDOW} steps)`, format: 'number' },
  testAccuracy: { label: 'test accuracy', format: 'percent' },
  trainAccuracy: { label: 'training accuracy', format: 'percent' },
  // The measured layer is the set-up's (layer 9 of the DLN, the convnet's second convolution).
  icsCosMedian: { label: 'median cos(G, G′)', format: 'number' },
  icsL2Median: { label: 'median ‖G − G′‖', format: 'number' },
  lossBandMedian: { label: 'median loss band along the gradient', format: 'number' },
  gradChangeMedian: { label: 'median gradient change along the gradient', format: 'number' },
  betaEffMedian: { label: 'median effective β', format: 'number' },
  modesCovered: { label: 'modes covered (of 8)', format: 'count' },
  highQualityFraction: { label: 'high-quality samples', format: 'percent' },
  sigmaRelErrorAt10: { label: 'relative error of σ̂ after 10 steps', format: 'percent' },
  maxInputGradNormMax: { label: 'largest measured ‖∇ₓf‖ of the SN critic', format: 'number' },
  productBoundLast: { label: 'product bound Π σ(W/σ̂) at the last probe', format: 'number' },
};

/** One line of the "measured" cell: a metric of some arms in one run. */
export interface Shown {
  run: string;
  metric: string;
  arms: readonly string[];
}

export interface Claim {
  id: ClaimId;
  /** What the paper claims, in a sentence. */
  statement: string;
  /** Where in the paper (v3 numbering). */
  paperRef: string;
  /** The chapter that discusses it (collection id); the page links it when the chapter exists. */
  chapterId: string;
  /** Our browser-scale version of the experiment. */
  setup: string;
  file: ClaimFile;
  shown: readonly Shown[];
  checks: readonly Check[];
}

/** A line of the protocol as first written (docs/protocol.md, R1–R7). */
const PRE = 'pre-registered';
/** A line we drew for an effect the paper claims without one (docs/protocol.md says why it sits there). */
const OURS = 'our line for the paper’s claim';

/** `v(run, arm, metric)` with the run fixed. */
const at = (run: string) => (v: SeedView, arm: string, metric: string) => v(run, arm, metric);

const r2Loss = at('lr0.5');
const r5Loss = at('mlp');

/** BatchNorm against the standard network: the metrics shown for both, in one run. */
const bothArms = (run: string, metrics: readonly string[]): Shown[] => metrics.map((metric) => ({ run, metric, arms: ['standard', 'batchnorm'] }));

/** The commonest check: `arm`'s metric below `factor` × the standard network's, in one run. */
const belowStandard = (text: string, run: string, metric: string, arm: string, factor: number, source = PRE): Check => ({
  text,
  source,
  holds: (v) => v(run, arm, metric) < factor * v(run, 'standard', metric),
});

/** The convnet rows' common set-up (docs/protocol.md, convnet rows), before each row's own part. */
const CONVNET_SETUP =
  'Convnet on R1’s digits: two blocks of a 3×3 convolution (8, then 16 channels), the normalization per channel, ReLU and 2×2 max-pooling, then a dense layer; SGD batch 64, lr 0.05, 200 steps';
const conv = at('convnet');

/** R1–R5 asked again of the convnet, the paper's kind of network, with the lines pre-registered for it. */
const CONVNET_CLAIMS: readonly Claim[] = [
  {
    id: 'R1c',
    statement: 'R1 on a convnet: with BatchNorm after every convolution, the network trains faster.',
    paperRef: 'Figure 1 (VGG)',
    chapterId: '01-batch-normalization',
    setup: `${CONVNET_SETUP}; standard against BatchNorm.`,
    file: r1c as ClaimFile,
    shown: bothArms('convnet', ['finalLoss', 'testAccuracy']),
    checks: [belowStandard('BatchNorm loss < 0.7 × standard', 'convnet', 'finalLoss', 'batchnorm', 0.7)],
  },
  {
    id: 'R2c',
    statement: 'R2 on a convnet: BatchNorm with Algorithm 1’s noise after every convolution trains almost as well as BatchNorm.',
    paperRef: 'Figure 2, Algorithm 1',
    chapterId: '02-does-batchnorm-reduce-ics',
    setup: `${CONVNET_SETUP}; the noise drawn per channel, after the BatchNorm affine map, before the ReLU.`,
    file: r2c as ClaimFile,
    shown: [
      { run: 'convnet', metric: 'finalLoss', arms: ['standard', 'batchnorm', 'noisy-batchnorm', 'standard-noisy'] },
      { run: 'convnet', metric: 'trainAccuracy', arms: ['standard', 'standard-noisy'] },
    ],
    checks: [
      {
        text: 'BatchNorm ≤ noisy BatchNorm ≤ BatchNorm + 0.15',
        source: PRE,
        holds: (v) => {
          const [bn, noisy] = [conv(v, 'batchnorm', 'finalLoss'), conv(v, 'noisy-batchnorm', 'finalLoss')];
          return bn <= noisy && noisy <= bn + 0.15;
        },
      },
      belowStandard('noisy BatchNorm loss < standard', 'convnet', 'finalLoss', 'noisy-batchnorm', 1),
      { text: 'standard + noise loss > standard', source: PRE, holds: (v) => conv(v, 'standard-noisy', 'finalLoss') > conv(v, 'standard', 'finalLoss') },
    ],
  },
  {
    id: 'R3c',
    statement: 'R3 on a convnet: measured through gradients, internal covariate shift is as large or larger with BatchNorm, although BatchNorm trains better.',
    paperRef: 'Definition 2.1, Figure 3',
    chapterId: '03-ics-gradients',
    setup: `${CONVNET_SETUP}; G and G′ of the second convolution every 20 steps.`,
    file: r3c as ClaimFile,
    shown: bothArms('convnet', ['icsL2Median', 'icsCosMedian', 'finalLoss']),
    checks: [
      { text: 'BatchNorm: median ‖G − G′‖ ≥ standard (ICS not reduced)', source: PRE, holds: (v) => conv(v, 'batchnorm', 'icsL2Median') >= conv(v, 'standard', 'icsL2Median') },
      belowStandard('BatchNorm loss < standard', 'convnet', 'finalLoss', 'batchnorm', 1),
    ],
  },
  {
    id: 'R4c',
    statement: 'R4 on a convnet: BatchNorm narrows the loss band along the gradient and makes the gradient more predictive, with an effective β no worse.',
    paperRef: 'Figure 4',
    chapterId: '05-the-landscape',
    setup: `${CONVNET_SETUP}; every 20 steps, steps of η = lr × {½, 1, 2, 4} along the gradient.`,
    file: r4c as ClaimFile,
    shown: bothArms('convnet', ['lossBandMedian', 'gradChangeMedian', 'betaEffMedian']),
    checks: [
      belowStandard('BatchNorm loss band < 0.5 × standard', 'convnet', 'lossBandMedian', 'batchnorm', 0.5),
      belowStandard('BatchNorm gradient change < 0.7 × standard', 'convnet', 'gradChangeMedian', 'batchnorm', 0.7),
      { text: 'BatchNorm effective β ≤ 1.1 × standard (no worse)', source: PRE, holds: (v) => conv(v, 'batchnorm', 'betaEffMedian') <= 1.1 * conv(v, 'standard', 'betaEffMedian') },
    ],
  },
  {
    id: 'R5c',
    statement: 'R5 on a convnet: normalizing each channel by its ℓ1, ℓ2 or ℓ∞ statistics trains as well as BatchNorm.',
    paperRef: 'Section 3.3, Figures 5, 12, 13',
    chapterId: '07-is-batchnorm-the-only-way',
    setup: `${CONVNET_SETUP}; each normalization per channel (ℓp formulas: our reading of the paper’s wording).`,
    file: r5c as ClaimFile,
    shown: [{ run: 'convnet', metric: 'finalLoss', arms: ['standard', 'batchnorm', 'l1', 'l2', 'linf'] }],
    checks: (['l1', 'l2', 'linf'] as const).map((arm, i): Check => ({
      text: `${['ℓ1', 'ℓ2', 'ℓ∞'][i]} loss < standard and < BatchNorm + 0.15`,
      source: PRE,
      holds: (v) => conv(v, arm, 'finalLoss') < conv(v, 'standard', 'finalLoss') && conv(v, arm, 'finalLoss') < conv(v, 'batchnorm', 'finalLoss') + 0.15,
    })),
  },
];

export const CLAIMS: readonly Claim[] = [
  {
    id: 'R1',
    statement: 'Networks with BatchNorm train faster and tolerate larger learning rates.',
    paperRef: 'Figure 1',
    chapterId: '02-does-batchnorm-reduce-ics',
    setup: 'MLP 784→[64]×6→10 on 4,000 MNIST digits, SGD batch 64, 300 steps, lr 0.1 and 0.5 (paper: VGG on CIFAR-10, 15,000 steps).',
    file: r1 as ClaimFile,
    shown: [...bothArms('lr0.1', ['finalLoss']), ...bothArms('lr0.5', ['finalLoss', 'testAccuracy'])],
    checks: [
      belowStandard('BatchNorm loss < 0.6 × standard at lr 0.1', 'lr0.1', 'finalLoss', 'batchnorm', 0.6),
      belowStandard('BatchNorm loss < 0.4 × standard at lr 0.5', 'lr0.5', 'finalLoss', 'batchnorm', 0.4),
      {
        text: 'BatchNorm at lr 0.5 within ±0.05 of BatchNorm at lr 0.1',
        source: PRE,
        holds: (v) => Math.abs(v('lr0.5', 'batchnorm', 'finalLoss') - v('lr0.1', 'batchnorm', 'finalLoss')) < 0.05,
      },
    ],
  },
  {
    id: 'R2',
    statement: 'BatchNorm with time-varying noise after every layer trains almost as well as BatchNorm; the same noise stops a plain network from training.',
    paperRef: 'Figure 2, Algorithm 1',
    chapterId: '02-does-batchnorm-reduce-ics',
    setup: 'R1’s MLP with Algorithm 1’s noise after the BatchNorm affine map, before the ReLU; lr 0.5 and 0.1.',
    file: r2 as ClaimFile,
    shown: [
      { run: 'lr0.5', metric: 'finalLoss', arms: ['standard', 'batchnorm', 'noisy-batchnorm', 'standard-noisy'] },
      { run: 'lr0.5', metric: 'trainAccuracy', arms: ['standard', 'standard-noisy'] },
      { run: 'lr0.1', metric: 'finalLoss', arms: ['standard', 'noisy-batchnorm'] },
    ],
    checks: [
      belowStandard('noisy BatchNorm loss < 0.5 × standard at lr 0.5', 'lr0.5', 'finalLoss', 'noisy-batchnorm', 0.5),
      {
        text: 'BatchNorm ≤ noisy BatchNorm ≤ BatchNorm + 0.15 at lr 0.5',
        source: PRE,
        holds: (v) => {
          const [bn, noisy] = [r2Loss(v, 'batchnorm', 'finalLoss'), r2Loss(v, 'noisy-batchnorm', 'finalLoss')];
          return bn <= noisy && noisy <= bn + 0.15;
        },
      },
      { text: 'standard + noise loss > standard at lr 0.5', source: PRE, holds: (v) => r2Loss(v, 'standard-noisy', 'finalLoss') > r2Loss(v, 'standard', 'finalLoss') },
      belowStandard('noisy BatchNorm loss < 0.8 × standard at lr 0.1', 'lr0.1', 'finalLoss', 'noisy-batchnorm', 0.8),
    ],
  },
  {
    id: 'R3',
    statement: 'Measured through gradients (Definition 2.1), internal covariate shift is as large or larger with BatchNorm, although BatchNorm trains better.',
    paperRef: 'Definition 2.1, Figure 3',
    chapterId: '03-ics-gradients',
    setup: 'Deep linear network, 10 layers of 10×10, 200 Gaussian samples, full-batch GD at lr 1e-6, 2,000 steps; G and G′ of layer 9 every 20 steps (paper: 25 layers, 1,000 samples, lr 1e-6, 10,000 steps).',
    file: r3 as ClaimFile,
    shown: bothArms('dln', ['finalLoss', 'icsCosMedian', 'icsL2Median']),
    checks: [
      belowStandard('BatchNorm loss < 0.5 × standard', 'dln', 'finalLoss', 'batchnorm', 0.5),
      { text: 'standard: median cos(G, G′) > 0.9', source: PRE, holds: (v) => v('dln', 'standard', 'icsCosMedian') > 0.9 },
      { text: 'BatchNorm: median ‖G − G′‖ > 10 × standard', source: PRE, holds: (v) => v('dln', 'batchnorm', 'icsL2Median') > 10 * v('dln', 'standard', 'icsL2Median') },
      { text: 'BatchNorm: median ‖G − G′‖ ≥ standard (ICS not reduced)', source: PRE, holds: (v) => v('dln', 'batchnorm', 'icsL2Median') >= v('dln', 'standard', 'icsL2Median') },
    ],
  },
  {
    id: 'R4',
    statement: 'BatchNorm makes the loss and its gradient better behaved along the gradient: a narrower loss band, more predictive gradients and a lower effective β.',
    paperRef: 'Figure 4',
    chapterId: '05-the-landscape',
    setup: 'R1’s MLP at lr 0.1, 200 steps; every 20 steps, on the same batch, steps of η = lr × {½, 1, 2, 4} along the gradient (paper: VGG, η ∈ [0.05, 0.4]).',
    file: r4 as ClaimFile,
    shown: bothArms('mlp', ['lossBandMedian', 'gradChangeMedian', 'betaEffMedian']),
    checks: [
      belowStandard('BatchNorm loss band < 0.2 × standard', 'mlp', 'lossBandMedian', 'batchnorm', 0.2),
      belowStandard('BatchNorm gradient change < 0.5 × standard', 'mlp', 'gradChangeMedian', 'batchnorm', 0.5),
      { text: 'BatchNorm effective β ≤ 1.1 × standard (no worse)', source: PRE, holds: (v) => v('mlp', 'batchnorm', 'betaEffMedian') <= 1.1 * v('mlp', 'standard', 'betaEffMedian') },
      belowStandard('the gap: BatchNorm effective β < 0.9 × standard', 'mlp', 'betaEffMedian', 'batchnorm', 0.9, OURS),
    ],
  },
  {
    id: 'R5',
    statement: 'Normalizing by ℓ1, ℓ2 or ℓ∞ statistics works as well as BatchNorm, and ℓ1 even better on deep linear networks.',
    paperRef: 'Section 3.3, Figures 5, 12, 13',
    chapterId: '07-is-batchnorm-the-only-way',
    setup: 'R1’s MLP at lr 0.5, 300 steps; and R3’s deep linear network at lr 1e-5, 300 steps (ℓp formulas: our reading of the paper’s wording).',
    file: r5 as ClaimFile,
    shown: [
      { run: 'mlp', metric: 'finalLoss', arms: ['standard', 'batchnorm', 'l1', 'l2', 'linf'] },
      { run: 'dln', metric: 'finalLoss', arms: ['standard', 'batchnorm', 'l1'] },
    ],
    checks: [
      ...(['l1', 'l2', 'linf'] as const).map((arm, i): Check => ({
        text: `MLP: ${['ℓ1', 'ℓ2', 'ℓ∞'][i]} loss < 0.4 × standard and < BatchNorm + 0.1`,
        source: PRE,
        holds: (v) => r5Loss(v, arm, 'finalLoss') < 0.4 * r5Loss(v, 'standard', 'finalLoss') && r5Loss(v, arm, 'finalLoss') < r5Loss(v, 'batchnorm', 'finalLoss') + 0.1,
      })),
      { text: 'DLN: ℓ1 loss < BatchNorm', source: OURS, holds: (v) => v('dln', 'l1', 'finalLoss') < v('dln', 'batchnorm', 'finalLoss') },
    ],
  },
  {
    id: 'R6',
    statement: 'A WGAN critic must be Lipschitz (K-Lipschitz suffices: the duality then gives K times the Wasserstein distance); the gradient penalty enforces this well, weight clipping badly (WGAN, WGAN-GP).',
    paperRef: 'aside: Arjovsky et al. 2017; Gulrajani et al. 2017',
    chapterId: '08-lipschitzness-elsewhere',
    setup: '8 Gaussians in 2-D, generator and critic 2→64→64→·, batch 64, 5 critic steps, 1,000 generator iterations; quality on 2,000 samples (paper toy: 512-unit layers, 100,000 iterations).',
    file: r6 as ClaimFile,
    shown: [
      { run: 'toy', metric: 'modesCovered', arms: ['clip', 'gp', 'sn'] },
      { run: 'toy', metric: 'highQualityFraction', arms: ['clip', 'gp', 'sn'] },
    ],
    checks: [
      { text: 'gradient penalty covers ≥ 7 of 8 modes', source: PRE, holds: (v) => v('toy', 'gp', 'modesCovered') >= 7 },
      { text: 'gradient penalty: ≥ 30% high-quality samples', source: PRE, holds: (v) => v('toy', 'gp', 'highQualityFraction') >= 0.3 },
      {
        text: 'weight clipping scores lower than the gradient penalty (modes and quality)',
        source: PRE,
        holds: (v) => v('toy', 'clip', 'modesCovered') < v('toy', 'gp', 'modesCovered') && v('toy', 'clip', 'highQualityFraction') < v('toy', 'gp', 'highQualityFraction'),
      },
    ],
  },
  {
    id: 'R7',
    statement: 'Spectral normalization with one power iteration per step (recycled ũ) tracks σ(W) and bounds the network’s Lipschitz constant by 1.',
    paperRef: 'aside: Miyato et al. 2018, Algorithm 1',
    chapterId: '08-lipschitzness-elsewhere',
    setup: 'A 64×32 Gaussian matrix drifting each step, σ̂ against a 300-iteration reference; a 2→64→64→1 ReLU critic with W/σ̂ in every layer trained 100 steps, ‖∇ₓf‖ on 2,000 points every 10 steps.',
    file: r7 as ClaimFile,
    shown: [
      { run: 'sn', metric: 'sigmaRelErrorAt10', arms: ['power-iteration'] },
      { run: 'sn', metric: 'maxInputGradNormMax', arms: ['critic'] },
      { run: 'sn', metric: 'productBoundLast', arms: ['critic'] },
    ],
    checks: [
      { text: 'σ̂ within 1% of the reference after 10 steps', source: PRE, holds: (v) => v('sn', 'power-iteration', 'sigmaRelErrorAt10') < 0.01 },
      { text: 'SN critic: largest ‖∇ₓf‖ ≤ 1 + 10⁻³', source: PRE, holds: (v) => v('sn', 'critic', 'maxInputGradNormMax') <= 1 + 1e-3 },
    ],
  },
  ...CONVNET_CLAIMS,
];

/** Names of the arms the lab's arm styles do not know (the GAN and spectral-norm arms). */
export const EXTRA_ARM_LABELS: Readonly<Record<string, string>> = {
  clip: 'Weight clipping',
  gp: 'Gradient penalty',
  sn: 'Spectral norm',
  'power-iteration': 'Power iteration',
  critic: 'SN critic',
};
