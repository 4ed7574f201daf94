import { applyEdits } from '../engine/apply-edits.js';
import { editsOfFix } from '../engine/verify-fixes.js';
import type { Fix } from '../engine/types.js';
import { filePatch } from './patch.js';

/** The unified diff one fix alone would make to a file. */
export function fixDiff(file: string, source: string, fix: Fix, context = 3): string {
  const after = applyEdits(source, editsOfFix(source, fix));
  return filePatch({ file, before: source, after }, context);
}
