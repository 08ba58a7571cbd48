/**
 * `npm run bench`: the lab's training speed against its baselines, all from one run on the same
 * backend (wasm, SIMD, one thread), trials interleaved, since this shared VM's speed drifts ±10–15%
 * (docs/performance.md). Rows: the lab's MLP 784-256×4-10 (batch 64) with and without BatchNorm; the
 * same nets as stock tf.LayersModel (trainOnBatch; in child processes, with and without the lab's
 * matMul-gradient fix); convnetjs on the plain MLP; plain matMul GFLOP/s; G′ and a landscape probe
 * in plain steps; the lab's convnet with and without BatchNorm against the stock Layers convnet
 * (conv2d + batchNormalization) and one convolution's FLOP rate. Ends with the speed targets (docs/performance.md), then the quality budgets table on a production build
 * (budgets.ts; `--lighthouse` adds Lighthouse scores). Not part of `npm test`.
 */
import { fileURLToPath } from 'node:url';
import { initBackend } from '../../src/lab/tf';
import { printBudgets } from './budgets-main';
import { convnetStep } from './convnet';
import { labStep, matMul } from './lab';
import { convLayerPass, labConvnetStep } from './conv-lab';
import { remoteSubjects } from './remote';
import { MIN_TRIAL_SECONDS, TRIALS, ratesOf, type Rate } from './timing';
import { mlpStepFlops } from './workload';

const TARGETS = { bnVsLayers: 4, plainVsConvnet: 7, matMulShare: 0.45, convnetSteps: 25, convShare: 0.4, convnetVsLayers: 3 };
/** Linear layers 2…5 of the MLP: G′ exists for every layer with an earlier one. */
const ICS_LAYERS = [2, 3, 4, 5];
const PROBE_ETA = 0.1;

/** The Layers baseline's [plain, BN] subjects, in a process of their own. */
function layersSubjects(fix: boolean) {
  const child = fileURLToPath(new URL('./layers-child.ts', import.meta.url));
  const hooks = fileURLToPath(new URL('./umbrella-esm.mjs', import.meta.url));
  // Same Node, tsx and tfjs loader flags as this process, plus the umbrella's ES-module hooks.
  return remoteSubjects([...process.execArgv, '--import', hooks, child, ...(fix ? ['--fix'] : [])], 2);
}

/** The stock Layers convnet (conv2d + batchNormalization) on `backend`, in a process of its own. */
function layersConvnet(backend: 'wasm' | 'cpu') {
  const child = fileURLToPath(new URL('./layers-convnet-child.ts', import.meta.url));
  const hooks = fileURLToPath(new URL('./umbrella-esm.mjs', import.meta.url));
  return remoteSubjects([...process.execArgv, '--import', hooks, child, '--backend', backend], 1)[0]!;
}

const rows: [string, string, string][] = [];
const show = (label: string, value: string, note = '') => {
  rows.push([label, value, note]);
  process.stderr.write(`  ${label}: ${value} ${note}\n`);
};
const fmt = (rate: Rate, unit: string) => `${rate.perSecond.toFixed(rate.perSecond < 10 ? 2 : 1)} ${unit} ±${Math.round(100 * rate.spread)}%`;
const gflops = (rate: Rate, flops: number): Rate => ({ perSecond: (rate.perSecond * flops) / 1e9, spread: rate.spread });

process.stderr.write('bench: measuring (about 2 minutes)…\n');
const choice = await initBackend('wasm');
if (choice.backend !== 'wasm') throw new Error(`bench needs the wasm backend: ${choice.fallbackReason}`);
const small = matMul(64, 784, 256);
const large = matMul(1024, 1024, 1024);
const [plain, bn, stockPlain, stockBn, fixPlain, fixBn, convnet, mmSmall, mmLarge] = (await ratesOf([
  labStep('none'),
  labStep('batchnorm'),
  ...layersSubjects(false),
  ...layersSubjects(true),
  convnetStep(),
  small,
  large,
])) as [Rate, Rate, Rate, Rate, Rate, Rate, Rate, Rate, Rate];
show('lab MLP', fmt(plain, 'steps/s'));
show('lab BN-MLP', fmt(bn, 'steps/s'));
show('Layers MLP, stock wasm (trainOnBatch)', fmt(stockPlain, 'steps/s'));
show('Layers BN-MLP, stock wasm', fmt(stockBn, 'steps/s'));
show('Layers MLP, wasm + matMul fix', fmt(fixPlain, 'steps/s'));
show('Layers BN-MLP, wasm + matMul fix', fmt(fixBn, 'steps/s'), '(fused matMul gradient: the fix cannot reach it)');
show('convnetjs MLP', fmt(convnet, 'steps/s'));
show('matMul 64×784·784×256', fmt(gflops(mmSmall, small.flops), 'GFLOP/s'));
show('matMul 1024³', fmt(gflops(mmLarge, large.flops), 'GFLOP/s'));
const peak = Math.max(gflops(mmSmall, small.flops).perSecond, gflops(mmLarge, large.flops).perSecond);
const achieved = (plain.perSecond * mlpStepFlops()) / 1e9;
show('lab MLP achieved', `${achieved.toFixed(1)} GFLOP/s`, `(${(mlpStepFlops() / 1e6).toFixed(1)} MFLOP/step)`);

// Extra cost in plain steps of the BN-MLP, timed against a plain BN-MLP step in the same rounds.
const [base, probe, ...ics] = (await ratesOf([
  labStep('batchnorm'),
  labStep('batchnorm', { probe: { etas: [PROBE_ETA], gradients: true } }),
  ...ICS_LAYERS.map((layer) => labStep('batchnorm', { icsLayer: layer })),
])) as [Rate, Rate, ...Rate[]];
const extra = (rate: Rate) => base.perSecond / rate.perSecond - 1;
const icsCosts = ics.map(extra);
show('G′ of one layer (BN-MLP)', `${Math.min(...icsCosts).toFixed(2)}–${Math.max(...icsCosts).toFixed(2)} plain steps`, `(layers ${ICS_LAYERS.join(', ')})`);
show('G′ of every layer', `${icsCosts.reduce((a, b) => a + b, 0).toFixed(2)} plain steps`);
show('one landscape probe (fwd+bwd)', `${extra(probe).toFixed(2)} plain steps`);

// The convnet: the lab's on wasm against the stock Layers convnet on the fastest backend where it trains.
const conv = convLayerPass();
const [bnConvnet, plainConvnet, layersConvWasm, layersConvCpu, convPass, mmSmallAgain, mmLargeAgain] = (await ratesOf([
  labConvnetStep('batchnorm'),
  labConvnetStep('none'),
  layersConvnet('wasm'),
  layersConvnet('cpu'),
  conv,
  matMul(64, 784, 256),
  matMul(1024, 1024, 1024),
])) as [Rate, Rate, Rate, Rate, Rate, Rate, Rate];
const convPeak = Math.max(gflops(mmSmallAgain, small.flops).perSecond, gflops(mmLargeAgain, large.flops).perSecond);
const convRate = gflops(convPass, conv.flops);
const stockConvnet = layersConvWasm.perSecond > 0 ? { rate: layersConvWasm, backend: 'wasm' } : { rate: layersConvCpu, backend: 'cpu' };
show('lab BN-convnet (batch 64)', fmt(bnConvnet, 'steps/s'));
show('lab convnet', fmt(plainConvnet, 'steps/s'));
show('Layers BN-convnet, stock wasm', layersConvWasm.perSecond > 0 ? fmt(layersConvWasm, 'steps/s') : 'cannot train', '(no Conv2DBackpropFilter kernel)');
show('Layers BN-convnet, stock cpu', fmt(layersConvCpu, 'steps/s'));
show('convolution 14×14, fwd + both grads', fmt(convRate, 'GFLOP/s'), `(${(conv.flops / 1e6).toFixed(1)} MFLOP/pass)`);

const targets: [string, number, number, string][] = [
  ['lab BN-convnet steps/s at batch 64', bnConvnet.perSecond, TARGETS.convnetSteps, '/s'],
  ['lab convolution GFLOP/s / best in-run matMul', convRate.perSecond / convPeak, TARGETS.convShare, ''],
  [`lab BN-convnet (wasm) / stock Layers BN-convnet (${stockConvnet.backend})`, bnConvnet.perSecond / stockConvnet.rate.perSecond, TARGETS.convnetVsLayers, '×'],
  ['lab BN-MLP / stock Layers BN-MLP', bn.perSecond / stockBn.perSecond, TARGETS.bnVsLayers, '×'],
  ['lab MLP / convnetjs MLP', plain.perSecond / convnet.perSecond, TARGETS.plainVsConvnet, '×'],
  ['lab MLP GFLOP/s / best in-run matMul', achieved / peak, TARGETS.matMulShare, ''],
];

const width = Math.max(...rows.map((r) => r[0].length), ...targets.map((t) => t[0].length));
console.log(`\nbackend wasm (SIMD, 1 thread), Node ${process.versions.node}; median of ${TRIALS} interleaved trials, each ≥ ${MIN_TRIAL_SECONDS} s after warm-up\n`);
for (const [label, value, note] of rows) console.log(`${label.padEnd(width)}  ${value}${note ? `  ${note}` : ''}`);
console.log('\ntarget');
for (const [label, value, target, unit] of targets) {
  const text =
    unit === '×' ? `${value.toFixed(2)}× (≥ ${target}×)` : unit === '/s' ? `${value.toFixed(1)}/s (≥ ${target}/s)` : `${(100 * value).toFixed(0)}% (≥ ${100 * target}%)`;
  console.log(`${label.padEnd(width)}  ${text}  ${value >= target ? 'met' : 'MISSED'}`);
}

await printBudgets(process.argv.includes('--lighthouse'));
