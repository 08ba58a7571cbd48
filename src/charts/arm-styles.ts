/**
 * How each arm looks in every chart of the course: a name, a colour and a dash pattern, so arms are
 * told apart without colour too. Colours are CSS values (light-dark() pairs, as in the theme), set as
 * inline styles; each meets 3:1 contrast against the page in both themes.
 */
export interface ArmStyle {
  label: string;
  color: string;
  /** SVG stroke-dasharray; '' is solid. */
  dash: string;
}

const STYLES: Readonly<Record<string, ArmStyle>> = {
  standard: { label: 'Standard', color: 'var(--series-2)', dash: '7 4' },
  batchnorm: { label: 'BatchNorm', color: 'var(--series-1)', dash: '' },
  'noisy-batchnorm': { label: 'Noisy BatchNorm', color: 'light-dark(#2b7a34, #7fd18b)', dash: '2 3' },
  'standard-noisy': { label: 'Standard + noise', color: 'light-dark(#7b3fa0, #d4a6f2)', dash: '9 3 2 3' },
  l1: { label: 'ℓ1 norm', color: 'light-dark(#2b7a34, #7fd18b)', dash: '2 3' },
  l2: { label: 'ℓ2 norm', color: 'light-dark(#7b3fa0, #d4a6f2)', dash: '9 3 2 3' },
  linf: { label: 'ℓ∞ norm', color: 'light-dark(#00707a, #6fd6de)', dash: '12 3' },
  clip: { label: 'Weight clipping', color: 'var(--series-2)', dash: '7 4' },
  gp: { label: 'Gradient penalty', color: 'var(--series-1)', dash: '' },
  sn: { label: 'Spectral norm', color: 'light-dark(#2b7a34, #7fd18b)', dash: '2 3' },
};

const FALLBACK: ArmStyle = { label: '', color: 'var(--text-soft)', dash: '1 2' };

export function armStyle(arm: string): ArmStyle {
  return STYLES[arm] ?? { ...FALLBACK, label: arm };
}
