import type { PackageIndex } from '../../src/go/package-index.js';
import type { Node } from '../../src/go/syntax.js';
import { releaseInText, withoutDeferred } from './skipped-work.js';

// A goroutine re-arming its own timer (`r.timer.Reset(next)` at the end of smallstep's
// renewCertificate, the timer made by `time.AfterFunc(time.Hour, r.renewCertificate)`): the work
// schedules its next run. Recovered, a panic skips the re-arm and the periodic work stops for good,
// with the process up, where the crash used to restart it.

/** Whether the package makes the timer field `field` with time.AfterFunc or time.NewTimer. */
function timerField(field: string, index: PackageIndex): boolean {
  return index.anyTextMatches(new RegExp(`(\\.${field}\\s*=|\\b${field}\\s*:)\\s*time\\.(AfterFunc|NewTimer)\\(`));
}

/** A call `x.timer.Reset(…)` on such a field. */
export function reArmsTimer(n: Node, index: () => PackageIndex): boolean {
  if (n.type !== 'call_expression' || n.parent?.type !== 'expression_statement') return false;
  const m = /^[\w.]+\.(\w+)\.Reset$/.exec(n.childForFieldName('function')?.text ?? '');
  return !!m && timerField(m[1], index());
}

/** In a function's text, outside a defer: such a re-arm, as written. */
export function reArmInText(text: string, index: PackageIndex): string | undefined {
  for (const m of withoutDeferred(text).matchAll(/(?:^|[{;])\s*([\w.]+\.(\w+)\.Reset\([^)\n]*\))\s*$/gm)) {
    if (timerField(m[2], index)) return m[1];
  }
  return undefined;
}

/** A release in a function's text (releaseInText), or a re-arm of the goroutine's own timer. */
export function releaseOrReArm(text: string, index: PackageIndex): string | undefined {
  return releaseInText(text) ?? reArmInText(text, index);
}
