/**
 * No chapter types a measured number by hand: every number a run produced is rendered by <Measured>
 * from committed data. The rule (hand-typed-numbers.ts, and README's "Numbers from data"): set-up
 * numbers, numbers quoted from a paper with a <Cite> in the sentence, and the arithmetic of a worked
 * example ({/* worked: … *\/} regions) may be typed; any other decimal, percentage, thousands-sized
 * number or multiple ("eight times") is reported with its line and sentence. Every <Measured> a
 * chapter writes must also resolve (the build would fail on it otherwise).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { handTypedNumbers, type Allowed } from './hand-typed-numbers';
import { resolveMeasured, type MeasuredRef } from '../../../src/site/measured';
import { CLAIM_SOURCES, STUDY_SOURCES } from '../../../src/site/measured-sources';
import { probeEtas } from '../../../src/lab/experiments/landscape-schema';
import { HIGH_QUALITY_RADIUS, MODE_SHARE } from '../../../src/lab/gan/quality';
import { LANDSCAPE_SCHEMA } from '../../../src/lab/experiments/landscape-schema';
import { NOISY_BN_SCHEMA } from '../../../src/lab/experiments/noisy-bn-schema';
import { ICS_GRADIENTS_SCHEMA } from '../../../src/lab/experiments/ics-gradients-schema';
import { LP_NORMS_SCHEMA } from '../../../src/lab/experiments/lp-norms-schema';
import { WGAN_SCHEMA } from '../../../src/lab/experiments/wgan-schema';
import { LESSONS, LOOK_FOR } from '../../../content/lessons';

const DIR = 'content/chapters';
const chapters = readdirSync(DIR)
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => ({ id: f.replace(/\.mdx$/, ''), source: readFileSync(`${DIR}/${f}`, 'utf8') }));

/** The set-up: every value of every committed run's config, the schemas' defaults, the probed step sizes, engine constants. */
const SETUP: ReadonlySet<number> = new Set([
  ...[...[...CLAIM_SOURCES.values()].map((c) => c.file), ...STUDY_SOURCES.values()].flatMap((file) =>
    Object.values(file.runs).flatMap((run) => {
      const config = run.config as Record<string, unknown>;
      const numbers = Object.values(config).filter((v): v is number => typeof v === 'number');
      const etas = typeof config.etaRange === 'number' && typeof config.lr === 'number' ? probeEtas({ lr: config.lr, etaRange: config.etaRange }) : [];
      return [...numbers, ...etas];
    }),
  ),
  ...[LANDSCAPE_SCHEMA, NOISY_BN_SCHEMA, ICS_GRADIENTS_SCHEMA, LP_NORMS_SCHEMA, WGAN_SCHEMA].flatMap((schema) =>
    schema.flatMap((field) => (typeof field.default === 'number' ? [field.default] : [])),
  ),
  HIGH_QUALITY_RADIUS,
  MODE_SHARE,
]);

/**
 * The allowlist: numbers the rule cannot tell from measurements, each with its reason. Keep it short;
 * a measured number never belongs here (render it with <Measured>).
 */
const ALLOWED: readonly Allowed[] = [
  { chapter: '01-batch-normalization', text: '$\\rho = 0.99$ corresponds', why: 'the default momentum of Keras and tf.layers: a framework constant' },
  // The Lipschitz-ratio figure's closed-form curve, named by its formula (src/lab/lipschitz/curves.ts).
  { chapter: '04-lipschitz-and-smoothness', text: '**2.5 x².**', why: 'a closed-form curve of the figure' },
  { chapter: '04-lipschitz-and-smoothness', text: '$2.5\\,x^2$', why: 'a closed-form curve of the figure' },
  // R3's pre-registered line for "the plain network's G and G′ agree" (src/replication/claims.ts).
  { chapter: '03-ics-gradients', text: 'above 0.9', why: 'a pre-registered threshold' },
  // The digits the MLPs train on: 400 per class (scripts/build-mnist.mjs), a data-set size.
  { chapter: '02-does-batchnorm-reduce-ics', text: 'on 4,000 MNIST digits', why: 'the training set’s size' },
  { chapter: '07-is-batchnorm-the-only-way', text: 'on 4,000 digits', why: 'the training set’s size' },
  // Constants of the engine's GAN toy that are not config fields (src/lab/gan/eight-gaussians.ts, wgan-arm.ts).
  { chapter: '08-lipschitzness-elsewhere', text: 'divided by\n1.414', why: 'the toy data set’s scale (gan_toy.py’s constant)' },
  { chapter: '08-lipschitzness-elsewhere', text: '$\\beta = (0.5, 0.9)$', why: 'Adam’s β of the penalty and SN arms' },
];

describe('the hand-typed-number rule', () => {
  const scan = (source: string) => handTypedNumbers('x', source, { setup: new Set([0.5, 300]), allowed: [] }).map((f) => f.token);

  it('reports decimals, percentages, thousands and multiples in prose', () => {
    expect(scan('The loss fell to 0.158, eight times lower; accuracy 26%; distance 3,838 and 3838; 270 times larger, twice as much.')).toEqual([
      'percentage: 26%',
      'decimal: 0.158',
      'thousands: 3,838',
      'thousands: 3838',
      'multiple: eight times',
      'multiple: 270 times',
      'multiple: twice',
    ]);
  });

  it('lets set-up numbers, cited quotes, worked examples, references and <Measured> through', () => {
    const source = [
      'At learning rate 0.5 for 300 steps. The paper reports 83% against 80%<Cite id="santurkar2018" />.',
      'Theorem 4.1 and §3.3; probes up to 4 times the learning rate; in 2018.',
      'The loss is <Measured claim="R1" run="lr0.5" arm="batchnorm" metric="finalLoss" /> here.',
      '{/* worked: the data is in the question */}<details>$3/\\sqrt 5 \\approx 1.342$</details>',
      'But 1.22 here is not.',
    ].join('\n\n');
    expect(scan(source)).toEqual(['decimal: 1.22']);
  });

  it('lets an allowlisted number through only where its text matches', () => {
    const allowed = [{ chapter: 'x', text: 'Train on 4,000', why: 'data set size' }];
    const found = handTypedNumbers('x', 'Train on 4,000 digits; a loss of 4,000 digits.', { setup: new Set(), allowed });
    expect(found.map((f) => f.token)).toEqual(['thousands: 4,000']);
  });
});

describe.each(chapters)('chapter $id', ({ id, source }) => {
  it('types no measured number by hand', () => {
    const findings = handTypedNumbers(id, source, { setup: SETUP, allowed: ALLOWED });
    expect(findings.map((f) => `line ${f.line}: ${f.token} — ${f.sentence}`)).toEqual([]);
  });

  it('has a <Measured> reference that resolves, everywhere it uses one', () => {
    for (const ref of measuredRefs(source)) expect(() => resolveMeasured(ref), JSON.stringify(ref)).not.toThrow();
  });
});

describe('the lesson plans (content/lessons.ts)', () => {
  it('type no measured number by hand either', () => {
    // Their prose, one paragraph per string; equations are set-up math, settings are link values.
    const prose = [
      ...Object.values(LOOK_FOR),
      ...LESSONS.flatMap((l) => [
        ...l.goals,
        ...l.timeline.map((s) => s.what),
        ...l.runs.map((r) => r.label),
        ...l.discussion.flatMap((d) => [d.question, d.goodAnswer]),
        ...l.misconceptions.flatMap((m) => [m.belief, m.correction]),
      ]),
    ].join('\n\n');
    const findings = handTypedNumbers('lessons', prose, { setup: SETUP, allowed: ALLOWED });
    expect(findings.map((f) => `${f.token} — ${f.sentence}`)).toEqual([]);
  });
});

/** The attributes of every <Measured … /> in a source: "text" strings, {numbers} and {true}. */
function measuredRefs(source: string): MeasuredRef[] {
  return [...source.matchAll(/<Measured\b([\s\S]*?)\/>/g)].map(([, attrs]) => {
    const ref: Record<string, unknown> = {};
    for (const [, key, text, expr] of attrs!.matchAll(/(\w+)=(?:"([^"]*)"|\{([^}]*)\})/g)) {
      ref[key!] = text ?? (expr === 'true' ? true : expr === 'false' ? false : Number(expr));
    }
    for (const [, flag] of attrs!.matchAll(/\s(\w+)(?=\s|$)(?!=)/g)) if (!(flag! in ref)) ref[flag!] = true;
    return ref as MeasuredRef;
  });
}
