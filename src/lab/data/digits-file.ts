/** Node-only: reads the digits file written by scripts/build-mnist.mjs (kept apart so no fs reaches the browser). */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseDigits } from './digits';
import type { DigitData } from '../types';

export const DIGITS_FILE = fileURLToPath(new URL('../../../public/data/digits.bin', import.meta.url));

export async function readDigitsFile(path = DIGITS_FILE): Promise<DigitData> {
  let buffer: Buffer;
  try {
    buffer = await readFile(path);
  } catch (err) {
    throw new Error(`cannot read ${path}: run "npm install" (or "node scripts/build-mnist.mjs") to create it`, { cause: err });
  }
  return parseDigits(buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer);
}
