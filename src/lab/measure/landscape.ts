/**
 * Landscape probes along the gradient (paper Fig. 4, docs/protocol.md, R4). At parameters w with
 * gradient g, for each step length η, an evaluation-only point w − ηg on the same batch, in 'probe'
 * mode (batch statistics, no noise, no state touched):
 *   lossMin / lossMax — the band of L(w − ηg) over η,
 *   gradChange        — max_η ‖g − ∇L(w − ηg)‖₂ (gradient predictiveness; smaller = more predictive),
 *   betaEff           — max_η ‖g − ∇L(w − ηg)‖₂ / ‖ηg‖₂ (the "effective" β-smoothness),
 *   loss.eta<k>, gradChange.eta<k> — the same at each η separately (landscape-keys.ts), so a figure can
 *                       draw the 1-D slice L(w − ηg) and the band of gradient changes over η.
 * probeLossAlongGradient measures the losses alone.
 * g is the gradient the training step uses (identical to the probe-mode gradient on arms without noise).
 */
import { tf } from '../tf';
import type { Batch, Params } from '../types';
import type { Network } from '../models/network';
import { disposePass, trainingPass } from '../models/training-pass';
import { distance, sumOfSquares } from './tensor-norms';
import { perEtaKey, type PerEtaMetric } from './landscape-keys';

export type LandscapeProbe = {
  lossMin: number;
  lossMax: number;
  gradChange: number;
  betaEff: number;
} & Record<`${PerEtaMetric}.eta${number}`, number>;

const PROBE = { mode: 'probe' } as const;

/** w − ηg. */
const movedAlong = (params: Params, grads: Params, eta: number): Params => params.map((p, i) => tf.sub(p, tf.mul(grads[i]!, eta)));

/** Loss and ‖g − g_η‖ at each η, in the order given. */
export function probeAlongGradient(
  model: Network,
  params: Params,
  grads: Params,
  batch: Batch,
  etas: readonly number[],
): { losses: number[]; gradChanges: number[]; gradNorm: number } {
  const gradNorm = tf.tidy(() => tf.sqrt(sumOfSquares(grads)).dataSync()[0]!);
  const losses: number[] = [];
  const gradChanges: number[] = [];
  for (const eta of etas) {
    const [loss, change] = tf.tidy(() => {
      const pass = trainingPass(model, movedAlong(params, grads, eta), batch, PROBE);
      try {
        return [pass.value.dataSync()[0]!, distance(grads, pass.grads).dataSync()[0]!];
      } finally {
        disposePass(pass);
      }
    });
    losses.push(loss!);
    gradChanges.push(change!);
  }
  return { losses, gradChanges, gradNorm };
}

export function probeLandscape(
  model: Network,
  params: Params,
  grads: Params,
  batch: Batch,
  etas: readonly number[],
): LandscapeProbe {
  const { losses, gradChanges, gradNorm } = probeAlongGradient(model, params, grads, batch, etas);
  const perEta = Object.fromEntries(
    etas.flatMap((_, k) => [
      [perEtaKey('loss', k), losses[k]!],
      [perEtaKey('gradChange', k), gradChanges[k]!],
    ]),
  );
  return {
    ...perEta,
    lossMin: Math.min(...losses),
    lossMax: Math.max(...losses),
    gradChange: Math.max(...gradChanges),
    betaEff: Math.max(...gradChanges.map((c, k) => c / (etas[k]! * gradNorm))),
  };
}

export type LossProbe = { lossMin: number; lossMax: number } & Record<`loss.eta${number}`, number>;

/**
 * The loss half of probeLandscape: L(w − ηg) at each η from a forward pass alone, with no gradient at the
 * moved point (about 0.4 of a training step against 1.1), for a figure that draws only the loss band.
 * The losses equal probeLandscape's bit for bit (a network's loss is its training pass's value).
 */
export function probeLossAlongGradient(model: Network, params: Params, grads: Params, batch: Batch, etas: readonly number[]): LossProbe {
  const losses = etas.map((eta) => tf.tidy(() => model.loss(movedAlong(params, grads, eta), batch, PROBE).dataSync()[0]!));
  return {
    ...Object.fromEntries(losses.map((loss, k) => [perEtaKey('loss', k), loss])),
    lossMin: Math.min(...losses),
    lossMax: Math.max(...losses),
  };
}
