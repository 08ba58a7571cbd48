/**
 * The theorem check's still: its committed numbers (src/widgets/still/theorem-check.json) are what the
 * lab computes now for the figure's first batch (UPDATE_STILLS=1 rewrites the file), and the still draws
 * them with the figure's own panel and says in words what they show.
 */
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { checkTheorem41, type Theorem41 } from '../../../src/lab/theory/theorem-check';
import { drawUnitBatch } from '../../../src/lab/theory/draw';
import { BATCH_SIZE_FIELD, GAMMA_FIELD } from '../../../src/lab/theory/config';
import { fmtSig } from '../../../src/widgets/format';
import { ENGINE_FINGERPRINT, staleEngine } from '../../../src/lab/engine-fingerprint';
import stored from '../../../src/widgets/still/theorem-check.json';
import { THEOREM_STILL_SEED, type TheoremStillData } from '../../../src/widgets/still/theorem-still';
import { SSR_START_MS, svelteSsr, type SvelteSsr } from './still-ssr';

const FILE = 'src/widgets/still/theorem-check.json';
const STALE = 'stale: run `npm run regenerate` (or `UPDATE_STILLS=1 vitest run tests/unit/widgets/still-theorem.test.ts`, which rewrites the file)';
/** The committed numbers, or the ones just written when UPDATE_STILLS rewrites the file. */
let data = stored as TheoremStillData;

let fresh: Theorem41;
let ssr: SvelteSsr;
let html: string;
beforeAll(async () => {
  const m = BATCH_SIZE_FIELD.default;
  fresh = await checkTheorem41(drawUnitBatch(THEOREM_STILL_SEED, m), GAMMA_FIELD.default);
  if (process.env.UPDATE_STILLS) {
    const file: TheoremStillData = { seed: THEOREM_STILL_SEED, engine: ENGINE_FINGERPRINT, theorem: fresh };
    writeFileSync(FILE, `${JSON.stringify(file, null, 2)}\n`);
    data = file;
  }
  ssr = await svelteSsr();
  html = await ssr.render('src/widgets/still/TheoremStill.svelte', {});
}, SSR_START_MS);
afterAll(() => ssr?.close());

it("holds the lab's numbers for the figure's first batch and settings", () => {
  expect(data.seed).toBe(THEOREM_STILL_SEED);
  expect(data.engine, staleEngine(FILE, 'npm run regenerate')).toBe(ENGINE_FINGERPRINT);
  expect(data.theorem.m, STALE).toBe(BATCH_SIZE_FIELD.default);
  expect(data.theorem.gamma, STALE).toBe(GAMMA_FIELD.default);
  for (const key of Object.keys(fresh) as (keyof Theorem41)[]) {
    expect(data.theorem[key], `${key}: ${STALE}`).toBeCloseTo(fresh[key], 5);
  }
});

it('shows both sides of the theorem: equal with 1/m, the printed 1/√m below the true value', () => {
  const { lhs, rhsOneOverM, rhsOneOverSqrtM } = data.theorem;
  expect(Math.abs(rhsOneOverM - lhs) / lhs).toBeLessThan(1e-5);
  expect(rhsOneOverSqrtM).toBeLessThan(lhs);
  expect(html.match(/<rect class="bar /g)).toHaveLength(4);
  expect(html).toContain(fmtSig(lhs));
  const summary = /<p class="summary[^"]*" id="[^"]+">([^<]+)<\/p>/.exec(html)?.[1] ?? '';
  expect(summary).toContain(`‖∇y L̂‖² = ${fmtSig(lhs, 4)}`);
  expect(summary).toContain(`1/√m gives ${fmtSig(rhsOneOverSqrtM, 4)}`);
});
