/**
 * The landscape probe's per-step-size metrics: loss.eta<k> and gradChange.eta<k> are the values whose
 * min/max make the band and the gradient change, in the order of the probed η; and the experiment
 * probes the paper's lr × {½, 1, 2, 4} by default, a wider range adding larger steps to the same grid.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../../src/lab/tf';
import { readDigitsFile } from '../../../src/lab/data/digits-file';
import { landscape } from '../../../src/lab/experiments/landscape';
import { probeEtas } from '../../../src/lab/experiments/landscape-schema';
import { perEtaKey } from '../../../src/lab/measure/landscape-keys';
import { lpNorms, type LpNormsConfig } from '../../../src/lab/experiments/lp-norms';
import { lpProbeEtas } from '../../../src/lab/experiments/lp-norms-schema';
import { runEither } from '../../../src/lab/experiments/setups';
import type { MetricRecord } from '../../../src/lab/types';

let probed: MetricRecord[];

beforeAll(async () => {
  await initBackend('wasm');
  const records: MetricRecord[] = [];
  for await (const r of landscape.run(landscape.defaults, { seed: 1, steps: 1, loadDigits: readDigitsFile })) records.push(r);
  probed = records.filter((r) => 'lossMin' in r.metrics);
}, 60_000);

describe('landscape per-η metrics', () => {
  it('probes the paper’s lr × {½, 1, 2, 4} by default; a wider range keeps those and adds larger steps', () => {
    const multiples = (lr: number, etaRange: number) => probeEtas({ lr, etaRange }).map((eta) => Number((eta / lr).toPrecision(12)));
    expect(probeEtas(landscape.defaults).map((eta) => Number(eta.toPrecision(12)))).toEqual([0.05, 0.1, 0.2, 0.4]);
    expect(multiples(0.1, 16)).toEqual([0.5, 1, 2, 4, 8, 16]);
    expect(multiples(0.5, 1)).toEqual([0.5, 1]);
    // A reach off the doubling grid is probed too, after the grid's steps below it.
    expect(multiples(0.1, 3)).toEqual([0.5, 1, 2, 3]);
    expect(multiples(0.1, 0.5)).toEqual([0.5]);
  });

  it('records the loss and gradient change at every η, consistent with the band, the max and β_eff', () => {
    expect(probed.map((r) => r.arm).sort()).toEqual(['batchnorm', 'standard']);
    for (const { metrics: m } of probed) {
      const losses = [0, 1, 2, 3].map((k) => m[perEtaKey('loss', k)]!);
      const changes = [0, 1, 2, 3].map((k) => m[perEtaKey('gradChange', k)]!);
      expect(Math.min(...losses)).toBe(m.lossMin);
      expect(Math.max(...losses)).toBe(m.lossMax);
      expect(Math.max(...changes)).toBe(m.gradChange);
      for (const c of changes) expect(c).toBeGreaterThan(0);
      expect(m[perEtaKey('loss', 4)]).toBeUndefined();
    }
  });
});

describe('the loss-only probe (lp-norms)', () => {
  it('gives the full probe’s losses bit for bit, for every kind of network, and no gradient change', async () => {
    const lossKeys = ['lossMin', 'lossMax', ...[0, 1, 2, 3].map((k) => perEtaKey('loss', k))];
    for (const model of ['mlp', 'dln'] as const) {
      const config: LpNormsConfig = { ...lpNorms.defaults, model, lr: model === 'mlp' ? 0.5 : 1e-5, steps: 1 };
      const etas = lpProbeEtas(config);
      const probedWith = async (gradients: boolean) => {
        const out: Record<string, Record<string, number>> = {};
        for await (const r of runEither(config, { seed: 2, loadDigits: readDigitsFile }, ['l1', 'batchnorm'], { measureEvery: 1, probe: { etas, gradients } })) {
          out[r.arm] = r.metrics;
        }
        return out;
      };
      const full = await probedWith(true);
      const lossOnly = await probedWith(false);
      for (const arm of ['l1', 'batchnorm']) {
        expect(Object.keys(lossOnly[arm]!).filter((k) => k.startsWith('gradChange') || k === 'betaEff'), `${model} ${arm}`).toEqual([]);
        for (const key of lossKeys) {
          expect(lossOnly[arm]![key], `${model} ${arm} ${key}`).toBeGreaterThan(0);
          expect(lossOnly[arm]![key], `${model} ${arm} ${key}`).toBe(full[arm]![key]);
        }
      }
    }
  }, 60_000);
});
