/** The BatchNorm explorer's still: the very batch the live figure starts with, drawn and described. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { explore } from '../../../src/lab/explorer/explore';
import { EXPLORER_DEFAULTS } from '../../../src/lab/explorer/config';
import { explorerBatch, explorerStill } from '../../../src/widgets/still/explorer-still';
import { fmtValue } from '../../../src/charts/describe';
import { SSR_START_MS, svelteSsr, type SvelteSsr } from './still-ssr';

let ssr: SvelteSsr;
let html: string;
beforeAll(async () => {
  ssr = await svelteSsr();
  html = await ssr.render('src/widgets/still/ExplorerStill.svelte', { settings: EXPLORER_DEFAULTS, seed: 1 });
}, SSR_START_MS);
afterAll(() => ssr?.close());

it("draws the same batch as the lab's explorer, and its moments as the lab computes them", async () => {
  const lab = await explore(EXPLORER_DEFAULTS, 1);
  expect(Array.from(explorerBatch(EXPLORER_DEFAULTS, 1))).toEqual(Array.from(lab.inputs));
  const summary = explorerStill(EXPLORER_DEFAULTS, 1).summary;
  expect(summary).toContain(`batch mean ${fmtValue(lab.batch.mean)}`);
  expect(summary).toContain(`batch standard deviation ${fmtValue(lab.batch.std)}`);
});

it('renders one bar per bin holding every sample, and the batch-mean marker', () => {
  const bars = [...html.matchAll(/<rect class="bar[^"]*" x="[\d.]+" y="[\d.]+" width="[\d.]+" height="([\d.]+)"/g)];
  expect(bars).toHaveLength(14);
  expect(bars.some(([, h]) => Number(h) > 0)).toBe(true);
  expect(html).toContain('batch mean</text>');
  expect(html).toContain(`A seeded batch of ${EXPLORER_DEFAULTS.batchSize} skewed pre-activations`);
});
