import { codemods } from '../../codemods/index.js';
import { PackageIndexCache } from '../../src/engine/package-cache.js';
import { fixSource } from '../../src/engine/process-file.js';

export const ctxPropagate = codemods.find((c) => c.id === 'ctx-propagate')!;

/** ctx-propagate alone run in fix mode over one Go source, as a file of its own package (go 1.22). */
export function fixCtxPropagate(src: string, aggressive = true, file = 'p.go') {
  return fixSource(`/virtual/${file}`, file, src, { codemods: [ctxPropagate], codemodOptions: { [ctxPropagate.id]: { aggressive } }, goVersion: '1.22', packages: new PackageIndexCache() });
}
