#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8';

// A run is short, and each worker thread compiles the same functions again: V8 optimizes a
// function only once it has run about nine times longer than by default, and spends less time
// compiling code a run would not gain from (--jobs 2 some 10% faster, --jobs 1 as fast).
setFlagsFromString('--interrupt-budget=600000');
import('../dist/src/cli/main.js').then((m) => m.main(process.argv)).catch((err) => {
  if (err && err.code === 'ERR_MODULE_NOT_FOUND') {
    console.error('goconc: dist/ is missing; run `npm run build` (npm install runs it for you).');
  } else {
    console.error(err);
  }
  process.exit(2);
});
