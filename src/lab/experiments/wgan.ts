/**
 * `wgan` — the Lipschitz aside (docs/protocol.md, R6): three ways to keep a WGAN critic Lipschitz on the
 * 8-Gaussians toy. Arms: `clip` (weight clipping, WGAN), `gp` (gradient penalty, WGAN-GP), `sn`
 * (spectral normalisation). One step = one generator iteration (n_critic critic steps + 1 G step).
 * Expected (R6) after 1000 iterations: gp covers ≥7 of 8 modes with ≥30% high-quality samples;
 * clipping at c = 0.01 learns an overly simple critic and scores far lower. The five-seed measurements
 * are in src/replication/r6.json.
 */
import { defaultsOf } from '../schema';
import { createWganArm } from '../gan/wgan-arm';
import { summarizeArms } from './summary';
import { chosenArms } from './chosen-arms';
import { SNAPSHOT_EXTENT, SNAPSHOT_GRID, SNAPSHOT_POINTS, WGAN_ARMS, WGAN_SCHEMA, type WganConfig } from './wgan-schema';
import type { Experiment, MetricRecord } from '../types';

export type { WganConfig } from './wgan-schema';

export const wgan: Experiment<WganConfig> = {
  id: 'wgan',
  title: 'WGAN critics: weight clipping, gradient penalty, spectral normalisation',
  arms: WGAN_ARMS,
  schema: WGAN_SCHEMA,
  defaults: defaultsOf<WganConfig>(WGAN_SCHEMA),

  async *run(config, ctx) {
    const steps = ctx.steps ?? config.steps;
    const arms = chosenArms(WGAN_ARMS, ctx).map((kind) => ({ kind, arm: createWganArm(kind, config, ctx.seed), live: true }));
    try {
      for (let step = 0; step < steps && !ctx.signal?.aborted; step++) {
        const last = step === steps - 1;
        const measureSamples = step % config.evalEvery === 0 || last;
        const takeSnapshot = config.snapshotEvery > 0 && (step % config.snapshotEvery === 0 || last);
        for (const entry of arms.filter((a) => a.live)) {
          const metrics: Record<string, number> = { ...(await entry.arm.iterate()) };
          // Divergence ends this arm with the lab's `{ diverged: 1 }` record; the others go on.
          if (!Number.isFinite(metrics.loss)) {
            entry.live = false;
            yield { arm: entry.kind, step, metrics: { diverged: 1 } };
            continue;
          }
          if (measureSamples) Object.assign(metrics, await entry.arm.evaluate());
          const record: MetricRecord = { arm: entry.kind, step, metrics };
          if (takeSnapshot) record.snapshot = await entry.arm.snapshot(SNAPSHOT_POINTS, SNAPSHOT_GRID, SNAPSHOT_EXTENT);
          yield record;
        }
        if (!arms.some((a) => a.live)) return;
      }
    } finally {
      for (const { arm } of arms) arm.dispose();
    }
  },

  summarize(records) {
    const summary = summarizeArms(records, WGAN_ARMS);
    for (const kind of WGAN_ARMS) {
      const lastMeasured = records.findLast((r) => r.arm === kind && r.metrics.modesCovered !== undefined);
      if (lastMeasured) {
        summary[kind]!.modesCovered = lastMeasured.metrics.modesCovered;
        summary[kind]!.highQualityFraction = lastMeasured.metrics.highQualityFraction;
      }
    }
    return summary;
  },
};
