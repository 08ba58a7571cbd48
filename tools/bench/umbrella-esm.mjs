// `--import ./tools/bench/umbrella-esm.mjs` (after scripts/tfjs-esm.mjs): see umbrella-hooks.mjs.
import { register } from 'node:module';

register('./umbrella-hooks.mjs', import.meta.url);
