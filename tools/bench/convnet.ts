/** The peer baseline: convnetjs 0.3.0 (per-sample JS on Float64Array) on the same MLP without BN. */
import convnetjs from 'convnetjs';
import { localSubject, type Subject } from './timing';
import { BATCH, CLASSES, HIDDEN_LAYERS, INPUTS, LEARNING_RATE, WIDTH, rawBatches } from './workload';

/** One call = one step: BATCH `train()` calls (its SGDTrainer updates once per batch_size samples). */
export function convnetStep(): Subject {
  const net = new convnetjs.Net();
  net.makeLayers([
    { type: 'input', out_sx: 1, out_sy: 1, out_depth: INPUTS },
    ...Array.from({ length: HIDDEN_LAYERS }, () => ({ type: 'fc', num_neurons: WIDTH, activation: 'relu' })),
    { type: 'softmax', num_classes: CLASSES },
  ]);
  const trainer = new convnetjs.SGDTrainer(net, { learning_rate: LEARNING_RATE, batch_size: BATCH, momentum: 0, l2_decay: 0 });
  const samples = rawBatches().map(({ x, labels }) =>
    labels.map((label, i) => {
      const vol = new convnetjs.Vol(1, 1, INPUTS, 0);
      vol.w.set(x.subarray(i * INPUTS, (i + 1) * INPUTS));
      return { vol, label };
    }),
  );
  let b = 0;
  return localSubject(() => {
    for (const { vol, label } of samples[b++ % samples.length]!) trainer.train(vol, label);
  });
}
