#!/usr/bin/env node
import('../dist/src/cli/main.js').then((m) => m.main(process.argv)).catch((err) => {
  if (err && err.code === 'ERR_MODULE_NOT_FOUND') {
    console.error('goconc: dist/ is missing; run `npm run build` (npm install runs it for you).');
  } else {
    console.error(err);
  }
  process.exit(2);
});
