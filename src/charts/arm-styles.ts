/**
 * How each arm looks in every chart of the course: a name, a colour and a dash pattern, so arms are
 * told apart without colour too. Colours are the Okabe–Ito hues (vermillion, blue, bluish green,
 * reddish purple, orange), each at a lightness chosen per theme so that, in both themes, every two
 * arms of a figure stay apart for normal vision and under simulated deuteranopia and protanopia, and
 * each has at least 3:1 contrast against the figure's background (tests/unit/charts/arm-palette.test.ts,
 * threshold in the README). Written as light-dark() pairs, as in the theme, and set as inline styles.
 */
export interface ArmStyle {
  label: string;
  color: string;
  /** SVG stroke-dasharray; '' is solid. */
  dash: string;
}

/** Okabe–Ito hues as [light theme, dark theme]. */
export const ARM_HUES = {
  vermillion: ['#8c3e07', '#c55f1b'],
  blue: ['#0e4a74', '#62abf0'],
  bluishGreen: ['#0a825e', '#6be8b8'],
  reddishPurple: ['#b86794', '#b2628f'],
  orange: ['#ba8002', '#f7ad1e'],
} as const satisfies Record<string, readonly [string, string]>;

const hue = (name: keyof typeof ARM_HUES) => `light-dark(${ARM_HUES[name][0]}, ${ARM_HUES[name][1]})`;

const STYLES: Readonly<Record<string, ArmStyle>> = {
  standard: { label: 'Standard', color: hue('vermillion'), dash: '7 4' },
  batchnorm: { label: 'BatchNorm', color: hue('blue'), dash: '' },
  'noisy-batchnorm': { label: 'Noisy BatchNorm', color: hue('bluishGreen'), dash: '2 3' },
  'standard-noisy': { label: 'Standard + noise', color: hue('reddishPurple'), dash: '9 3 2 3' },
  l1: { label: 'ℓ1 norm', color: hue('bluishGreen'), dash: '2 3' },
  l2: { label: 'ℓ2 norm', color: hue('reddishPurple'), dash: '9 3 2 3' },
  linf: { label: 'ℓ∞ norm', color: hue('orange'), dash: '12 3' },
  clip: { label: 'Weight clipping', color: hue('vermillion'), dash: '7 4' },
  gp: { label: 'Gradient penalty', color: hue('blue'), dash: '' },
  sn: { label: 'Spectral norm', color: hue('bluishGreen'), dash: '2 3' },
};

const FALLBACK: ArmStyle = { label: '', color: 'var(--text-soft)', dash: '1 2' };

export function armStyle(arm: string): ArmStyle {
  return STYLES[arm] ?? { ...FALLBACK, label: arm };
}
