// The files `goconc scan <root>` parses, by goconc's own discovery, reading and prefilters
// (default codemods): printed as a JSON array of paths, for the parse floor to parse.
import { dirname } from 'node:path';
import { codemods } from '../../dist/codemods/index.js';
import { discoverGoFiles } from '../../dist/src/engine/discover.js';
import { moduleFor } from '../../dist/src/engine/go-module.js';
import { readGoSource } from '../../dist/src/engine/read-source.js';

const root = process.argv[2];
const enabled = codemods.filter((c) => c.enabledByDefault);
const parsed = discoverGoFiles([root], { root }).files.filter((file) => {
  const read = readGoSource(file);
  if (!read.ok) return false;
  const goVersion = moduleFor(dirname(file))?.goVersion;
  return enabled.some((c) => c.prefilter(read.source.text, goVersion)) || read.source.text.includes('goconc:ignore');
});
console.log(JSON.stringify(parsed));
