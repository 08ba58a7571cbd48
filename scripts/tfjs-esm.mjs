// `node --import ./scripts/tfjs-esm.mjs …` prepares Node to run tfjs's ES-module builds
// (see scripts/tfjs-esm-hooks.mjs for why).
import { createRequire, register } from 'node:module';

register('./tfjs-esm-hooks.mjs', import.meta.url);
// tfjs's platform_node.js calls require('util') even in its ES-module build.
globalThis.require ??= createRequire(import.meta.url);
