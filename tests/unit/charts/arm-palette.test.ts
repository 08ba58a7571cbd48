/**
 * The arms' colours stay apart for readers with colour-vision deficiencies. The threshold was fixed (and
 * written in the README) before the palette was chosen: in both themes, every two arms that share a
 * figure differ by CIEDE2000 ΔE ≥ 10 for normal vision and under simulated deuteranopia and
 * protanopia, and every arm colour has at least 3:1 contrast against the figure's background.
 */
import { describe, expect, it } from 'vitest';
import { armStyle } from '../../../src/charts/arm-styles';
import { LP_NORMS_ARMS } from '../../../src/lab/experiments/lp-norms-schema';
import { LANDSCAPE_ARMS } from '../../../src/lab/experiments/landscape-schema';
import { ICS_GRADIENTS_ARMS } from '../../../src/lab/experiments/ics-gradients-schema';
import { NOISY_BN_ARMS } from '../../../src/lab/experiments/noisy-bn-schema';
import { WGAN_ARMS } from '../../../src/lab/experiments/wgan-schema';
import { contrast, deltaE2000, lab, linearRgb, seenDifference, type Vision } from '../support/colour-vision';

const MIN_DELTA_E = 10;
const MIN_CONTRAST = 3;
/** The figure's background (--bg-soft in src/styles/theme.css), light and dark. */
const BACKGROUND = ['#f3f4f1', '#1d2024'] as const;
const THEMES = ['light', 'dark'] as const;
const VISIONS: Vision[] = ['normal', 'deuteranopia', 'protanopia'];
const FIGURES: Record<string, readonly string[]> = {
  'noise-injection': NOISY_BN_ARMS,
  'gradient-shift': ICS_GRADIENTS_ARMS,
  'landscape-probe': LANDSCAPE_ARMS,
  'normalization-zoo': LP_NORMS_ARMS,
  'wasserstein-critic': WGAN_ARMS,
};

/** An arm's colour in a theme, from its light-dark() pair. */
function colourOf(arm: string, theme: (typeof THEMES)[number]): string {
  const m = /^light-dark\((#[0-9a-f]{6}), (#[0-9a-f]{6})\)$/i.exec(armStyle(arm).color);
  if (!m) throw new Error(`${arm}: colour ${armStyle(arm).color} is not a light-dark() pair of hex colours`);
  return theme === 'light' ? m[1]! : m[2]!;
}

describe('colour arithmetic', () => {
  it('matches CIEDE2000 reference pairs (Sharma, Wu and Dalal 2005, pairs 1 and 17)', () => {
    expect(deltaE2000([50, 2.6772, -79.7751], [50, 0, -82.7485])).toBeCloseTo(2.0425, 4);
    expect(deltaE2000([50, 2.5, 0], [73, 25, -18])).toBeCloseTo(27.1492, 4);
  });

  it('maps white to L* 100 and keeps greys grey under both simulations', () => {
    expect(lab(linearRgb('#ffffff'))[0]).toBeCloseTo(100, 1);
    expect(seenDifference('#777777', '#777777', 'deuteranopia')).toBeCloseTo(0, 6);
    expect(seenDifference('#808080', '#808080', 'protanopia')).toBeCloseTo(0, 2);
  });

  it('finds the old palette’s failure: BatchNorm and ℓ2 all but merge under protanopia in the dark theme', () => {
    expect(seenDifference('#79b4f5', '#d4a6f2', 'protanopia')).toBeLessThan(2);
  });
});

describe.each(Object.entries(FIGURES))('the %s figure’s arms', (_figure, arms) => {
  it.each(THEMES.map((theme, i) => [theme, i] as const))('have ≥ 3:1 contrast against the figure in the %s theme', (theme, i) => {
    for (const arm of arms) expect(contrast(colourOf(arm, theme), BACKGROUND[i]!), arm).toBeGreaterThanOrEqual(MIN_CONTRAST);
  });

  it.each(THEMES.flatMap((theme) => VISIONS.map((vision) => [theme, vision] as const)))(
    'differ pairwise by ΔE2000 ≥ 10 in the %s theme, %s',
    (theme, vision) => {
      for (const [i, a] of arms.entries()) {
        for (const b of arms.slice(i + 1)) {
          expect(seenDifference(colourOf(a, theme), colourOf(b, theme), vision), `${a} vs ${b}`).toBeGreaterThanOrEqual(MIN_DELTA_E);
        }
      }
    },
  );

  it('each have their own dash pattern too', () => {
    expect(new Set(arms.map((arm) => armStyle(arm).dash)).size).toBe(arms.length);
  });
});
