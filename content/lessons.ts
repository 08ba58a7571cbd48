/**
 * A 50-minute lesson plan per chapter, for the instructors' pages (src/pages/teach/): goals, a timeline
 * (read, predict, run, discuss), the figure to run with the settings to open it with, two discussion
 * questions with what a good answer says, and the misconceptions the chapter corrects. Every claim about
 * what a run shows restates the chapter's own "What the browser-scale run shows" and "What we saw"; no
 * measured number is typed here (the chapters render those from committed data).
 * Checked by tests/unit/site/lessons.test.ts: one plan per chapter, 50 minutes each, and every
 * setting is one the figure's link accepts.
 */
import type { WidgetSlug } from '../src/widgets/catalog';

export type LessonPhase = 'read' | 'predict' | 'run' | 'discuss';

export interface LessonStep {
  phase: LessonPhase;
  minutes: number;
  what: string;
}

/** A run to open: the figure's link settings (its keys, as in a copied link) and why this run. */
export interface LessonRun {
  label: string;
  settings: Readonly<Record<string, string | number>>;
}

export interface Discussion {
  question: string;
  goodAnswer: string;
}

export interface Misconception {
  belief: string;
  correction: string;
}

export interface Lesson {
  /** The chapter's collection id. */
  chapter: string;
  goals: readonly string[];
  /** The equations a handout prints (TeX, rendered by KaTeX at build), as the chapter writes them. */
  keyEquations: readonly string[];
  timeline: readonly LessonStep[];
  figure: WidgetSlug;
  runs: readonly LessonRun[];
  discussion: readonly [Discussion, Discussion];
  misconceptions: readonly Misconception[];
}

/** The length of a class the timelines fill. */
export const LESSON_MINUTES = 50;

/**
 * What to watch for in each figure: shown on its lesson plan and, large, in the embed's presenter view
 * (`?present`).
 */
export const LOOK_FOR: Readonly<Record<WidgetSlug, string>> = {
  'batchnorm-explorer':
    'In training mode the output has mean β and spread γ whatever the input’s shift and scale. In evaluation mode, with a small batch, it strays from them.',
  'noise-injection':
    'Noisy BatchNorm’s layer inputs jump at every step, more than the plain network’s, yet its loss ends far below the plain network’s, close to BatchNorm’s.',
  'gradient-shift':
    'The plain network’s cosine between G and G′ stays near 1. BatchNorm’s starts there, then turns negative, while its loss ends lower.',
  'lipschitz-ratio':
    'The largest ratios found so far only ever grow: they are estimates of L and β from below. Across the kink of |x| the gradient ratio has no bound.',
  'landscape-probe':
    'BatchNorm’s loss band along the gradient is narrower and its gradient changes less over a step; the effective β does not separate the networks at the default probe range.',
  'theorem-check':
    'With the coefficient 1/m the two sides agree to float precision; with the printed 1/√m the right side falls short, even below zero.',
  'normalization-zoo':
    'The ℓ1, ℓ2 and ℓ∞ networks train like BatchNorm and far better than no normalization, though their activations look nothing alike.',
  'spectral-norm':
    'A few power-iteration steps bring σ̂ to σ(M); the product of the layers’ spectral norms bounds the network’s gradient from far above.',
  'wasserstein-critic':
    'The clipped critic stays nearly flat and its generator barely moves; the gradient penalty and spectral normalization find most of the eight modes, late in the run.',
};

export const LESSONS: readonly Lesson[] = [
  {
    chapter: '01-batch-normalization',
    goals: [
      'Compute a BatchNorm layer’s training-mode output for a small batch by hand.',
      'Say what γ, β and ε are for, and why the bias of the preceding linear layer is redundant.',
      'Explain why evaluation mode uses running statistics, and when the two modes disagree.',
      'State the internal-covariate-shift explanation that the rest of the course puts to the test.',
    ],
    keyEquations: [
      String.raw`\mu_\mathcal{B} = \frac{1}{m}\sum_{i=1}^{m} x_i, \qquad \sigma_\mathcal{B}^2 = \frac{1}{m}\sum_{i=1}^{m} \left(x_i - \mu_\mathcal{B}\right)^2`,
      String.raw`\hat x_i = \frac{x_i - \mu_\mathcal{B}}{\sqrt{\sigma_\mathcal{B}^2 + \epsilon}}, \qquad y_i = \gamma\,\hat x_i + \beta`,
      String.raw`\bar\mu \leftarrow (1 - \alpha)\,\bar\mu + \alpha\,\mu_\mathcal{B}, \qquad \bar\sigma^2 \leftarrow (1 - \alpha)\,\bar\sigma^2 + \alpha\,\sigma_\mathcal{B}^2`,
    ],
    timeline: [
      { phase: 'read', minutes: 10, what: 'Read “What BatchNorm computes in training” together; work the chapter’s first self-check (a batch of four) on the board.' },
      { phase: 'predict', minutes: 5, what: 'Ask: if the input’s population mean is 3 and its spread 2, what are the mean and spread of the training-mode output with γ = 1, β = 0? And in evaluation mode with a batch of four?' },
      { phase: 'run', minutes: 15, what: 'Open the figure with the first run, move the shift and scale sliders, then open the second run (evaluation mode, small batch) and press New batch a few times.' },
      { phase: 'discuss', minutes: 15, what: 'The two questions below; then exercise 2 (the redundant bias) in pairs.' },
      { phase: 'discuss', minutes: 5, what: 'Close with “The claim this course examines”: write the internal-covariate-shift story on the board, to be tested next time.' },
    ],
    figure: 'batchnorm-explorer',
    runs: [
      { label: 'Training mode, default batch', settings: { mode: 'train' } },
      { label: 'Evaluation mode, a batch of four', settings: { mode: 'eval', batchSize: 4 } },
    ],
    discussion: [
      {
        question: 'In training mode, why does the output not depend on the input’s shift and scale, and what gives the layer its freedom back?',
        goodAnswer:
          'The layer standardizes each unit with the batch’s own mean and (biased) variance, so any shift and scale of the input cancel. The learned γ and β then set the output’s spread and mean directly; γ = √(σ² + ε), β = μ even undo the normalization, so the layer can still represent the identity.',
      },
      {
        question: 'Why can the same input give different outputs in training and in evaluation mode, and when is the gap largest?',
        goodAnswer:
          'Training normalizes with the batch’s statistics, evaluation with running averages gathered during training. The gap is largest for small batches, whose statistics are noisy, and while the network is still changing fast, since the averages lag behind (with momentum α = 0.1 on the newest batch here).',
      },
    ],
    misconceptions: [
      { belief: 'BatchNorm forces every unit to mean 0 and variance 1.', correction: 'Only the normalized x̂ has them; the output has mean β and spread γ, both learned.' },
      { belief: 'The batch variance divides by m − 1.', correction: 'BatchNorm divides by m: the biased variance, which gives x̂ variance 1 within the batch.' },
      { belief: 'At inference BatchNorm normalizes with the batch it is given.', correction: 'It uses the running statistics, so it is a fixed affine map and each input gets one answer.' },
      { belief: '“Momentum 0.1” means the same thing in every framework.', correction: 'This course (like PyTorch) weights the newest batch by α; Keras and tf.layers weight the old value by ρ, and their default ρ is a much longer memory.' },
    ],
  },
  {
    chapter: '02-does-batchnorm-reduce-ics',
    goals: [
      'Describe Algorithm 1’s noise: non-zero-mean, non-unit-scale, redrawn at every step, per unit.',
      'Predict and then read the four arms of the noise experiment.',
      'Explain why BatchNorm’s own output moments say nothing about stability.',
      'Conclude that keeping layer inputs stable is not what makes BatchNorm help.',
    ],
    keyEquations: [
      String.raw`\mu^t_j \sim U(-n_\mu,\, n_\mu), \qquad \sigma^t_j \sim U(1,\, n_\sigma)`,
      String.raw`m^t_{i,j} \sim U(\mu^t_j - r_\mu,\ \mu^t_j + r_\mu), \qquad s^t_{i,j} \sim \mathcal N(\sigma^t_j,\ r_\sigma)`,
      String.raw`a_{i,j} \leftarrow s^t_{i,j}\, a_{i,j} + m^t_{i,j}`,
    ],
    timeline: [
      { phase: 'read', minutes: 10, what: 'Read “The story you have heard” and “An experiment that breaks the story”; write the noise’s three properties on the board.' },
      { phase: 'predict', minutes: 5, what: 'Each student ranks the four arms (standard, BatchNorm, noisy BatchNorm, standard + noise) by final loss, and writes why, before anything runs.' },
      { phase: 'run', minutes: 15, what: 'Run the default (learning rate 0.5) on the projector; while it trains, read the distribution panels. Then open the second run (learning rate 0.1) and compare the gaps.' },
      { phase: 'discuss', minutes: 15, what: 'Compare predictions with the run; the two questions below.' },
      { phase: 'discuss', minutes: 5, what: 'Exit ticket: one sentence on what the experiment rules out, and what it does not.' },
    ],
    figure: 'noise-injection',
    runs: [
      { label: 'The paper’s larger learning rate', settings: { lr: 0.5 } },
      { label: 'A smaller learning rate: the gap shrinks', settings: { lr: 0.1 } },
    ],
    discussion: [
      {
        question: 'At browser scale noisy BatchNorm trails BatchNorm a little. Does that rescue the internal-covariate-shift explanation?',
        goodAnswer:
          'No. Noisy BatchNorm’s layer inputs move more from step to step than the plain network’s, yet it ends far below the plain network and close to BatchNorm, while the same noise without BatchNorm is crippling. The remaining gap is small next to the gap to the plain network, and on the paper’s VGG it vanishes; stability of the inputs is not what carries the benefit.',
      },
      {
        question: 'BatchNorm’s per-step change of a unit’s batch mean is tiny. Why is that not evidence that BatchNorm stabilizes the next layer’s inputs?',
        goodAnswer:
          'After the affine step the batch mean is exactly β on every batch, so the measure is just how much β moved: small by construction. The informative comparison is noisy BatchNorm against the plain network.',
      },
    ],
    misconceptions: [
      { belief: 'BatchNorm works because it keeps the distribution of each layer’s inputs fixed.', correction: 'Noisy BatchNorm shifts them more than the plain network does and still trains almost as well as BatchNorm.' },
      { belief: 'Noise of this kind helps any network, as a regularizer.', correction: 'Without BatchNorm the same noise makes training worse: the plain network with noise ends with a higher loss than without it (the chapter says on how many seeds).' },
      { belief: 'Noisy BatchNorm matches BatchNorm exactly here, as in the paper.', correction: 'At browser scale its loss ends higher than BatchNorm’s, though far below the plain network’s; the chapter’s table gives the numbers.' },
    ],
  },
  {
    chapter: '03-ics-gradients',
    goals: [
      'State Definition 2.1: ICS as the change of a layer’s gradient, G against G′, once the earlier layers have been updated.',
      'Explain why this measures what optimization experiences better than moments of activations.',
      'Read ‖G − G′‖ and cos(G, G′) on the deep linear network, with and without BatchNorm.',
      'Reconcile “BatchNorm increases this ICS” with “BatchNorm trains faster”.',
    ],
    keyEquations: [
      String.raw`G_{t,i} = \nabla_{W_i^{(t)}}\, \mathcal L\big(W_1^{(t)}, \dots, W_k^{(t)};\ x^{(t)}, y^{(t)}\big)`,
      String.raw`G'_{t,i} = \nabla_{W_i^{(t)}}\, \mathcal L\big(W_1^{(t+1)}, \dots, W_{i-1}^{(t+1)},\ W_i^{(t)},\ W_{i+1}^{(t)}, \dots, W_k^{(t)};\ x^{(t)}, y^{(t)}\big)`,
    ],
    timeline: [
      { phase: 'read', minutes: 10, what: 'Read the definition of G and G′; draw on the board which layers have moved when G′ is taken.' },
      { phase: 'predict', minutes: 5, what: 'Pairs predict: with BatchNorm, will G and G′ agree more or less than in the plain network? Will the loss end higher or lower?' },
      { phase: 'run', minutes: 15, what: 'Run the default deep linear network; watch the cosine chart. Then open the second run (ten times the learning rate, 400 steps) and look at the plain network’s cosine.' },
      { phase: 'discuss', minutes: 15, what: 'The two questions below.' },
      { phase: 'discuss', minutes: 5, what: 'Summarize: ICS fails as the explanation under both readings, distributional (chapter 2) and gradient-based (this one).' },
    ],
    figure: 'gradient-shift',
    runs: [
      { label: 'The default deep linear network', settings: { model: 'dln', lr: 0.000001 } },
      { label: 'Ten times the learning rate: the plain network at the edge of stability', settings: { model: 'dln', lr: 0.00001, steps: 400 } },
    ],
    discussion: [
      {
        question: 'With BatchNorm, G and G′ end up pointing in nearly opposite directions, and the loss still ends lower. How can both be true?',
        goodAnswer:
          'Definition 2.1 measures how much a layer’s gradient changes when the earlier layers move, not whether training makes progress. BatchNorm reparametrizes the network; what decides speed is how the loss behaves along the steps taken (its smoothness, the next chapters), and a larger change of one layer’s gradient need not slow that down.',
      },
      {
        question: 'Why is the change of the gradient a better measure of internal covariate shift than the change of the activations’ mean and variance?',
        goodAnswer:
          'A layer experiences the shift of its inputs only through the update it gets, that is its gradient. Moments can move without changing the update and the update can change with fixed moments; BatchNorm’s own output moments are fixed by construction (β and γ), so they cannot tell.',
      },
    ],
    misconceptions: [
      { belief: 'BatchNorm reduces internal covariate shift, however it is measured.', correction: 'Measured as the change of the gradient, it is larger with BatchNorm on the deep linear network.' },
      { belief: 'In the plain network G and G′ always agree.', correction: 'Only with a small enough step: at ten times the learning rate the plain network reaches the edge of stability on some seeds and its own G and G′ stop agreeing.' },
      { belief: 'A gradient that changes more means slower training.', correction: 'The BatchNorm network’s gradient changes more and its loss ends lower.' },
    ],
  },
  {
    chapter: '04-lipschitz-and-smoothness',
    goals: [
      'Define an L-Lipschitz and a β-smooth function, and tell the two constants apart.',
      'Estimate L and β of a curve from secant and gradient ratios, and explain why such estimates come from below.',
      'Derive the descent lemma and read from it why η < 2/β cannot increase a β-smooth loss.',
      'Explain why a ReLU network has no global β, and what an effective β measures instead.',
    ],
    keyEquations: [
      String.raw`|f(x_1) - f(x_2)| \le L\,\|x_1 - x_2\|`,
      String.raw`\|\nabla f(x_1) - \nabla f(x_2)\| \le \beta\,\|x_1 - x_2\|`,
      String.raw`f(y) \le f(x) - \eta\Big(1 - \frac{\beta\eta}{2}\Big)\,\|\nabla f(x)\|^2`,
    ],
    timeline: [
      { phase: 'read', minutes: 10, what: 'Read the two definitions; sketch a curve with a large L but a small β, and one the other way round.' },
      { phase: 'predict', minutes: 5, what: 'Before touching the figure: on |x|, what happens to the gradient ratio when the two points straddle the kink and come together?' },
      { phase: 'run', minutes: 15, what: 'Open the first run (|x|) and straddle the kink; then the second run (the BatchNorm network’s curve) and compare its vertical axis with the plain network’s.' },
      { phase: 'discuss', minutes: 15, what: 'Derive the descent lemma on the board together; the two questions below.' },
      { phase: 'discuss', minutes: 5, what: 'Bridge to chapter 5: one line through one point proves little about a landscape.' },
    ],
    figure: 'lipschitz-ratio',
    runs: [
      { label: 'The kinked curve |x|', settings: { curve: 'kinked' } },
      { label: 'The BatchNorm network along its gradient', settings: { curve: 'network-batchnorm' } },
    ],
    discussion: [
      {
        question: 'Why can the largest ratio found over sampled pairs only estimate L or β from below?',
        goodAnswer:
          'By definition every pair’s ratio is at most the constant, and the constant is the supremum over all pairs. A finite sample can miss the worst pair, so the running maximum can grow towards the constant but never exceed it.',
      },
      {
        question: 'From the descent lemma, why does a smaller β make larger steps safe?',
        goodAnswer:
          'For a β-smooth loss a gradient step of size η changes the loss by at most −η(1 − βη/2)‖∇f‖², which is negative whenever η < 2/β. A smaller β widens the range of step sizes that cannot increase the loss; the guaranteed decrease is largest at η = 1/β.',
      },
    ],
    misconceptions: [
      { belief: '“The gradient is β-Lipschitz” and “the loss is Lipschitz” say the same thing.', correction: 'L bounds how fast the loss changes; β bounds how fast its gradient changes. They are different constants.' },
      { belief: 'A ReLU network’s loss has a global smoothness constant β.', correction: 'At the kinks the gradient jumps, so no global β exists; an effective β is measured along training instead.' },
      { belief: 'Sampling more pairs can overshoot the true constant.', correction: 'Each ratio is at most the constant, so estimates only ever come from below.' },
    ],
  },
  {
    chapter: '05-the-landscape',
    goals: [
      'Define the three measures along the gradient: loss band, gradient predictiveness, effective β.',
      'Explain how the probes are taken without disturbing training, on the same batch.',
      'Compare the paper’s Figure 4 with the browser-scale run, including the finding that does not reproduce.',
      'Read a one-dimensional slice L(w − ηg) and judge which step sizes would have helped.',
    ],
    keyEquations: [
      String.raw`\beta_{\text{eff}}(t) = \max_\eta \frac{\|g_t - \nabla\mathcal L(w_t - \eta g_t)\|}{\|\eta g_t\|}`,
    ],
    timeline: [
      { phase: 'read', minutes: 10, what: 'Read how a probe is taken (evaluation-only steps w − ηg on the same batch) and the three measures.' },
      { phase: 'predict', minutes: 5, what: 'Predict for each of the three measures whether BatchNorm’s will be lower, and whether that will hold at browser scale.' },
      { phase: 'run', minutes: 15, what: 'Look at the precomputed run, read the slice at step 180, then open the second run (probes up to 16 × the learning rate) and press Play.' },
      { phase: 'discuss', minutes: 15, what: 'The two questions below.' },
      { phase: 'discuss', minutes: 5, what: 'List on the board what the measures are not: local, one-dimensional, one batch, a lower bound along one direction.' },
    ],
    figure: 'landscape-probe',
    runs: [
      { label: 'The paper’s probe range (default)', settings: { etaRange: 4 } },
      { label: 'Probing up to 16 times the learning rate', settings: { etaRange: 16 } },
    ],
    discussion: [
      {
        question: 'Which of the paper’s three findings reproduce at browser scale, and why does the effective β not, at the paper’s probe range?',
        goodAnswer:
          'The narrower loss band and the smaller gradient change reproduce; the effective β is not reliably lower. Over a step of a given size BatchNorm’s loss and gradient change less partly because its gradients, and so its steps, are smaller: per unit of distance moved the gradient changes about as much. The effective β also depends on how far one probes, and probing further separates the networks more clearly.',
      },
      {
        question: 'Why compare the two networks at the same settings rather than one network across learning rates?',
        goodAnswer:
          'The measures describe the landscape where each network happens to be. At learning rate 0.5 the plain network trains much worse, yet its band is not wider than at 0.1; comparing across settings mixes the landscape with where training took the network.',
      },
    ],
    misconceptions: [
      { belief: 'A narrower loss band proves a smaller smoothness constant.', correction: 'The band is over a step of fixed size; β is per unit of distance, and that ratio is the measure that does not reproduce.' },
      { belief: 'The probes map the whole landscape.', correction: 'They are one batch, one direction (the gradient) and a handful of step sizes; the effective β is a lower bound along that direction.' },
      { belief: 'Each network’s own learning rate is the best step along its gradient.', correction: 'At step 180 the plain network’s loss is lowest at the smallest probe and already higher at its learning rate, while BatchNorm’s keeps falling up to four times its learning rate.' },
    ],
  },
  {
    chapter: '06-what-the-theory-says',
    goals: [
      'Set up the comparison of one linear layer with and without BatchNorm, with every symbol defined.',
      'State Theorem 4.1 correctly (an equality, last coefficient 1/m) and explain why the printed 1/√m cannot be right.',
      'Say under which conditions Theorem 4.2 holds, what Theorem 4.4 adds in weight space, what Lemma 4.5 says about the starting point, and why BatchNorm loses no minimum of the plain network.',
      'List what the theory does not cover.',
    ],
    keyEquations: [
      String.raw`\hat y_j = \frac{y_j - \mu_j \mathbf 1}{\sigma_j}, \qquad z_j = \gamma\,\hat y_j + \beta\,\mathbf 1`,
      String.raw`\big\|\nabla_{y_j}\hat{\mathcal L}\big\|^2 = \frac{\gamma^2}{\sigma_j^2}\Big(\big\|\hat g_j\big\|^2 - \frac1m\langle\mathbf 1, \hat g_j\rangle^2 - \frac1m\langle\hat g_j, \hat y_j\rangle^2\Big)`,
    ],
    timeline: [
      { phase: 'read', minutes: 10, what: 'Read “The setup” and the statement of Theorem 4.1; define every symbol on the board.' },
      { phase: 'predict', minutes: 5, what: 'Ask: can the right side of the printed Theorem 4.1 be negative? What would that mean for an inequality whose left side is a squared norm?' },
      { phase: 'run', minutes: 10, what: 'Open the figure at the default batch size; then the second run (a larger batch, another γ) and press New draw a few times.' },
      { phase: 'discuss', minutes: 20, what: 'Observation 4.3 and the scope of Theorem 4.2 in small groups; then the two questions below.' },
      { phase: 'discuss', minutes: 5, what: 'Read “What the theory does not say” aloud and collect one limitation per group.' },
    ],
    figure: 'theorem-check',
    runs: [
      { label: 'The default batch of 16', settings: { m: 16 } },
      { label: 'A larger batch and another γ', settings: { m: 64, gamma: 2 } },
    ],
    discussion: [
      {
        question: 'Why can the printed coefficient 1/√m not be right?',
        goodAnswer:
          'Theorem 4.1 holds with equality and coefficient 1/m; the lab confirms both sides agree to float precision. With 1/√m the right side subtracts too much and can even be negative, while the left side is a squared norm, never below zero.',
      },
      {
        question: 'What does the theory not say about BatchNorm in a real network?',
        goodAnswer:
          'It concerns one layer with γ and β fixed, gradients with respect to activations (Theorem 4.4 carries it to the weights only in the worst case), and gives upper bounds. Theorem 4.2 needs local convexity and a positive inner product, which are not guaranteed through a later BatchNorm layer. Nothing about generalization.',
      },
    ],
    misconceptions: [
      { belief: 'The theorems prove that BatchNorm makes a whole network’s landscape smooth.', correction: 'They bound one layer’s gradient and curvature from above, under conditions.' },
      { belief: 'BatchNorm improves the landscape by restricting what the network can compute.', correction: 'Observation 4.3: every activation pattern of the plain network is reachable with BatchNorm; what changes is the parametrization.' },
      { belief: 'A theorem printed in a paper is right as printed.', correction: 'The printed 1/√m makes Theorem 4.1 false; the figure shows it numerically.' },
    ],
  },
  {
    chapter: '07-is-batchnorm-the-only-way',
    goals: [
      'Write down the ℓ1, ℓ2 and ℓ∞ normalizations of the paper’s Section 3.3.',
      'Run the five normalizations side by side and compare losses, loss bands and activation distributions.',
      'Say which of the paper’s ℓp findings reproduce at browser scale and which do not.',
    ],
    keyEquations: [
      String.raw`\hat y_b = \gamma\,\frac{y_b - \mu}{s_p + \epsilon} + \beta`,
      String.raw`s_1 = \frac1m \sum_{b=1}^m |y_b|, \qquad s_2 = \Big(\frac1m \sum_{b=1}^m y_b^2\Big)^{1/2}, \qquad s_\infty = \max_b |y_b|`,
    ],
    timeline: [
      { phase: 'read', minutes: 10, what: 'Read the three formulas; note which parts are the course’s reading of the paper’s wording.' },
      { phase: 'predict', minutes: 5, what: 'Predict: which normalizations will train like BatchNorm? Will their activations look Gaussian?' },
      { phase: 'run', minutes: 20, what: 'Run the default MLP; compare the losses and the distribution panels (ℓ∞ beside BatchNorm). Then open the second run, the deep linear network, to test the paper’s ℓ1 claim.' },
      { phase: 'discuss', minutes: 15, what: 'The two questions below.' },
    ],
    figure: 'normalization-zoo',
    runs: [
      { label: 'The digits MLP (default)', settings: { model: 'mlp', lr: 0.5 } },
      { label: 'The deep linear network', settings: { model: 'dln', lr: 0.00001 } },
    ],
    discussion: [
      {
        question: 'If ℓp normalizations help about as much as BatchNorm, what does that say about the internal-covariate-shift story?',
        goodAnswer:
          'Their activations are not Gaussian-like (ℓ∞ squeezes them into a narrow range) and their variances move from step to step far more than BatchNorm’s, yet they train as well and far better than no normalization. A stable, standardized distribution is not what helps; what they share with BatchNorm is a better-behaved landscape (narrow loss bands).',
      },
      {
        question: 'The paper finds ℓ1 beating BatchNorm on the deep linear network; the browser run does not consistently. How would you find out whether this is a matter of scale?',
        goodAnswer:
          'Our network is smaller and trained for fewer steps. Change one factor at a time (depth, width, steps) on fixed seeds, over several seeds, and compare with the replication page’s pre-registered check rather than one run.',
      },
    ],
    misconceptions: [
      { belief: 'BatchNorm’s exact formula, dividing by the standard deviation, is what matters.', correction: 'Dividing by the ℓ1, ℓ2 or ℓ∞ size of the batch trains the MLP as well.' },
      { belief: 'The ℓp networks’ means hold as still as BatchNorm’s, so their inputs are stable.', correction: 'Every centred arm’s batch mean is β by construction; their variances move far more than BatchNorm’s.' },
      { belief: 'Every finding of the paper reproduces at browser scale.', correction: 'ℓ1 does not consistently beat BatchNorm on the deep linear network, and ℓ∞ ends above even the unnormalized network there.' },
    ],
  },
  {
    chapter: '08-lipschitzness-elsewhere',
    goals: [
      'Explain why a WGAN critic must be kept Lipschitz, and why that bound alone does not promise useful gradients.',
      'Describe weight clipping, the gradient penalty and spectral normalization.',
      'Carry out power iteration and the product bound on a network’s Lipschitz constant.',
      'Say which published findings on the 8-Gaussians toy reproduce at browser scale.',
    ],
    keyEquations: [
      String.raw`W(\mathbb P_r, \mathbb P_\theta) = \sup_{\|f\|_L \le 1} \; \mathbb E_{x \sim \mathbb P_r}[f(x)] - \mathbb E_{x \sim \mathbb P_\theta}[f(x)]`,
      String.raw`L = \mathbb E_{\tilde x \sim \mathbb P_g}[D(\tilde x)] - \mathbb E_{x \sim \mathbb P_r}[D(x)] + \lambda \, \mathbb E_{\hat x}\big[(\|\nabla_{\hat x} D(\hat x)\|_2 - 1)^2\big]`,
      String.raw`\|f\|_L \le \prod_{l=1}^{L+1} \sigma(W^l)`,
    ],
    timeline: [
      { phase: 'read', minutes: 10, what: 'Read “Why the critic must be Lipschitz” and “Weight clipping and its pathologies”; start the long run now, it takes a few minutes.' },
      { phase: 'predict', minutes: 5, what: 'Predict how many of the eight modes each critic will cover after the full run, and which critic will be flattest.' },
      { phase: 'run', minutes: 15, what: 'Watch the default run finish; switch the map between D(x) and ‖∇D‖ for each critic. Groups then open the second run (λ = 10) on their own machines.' },
      { phase: 'discuss', minutes: 15, what: 'The two questions below; power iteration on the board with the spectral-norm figure.' },
      { phase: 'discuss', minutes: 5, what: 'Tie back to chapters 4–5: here the constraint is on the critic’s input, not on the loss in the parameters.' },
    ],
    figure: 'wasserstein-critic',
    runs: [
      { label: 'The toy script’s settings (default)', settings: { lambda: 0.1 } },
      { label: 'The paper’s penalty weight λ = 10', settings: { lambda: 10 } },
    ],
    discussion: [
      {
        question: 'A clipped critic is Lipschitz. Why does it fail to train the generator here?',
        goodAnswer:
          'The Lipschitz constraint is an upper bound: it keeps the critic’s gradient from exploding, not from vanishing. Clipping at c = 0.01 keeps the critic far inside the bound, nearly flat, so the generator gets almost no signal. Useful gradients come from a critic close to the optimal one, whose gradient norm is 1 between coupled samples.',
      },
      {
        question: 'Spectral normalization bounds the product of the layers’ spectral norms by 1. Why is the measured gradient norm far below, and why is the product not exactly 1?',
        goodAnswer:
          'The product bound is loose: the layers’ worst directions do not line up and ReLUs zero parts of the signal. One power-iteration step per training step lags slightly behind the changing weights, so the normalized product is close to 1 rather than exactly 1.',
      },
    ],
    misconceptions: [
      { belief: 'Keeping the critic Lipschitz guarantees useful gradients.', correction: 'The clipped critic is Lipschitz and nearly flat: the bound caps the gradient, it does not keep it from vanishing.' },
      { belief: 'The paper’s λ = 10 is always better.', correction: 'It pulls the critic’s slope close to 1, but in 1,000 iterations it covers at least 7 of the 8 modes only on some seeds (the chapter says on how many).' },
      { belief: 'Lipschitzness here means the same as in chapters 4–5.', correction: 'There it described the loss in the parameters; here the critic’s Lipschitz constant in its input is constrained.' },
    ],
  },
];
