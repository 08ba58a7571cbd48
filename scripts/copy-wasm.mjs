/**
 * Self-hosts tfjs's WebAssembly binaries: copies the three .wasm files of @tensorflow/tfjs-backend-wasm
 * into public/tfjs/, which the site serves under its base path; the lab worker points setWasmPaths at
 * `${BASE_URL}tfjs/` so the built site requests nothing from a CDN. Run on install and before every
 * build (package.json); the copies are not committed (.gitignore).
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FILES = ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm'];

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const source = join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist');
const target = join(root, 'public', 'tfjs');

mkdirSync(target, { recursive: true });
for (const file of FILES) copyFileSync(join(source, file), join(target, file));
console.log(`copy-wasm: ${FILES.length} files → ${target}`);
