/**
 * The MNIST subset made by scripts/build-mnist.mjs (layout documented there). Parsing is shared by
 * the browser (fetch from a URL under the site's base path) and Node (read the file: digits-file.ts).
 */
import type { DigitData, DigitSet } from '../types';

export const DIGIT_PIXELS = 784;
export const DIGIT_CLASSES = 10;
const MAGIC = 'DIGT';
const HEADER_BYTES = 12;

export function parseDigits(buffer: ArrayBuffer): DigitData {
  const bytes = new Uint8Array(buffer);
  const magic = String.fromCharCode(...bytes.subarray(0, 4));
  if (magic !== MAGIC) throw new Error(`not a digits file (magic "${magic}", expected "${MAGIC}")`);
  const view = new DataView(buffer);
  const trainCount = view.getUint32(4, true);
  const testCount = view.getUint32(8, true);
  const expected = HEADER_BYTES + (trainCount + testCount) * (1 + DIGIT_PIXELS);
  if (bytes.length !== expected) throw new Error(`digits file is ${bytes.length} bytes, expected ${expected}`);
  const pixelsAt = HEADER_BYTES + trainCount + testCount;
  const set = (labelsAt: number, pixelsFrom: number, count: number): DigitSet => ({
    labels: bytes.subarray(labelsAt, labelsAt + count),
    pixels: bytes.subarray(pixelsFrom, pixelsFrom + count * DIGIT_PIXELS),
    count,
  });
  return {
    train: set(HEADER_BYTES, pixelsAt, trainCount),
    test: set(HEADER_BYTES + trainCount, pixelsAt + trainCount * DIGIT_PIXELS, testCount),
  };
}

export async function fetchDigits(url: string): Promise<DigitData> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`could not load the digits (${response.status} ${response.statusText} at ${url})`);
  return parseDigits(await response.arrayBuffer());
}
