import type { CancellationSource } from '../../src/go/cancellation.js';
import { fieldMayBeNil } from '../../src/go/composite-literals.js';
import { testTextsBeside } from '../../src/go/module-packages.js';
import type { PackageIndex } from '../../src/go/package-index.js';
import { codeOnly, regexEscaped } from '../../src/go/find-by-text.js';
import type { Node } from '../../src/go/syntax.js';

/**
 * Why the receiver's context field may still be nil when the loop first checks it: the package
 * builds the type without it, the function building it does not set it (`fieldMayBeNil`, shared
 * with send-select-ctx), and the method starting the goroutine does not set it before the loop
 * either (tracee's controller: `Start` runs the debug printer, `Run` sets `ctrl.ctx` later). A
 * check at the loop's top would then call Done() on a nil context and panic.
 */
export function nilContextField(loop: Node, source: CancellationSource, index: PackageIndex, path: string): string | undefined {
  if (source.kind !== 'ctx-field') return undefined;
  const before = codeOnly(source.fn.text.slice(0, loop.startIndex - source.fn.startIndex));
  const setHere = new RegExp(`(?<![\\w.])(?:[\\w.]+\\s*,\\s*)*${regexEscaped(source.expr)}\\s*(?:,\\s*[\\w.]+\\s*)*=[^=]`);
  if (setHere.test(before)) return undefined;
  // Or its tests build it so: the check would panic under them.
  const own = fieldMayBeNil(source, index);
  const inTests = own || path.endsWith('_test.go') ? undefined : fieldMayBeNil(source, index, false, testTextsBeside(path));
  const unset = own ?? inTests;
  if (!unset) return undefined;
  const method = source.fn.childForFieldName('name')?.text ?? 'the method';
  return `the package${unset === inTests ? "'s tests build" : ' builds'} ${unset.typeName} without ${unset.field} (${unset.literal}), and neither the function building it nor ${method} before the loop sets it: the field may be nil when the goroutine starts, until another method sets it, and a check at the loop's top would call ${source.expr}.Done() on a nil context and panic`;
}
