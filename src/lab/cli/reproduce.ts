/** Entry point of `npm run reproduce` (package.json runs it through tsx with scripts/tfjs-esm.mjs). */
import { reproduce } from './main';

process.exitCode = await reproduce(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  interactive: process.stderr.isTTY === true,
});
