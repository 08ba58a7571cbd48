/**
 * The fields each widget's links carry, beside its settings' own schema: live figures add the seed to
 * their experiment's schema; the figures that compute on the page declare theirs here. Kept out of
 * the components (no tfjs, no DOM) so the unit tests can round-trip every widget's state.
 */
import { EXPLORER_FIELDS } from '../../lab/explorer/config';
import { BATCH_SIZE_FIELD, GAMMA_FIELD, SCALE_FIELD } from '../../lab/theory/config';
import type { ChoiceField, ConfigSchema, NumberField } from '../../lab/types';
import { CURVE_CHOICES } from '../lipschitz/curve-choices';
import { SEED_FIELD } from './url-state';

/** A live figure's link: every setting of its experiment and the run's seed. */
export const liveFields = (schema: ConfigSchema): ConfigSchema => [...schema, SEED_FIELD];

export const EXPLORER_MODE_FIELD: ChoiceField = {
  key: 'mode',
  label: 'Mode',
  type: 'choice',
  default: 'train',
  options: [
    { value: 'train', label: 'Training (batch statistics)' },
    { value: 'eval', label: 'Evaluation (running statistics)' },
  ],
};

export const EXPLORER_SHARE_FIELDS: ConfigSchema = [...EXPLORER_FIELDS, EXPLORER_MODE_FIELD, SEED_FIELD];

export const THEOREM_SHARE_FIELDS: ConfigSchema = [BATCH_SIZE_FIELD, GAMMA_FIELD, SCALE_FIELD, SEED_FIELD];

/**
 * The Lipschitz figure's link: the curve and where its two points sit as fractions of the curve's
 * domain, so one range fits every curve; snapping to the curve's grid makes the round trip exact.
 * The largest ratios found so far are history, not state: a link starts them from its pair.
 */
export const LIPSCHITZ_START = [0.3, 0.55] as const;

const pointField = (k: 0 | 1): NumberField => ({
  key: `p${k + 1}`,
  label: `x${k === 0 ? '₁' : '₂'} (fraction of the domain)`,
  type: 'number',
  default: LIPSCHITZ_START[k],
  min: 0,
  max: 1,
});

export const LIPSCHITZ_SHARE_FIELDS: ConfigSchema = [
  { key: 'curve', label: 'Function', type: 'choice', default: CURVE_CHOICES[0]!.id, options: CURVE_CHOICES.map((c) => ({ value: c.id, label: c.label })) },
  pointField(0),
  pointField(1),
];
