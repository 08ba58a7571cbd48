/**
 * The functions the Lipschitz-ratio figure offers: the three closed forms, then the loss of the
 * landscape experiment's two MLPs along their gradient direction (the committed slice, made by the lab;
 * src/lab/lipschitz/slice-file.ts), so no tfjs loads for this figure.
 */
import { armStyle } from '../../charts/arm-styles';
import { CLOSED_FORM_CURVES, sampledCurve, type Curve } from '../../lab/lipschitz/curves';
import type { SliceFile } from '../../lab/lipschitz/slice-file';
import { defaultsOf } from '../../lab/schema';
import { LANDSCAPE_SCHEMA, type LandscapeConfig } from '../../lab/experiments/landscape-schema';
import slice from '../../traces/gradient-slice.json';

const file = slice as SliceFile;
const { lr, hiddenLayers, width } = defaultsOf<LandscapeConfig>(LANDSCAPE_SCHEMA);

const networkCurves: Curve[] = file.arms.map((arm) => {
  const name = armStyle(arm.arm).label;
  return sampledCurve(
    {
      id: `network-${arm.arm}`,
      label: `Network: ${name} MLP`,
      description:
        `the training loss of the ${name} MLP (${hiddenLayers} hidden layers of ${width}, learning rate ${lr}) after ${file.plan.atStep} steps, ` +
        `moved a distance x along its negative gradient, measured at ${arm.values.length} points (gradient norm ${arm.gradNorm.toFixed(2)})`,
      xLabel: 'distance moved along −∇L (parameter units)',
      yLabel: 'loss on the batch (nats)',
    },
    arm,
  );
});

export const CURVE_CHOICES: readonly Curve[] = [...CLOSED_FORM_CURVES, ...networkCurves];
