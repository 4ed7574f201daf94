import { applyEdits } from '../engine/apply-edits.js';
import { parseGo } from '../engine/parser.js';
import { fixEdits } from '../engine/process-file.js';
import type { Fix } from '../engine/types.js';
import { filePatch } from './patch.js';

/** The unified diff one fix alone would make to a file. */
export function fixDiff(file: string, source: string, fix: Fix, context = 3): string {
  // The tree is needed only to place imports.
  const edits = fix.imports?.length ? fixEdits(source, parseGo(source), [fix]) : fix.edits;
  const after = applyEdits(source, edits);
  return filePatch({ file, before: source, after }, context);
}
