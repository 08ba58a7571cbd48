/**
 * The course's glossary (shape and checks: src/site/glossary.ts). Definitions follow the course's
 * science notes and are Markdown with $…$ math; String.raw keeps TeX's backslashes as typed.
 * Prose links a term here with <Term id="…">; the build fails on an id that is not here.
 */
import { checkGlossary } from '../src/site/glossary';

export const GLOSSARY = checkGlossary([
  {
    id: 'batchnorm',
    term: 'Batch normalization (BatchNorm, BN)',
    definition: String.raw`A layer that, in training mode, standardizes each unit (each channel of a convolutional layer) over the mini-batch $\mathcal B = \{x_1, \dots, x_m\}$ and then applies a learned scale and shift:
$\hat x_i = (x_i - \mu_\mathcal B)/\sqrt{\sigma_\mathcal B^2 + \epsilon}$, $y_i = \gamma\,\hat x_i + \beta$, with the batch mean $\mu_\mathcal B$ and the biased batch variance $\sigma_\mathcal B^2 = \frac1m\sum_i (x_i - \mu_\mathcal B)^2$.
$\gamma$ and $\beta$ are learned per unit (initialized to 1 and 0), so the layer can represent the identity; $\epsilon$ only guards the division.
It sits after the linear map and before the non-linearity, which makes the linear layer's bias redundant. In evaluation mode it uses the running statistics instead and is a fixed affine map.`,
    see: ['running-statistics', 'ics'],
  },
  {
    id: 'running-statistics',
    term: 'Running statistics',
    definition: String.raw`The estimates $\bar\mu$ and $\bar\sigma^2$ of a unit's population mean and variance that BatchNorm uses in evaluation mode, in place of the batch's own statistics.
Frameworks keep them as exponential moving averages, updated once per training batch and starting from $\bar\mu = 0$, $\bar\sigma^2 = 1$:
$\bar\mu \leftarrow (1 - \alpha)\,\bar\mu + \alpha\,\mu_\mathcal B$, and likewise for $\bar\sigma^2$.
This course uses PyTorch's convention, momentum $\alpha = 0.1$ on the newest batch; Keras writes $\rho = 1 - \alpha$ and defaults to $\rho = 0.99$.`,
    see: ['batchnorm'],
  },
  {
    id: 'ics',
    term: 'Internal covariate shift (ICS)',
    definition: String.raw`The change in the distribution of a layer's inputs caused by the updates of the layers before it during training, so that each layer "chases a moving target".
Ioffe and Szegedy proposed reducing it as the reason BatchNorm helps. Santurkar et al. test that explanation twice: by making the distributions deliberately unstable (noisy BatchNorm), and by measuring ICS through gradients (G and G′). BatchNorm does not reduce ICS in the second sense; it often increases it.`,
    see: ['noisy-batchnorm', 'g-and-g-prime'],
  },
  {
    id: 'noisy-batchnorm',
    term: '“Noisy” BatchNorm',
    sortAs: 'Noisy BatchNorm',
    definition: String.raw`The paper's Algorithm 1: BatchNorm followed by random noise that changes at every step. For every BatchNorm layer, at step $t$, each unit $j$ draws $\mu^t_j \sim U(-n_\mu, n_\mu)$ and $\sigma^t_j \sim U(1, n_\sigma)$; each activation then draws $m^t_{i,j} \sim U(\mu^t_j - r_\mu, \mu^t_j + r_\mu)$ and $s^t_{i,j} \sim \mathcal N(\sigma^t_j, r_\sigma)$ and becomes $a_{i,j} \leftarrow s^t_{i,j}\,a_{i,j} + m^t_{i,j}$, with $n_\mu = 0.5$, $n_\sigma = 1.25$, $r_\mu = r_\sigma = 0.1$.
The noise is non-zero-mean, non-unit-scale and time-varying, so the next layer's inputs are far less stable; the network still trains almost as well as with plain BatchNorm.`,
    see: ['ics'],
  },
  {
    id: 'g-and-g-prime',
    term: 'G and G′ (Definition 2.1)',
    sortAs: 'G and G prime',
    definition: String.raw`Two gradients of the loss with respect to layer $i$'s weights at training step $t$, on the same batch. $G_{t,i}$ is taken with every layer at step $t$ (the gradient a simultaneous update uses); $G'_{t,i}$ is taken after only the preceding layers $1, \dots, i-1$ have made their step-$t$ update, the later layers unchanged.
The paper defines the internal covariate shift of layer $i$ at step $t$ as $\|G_{t,i} - G'_{t,i}\|_2$ (ideally 0) and also reports the cosine $\langle G, G'\rangle / (\|G\|\,\|G'\|)$ (ideally 1).`,
    see: ['ics'],
  },
  {
    id: 'dln',
    term: 'Deep linear network (DLN)',
    definition: String.raw`A network of linear layers with no non-linearity, $f(x) = W_k \cdots W_1 x$. The function it computes is linear, but its loss as a function of the weights is not convex, which makes it a simple test bed for optimization.
The paper's has 25 layers of $10 \times 10$ and minimizes $\|W_{25} \cdots W_1 x - Ax\|_2^2$ for a random Gaussian matrix $A$; the course's browser version has 10 layers and 200 samples.`,
  },
  {
    id: 'lipschitz-constant',
    term: 'Lipschitz constant',
    definition: String.raw`A function $f$ is $L$-Lipschitz if $|f(x_1) - f(x_2)| \le L\,\|x_1 - x_2\|$ for all $x_1, x_2$; the smallest such $L$ is its Lipschitz constant, the largest secant slope anywhere.
For a differentiable $f$ it equals $\sup_x \|\nabla f(x)\|$, which is why the paper measures Lipschitzness by gradient norms. For a vector-valued map the left side is $\|f(x_1) - f(x_2)\|_2$.
Estimates from finitely many pairs of points only ever bound it from below.`,
    see: ['beta-smoothness', 'spectral-norm'],
  },
  {
    id: 'beta-smoothness',
    term: 'β-smoothness',
    sortAs: 'beta-smoothness',
    definition: String.raw`A differentiable $f$ is β-smooth if its **gradient** is $\beta$-Lipschitz: $\|\nabla f(x_1) - \nabla f(x_2)\| \le \beta\,\|x_1 - x_2\|$ for all $x_1, x_2$. For twice-differentiable $f$ this is the same as $\|\nabla^2 f(x)\|_2 \le \beta$ everywhere.
$\beta$ is the Lipschitz constant of the gradient, not of $f$ (calling the Lipschitz condition on $f$ "β-Lipschitz" is a common slip). A small $\beta$ keeps the gradient predictive and makes larger gradient steps safe (see the descent lemma). A ReLU network's loss has kinks, so it has no global $\beta$.`,
    see: ['lipschitz-constant', 'effective-beta', 'descent-lemma'],
  },
  {
    id: 'descent-lemma',
    term: 'Descent lemma',
    definition: String.raw`For a β-smooth $f$, the gradient step $y = x - \eta\nabla f(x)$ satisfies $f(y) \le f(x) - \eta\left(1 - \tfrac{\beta\eta}{2}\right)\|\nabla f(x)\|^2$.
So every step size $\eta < 2/\beta$ decreases the loss (unless the gradient is zero), and $\eta = 1/\beta$ guarantees the largest decrease, $\|\nabla f(x)\|^2/(2\beta)$. The smaller $\beta$, the larger the step that is certain to help.`,
    see: ['beta-smoothness'],
  },
  {
    id: 'loss-landscape',
    term: 'Loss landscape (loss band)',
    definition: String.raw`The loss as a function of all of a network's weights. The paper probes it along the gradient: at step $t$, with weights $w_t$ and gradient $g_t$, it evaluates (without training, on the same batch) $\mathcal L(w_t - \eta g_t)$ for a range of step sizes $\eta$ and draws the smallest to largest value as a shaded **loss band**. A narrow band means the loss changes little along the step.`,
    see: ['gradient-predictiveness', 'effective-beta'],
  },
  {
    id: 'gradient-predictiveness',
    term: 'Gradient predictiveness',
    definition: String.raw`How well the gradient at $w_t$ describes the landscape a step away, measured by the gradient changes $\|g_t - \nabla\mathcal L(w_t - \eta g_t)\|_2$ over a range of step sizes $\eta$ (same batch, no training). Small changes mean a predictive gradient.`,
    see: ['loss-landscape', 'effective-beta'],
  },
  {
    id: 'effective-beta',
    term: 'Effective β',
    sortAs: 'effective beta',
    definition: String.raw`The paper's measure of smoothness along training, where no global $\beta$ exists: at weights $w$ with gradient $g = \nabla\mathcal L(w)$, the largest gradient change per unit of distance over the probed step sizes,
$\beta_{\text{eff}} = \max_\eta \|g - \nabla\mathcal L(w - \eta g)\| \,/\, \|\eta g\|$.
It is a lower bound on any global $\beta$, taken along the direction the optimizer moves, and its value depends on the range of $\eta$ probed.`,
    see: ['beta-smoothness', 'gradient-predictiveness'],
  },
  {
    id: 'scale-invariance',
    term: 'Scale invariance',
    definition: String.raw`For every $a > 0$, $\mathrm{BN}(aWx) = \mathrm{BN}(Wx)$ (ignoring $\epsilon$): scaling the weights before a BatchNorm scales the batch's values and its standard deviation alike. So the loss depends only on the direction of $W$; the weight gradient at $aW$ is the gradient at $W$ divided by $a$, and it is orthogonal to $W$. Lemma 4.5 of the paper builds on it.`,
    see: ['batchnorm'],
  },
  {
    id: 'lp-normalization',
    term: 'ℓp normalization',
    sortAs: 'lp normalization',
    definition: String.raw`The paper's alternatives to BatchNorm (its Section 3.3): centre each unit over the batch as BatchNorm does, then divide by the average $\ell_p$ size of the raw values instead of the standard deviation, for $p = 1, 2, \infty$.
In the course's reading of the paper's wording (it prints no formula): $\hat y_b = \gamma\,(y_b - \mu)/(s_p + \epsilon) + \beta$ with $s_1 = \frac1m\sum_b |y_b|$, $s_2 = \big(\frac1m\sum_b y_b^2\big)^{1/2}$, $s_\infty = \max_b |y_b|$.
They train about as well as BatchNorm although their activations are not Gaussian-like.`,
    see: ['batchnorm'],
  },
  {
    id: 'spectral-norm',
    term: 'Spectral norm',
    definition: String.raw`The largest factor by which a matrix stretches a vector, $\sigma(A) = \max_{h \ne 0} \|Ah\|_2 / \|h\|_2$: its largest singular value. It is the Lipschitz constant of the linear map $h \mapsto Ah$.
For a network whose activations are 1-Lipschitz (ReLU, leaky ReLU), $\|f\|_{\text{Lip}} \le \prod_l \sigma(W^l)$; the product is an upper bound that can be far from tight.`,
    see: ['spectral-normalization', 'power-iteration', 'lipschitz-constant'],
  },
  {
    id: 'spectral-normalization',
    term: 'Spectral normalization (SN)',
    definition: String.raw`Miyato et al.'s way to bound a network's Lipschitz constant: use $\bar W = W / \sigma(W)$ in place of each layer's weights, so every layer has spectral norm 1 and, with 1-Lipschitz activations, the network is at most 1-Lipschitz. $\sigma(W)$ is estimated by one step of power iteration per training step; the optimizer updates the unnormalized $W$.`,
    see: ['spectral-norm', 'power-iteration', 'critic'],
  },
  {
    id: 'power-iteration',
    term: 'Power iteration',
    definition: String.raw`A cheap estimate of the spectral norm from matrix–vector products. Keep a vector $\tilde u$ per layer and repeat
$\tilde v \leftarrow W^\top\tilde u / \|W^\top\tilde u\|_2$, $\tilde u \leftarrow W\tilde v / \|W\tilde v\|_2$; then $\sigma(W) \approx \tilde u^\top W \tilde v$.
Spectral normalization keeps $\tilde u$ from one training step to the next, so one iteration per step suffices: the weights change slowly.`,
    see: ['spectral-norm'],
  },
  {
    id: 'wasserstein-distance',
    term: 'Wasserstein distance (earth mover’s distance)',
    definition: String.raw`The Wasserstein-1 distance between distributions $\mathbb P_r$ and $\mathbb P_\theta$ is the least expected distance a transport plan must move mass: $W(\mathbb P_r, \mathbb P_\theta) = \inf_{\pi \in \Pi(\mathbb P_r, \mathbb P_\theta)} \mathbb E_{(x,y)\sim\pi}\|x - y\|$.
By Kantorovich–Rubinstein duality it equals $\sup_{\|f\|_L \le 1} \mathbb E_{x\sim\mathbb P_r}[f(x)] - \mathbb E_{x\sim\mathbb P_\theta}[f(x)]$, a supremum over **1-Lipschitz** functions $f$; with $K$-Lipschitz $f$ one gets $K \cdot W$. Unlike the Jensen–Shannon divergence, it changes continuously as the generator's distribution moves.`,
    see: ['critic'],
  },
  {
    id: 'critic',
    term: '1-Lipschitz critic',
    sortAs: 'critic (1-Lipschitz)',
    definition: String.raw`In a Wasserstein GAN, the network $f$ (no sigmoid) trained to maximize $\mathbb E_{\mathbb P_r}[f] - \mathbb E_{\mathbb P_\theta}[f]$. By Kantorovich–Rubinstein duality this estimates the Wasserstein distance only if $f$ is kept Lipschitz (1-Lipschitz, or $K$-Lipschitz up to the factor $K$); the generator then minimizes $-\mathbb E_z[f(g_\theta(z))]$.
Three ways to keep it Lipschitz: weight clipping, a gradient penalty, spectral normalization.`,
    see: ['wasserstein-distance', 'weight-clipping', 'gradient-penalty', 'spectral-normalization'],
  },
  {
    id: 'weight-clipping',
    term: 'Weight clipping',
    definition: String.raw`The original WGAN's way to keep the critic Lipschitz: after every critic update, clip each weight to $[-c, c]$ (the paper uses $c = 0.01$). The WGAN authors call it "a clearly terrible way" to enforce the constraint; the WGAN-GP paper (Gulrajani et al.) showed why: clipped critics learn overly simple functions, their weights pile up at $\pm c$, and their gradients explode or vanish across layers unless $c$ is tuned just right.`,
    see: ['critic', 'gradient-penalty'],
  },
  {
    id: 'gradient-penalty',
    term: 'Gradient penalty (WGAN-GP)',
    definition: String.raw`Gulrajani et al.'s replacement for weight clipping: add $\lambda\,\mathbb E_{\hat x}\big[(\|\nabla_{\hat x} D(\hat x)\|_2 - 1)^2\big]$ to the critic's loss, at points $\hat x = \epsilon x + (1 - \epsilon)\tilde x$ on lines between a real sample $x$ and a generated one $\tilde x$, $\epsilon \sim U[0, 1]$ per sample.
It pushes the critic's gradient norm towards 1, which the optimal critic has almost everywhere on such lines. Default $\lambda = 10$; it needs a gradient of a gradient, and no BatchNorm in the critic.`,
    see: ['critic', 'weight-clipping'],
  },
]);
