// The parse floor: a bare tree-sitter loop over the given files (one path per line on stdin),
// yielding to the event loop as goconc does so native trees are freed. Prints seconds and bytes.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { setImmediate as turn } from 'node:timers/promises';

const require = createRequire(import.meta.url);
const Parser = require('tree-sitter');
const Go = require('tree-sitter-go');
const files = readFileSync(0, 'utf8').split('\n').filter(Boolean);
const parser = new Parser();
parser.setLanguage(Go);
let bytes = 0;
const start = performance.now();
for (const [i, f] of files.entries()) {
  const text = readFileSync(f, 'utf8');
  bytes += Buffer.byteLength(text);
  parser.parse(text, undefined, { bufferSize: Math.max(32 * 1024, text.length * 2 + 1) });
  if (i % 32 === 31) await turn();
}
console.log(JSON.stringify({ seconds: (performance.now() - start) / 1000, bytes, files: files.length }));
