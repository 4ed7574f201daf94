import type { CancellationSource } from './cancellation.js';
import { nameWords } from './name-words.js';
import { declarationOf } from './scope.js';
import type { Node } from './syntax.js';

// A done case whose return calls a function for its value (`case <-ctx.Done(): return cleanup()`,
// crowdsec's journalctl source: wait for the scanners, reap the child, nil once ctx is cancelled)
// does more than leave: a new return of `ctx.Err()` would skip that call and give another answer.

/** A package's error maker or wrapper (`errors.New`, `fmt.Errorf`, `errors.Wrap`, `status.Error`). */
const ERROR_MAKER = /^(New\w*|Errorf|Wrap\w*|With(Stack|Message\w*)|Join|Cause|Annotate\w*|Trace|Error|FromContextError)$/;

/** Builtins and standard-library functions that only compute a value. */
const PURE = /^(len|cap|min|max|new|make|u?int(8|16|32|64)?|float(32|64)|string|time\.(Now|Since|Until|Duration|Unix\w*)|strconv\.\w+|strings\.\w+|fmt\.Sprint\w*)$/;

/**
 * The first call in a done case's return (`return cleanup()`, `return nil, s.finish()`) that is
 * more than the making of its value: not the source's `Err()` or `context.Cause`, not a package's
 * error maker (`fmt.Errorf(…)`, `errors.Wrap(ctx.Err(), …)`), not an `Err()`/`Error()` getter, nor
 * a local helper named for making errors (`newCanceledErr()`), nor a value computed on the spot.
 */
export function callInDoneReturn(ret: Node, source: CancellationSource): Node | undefined {
  return ret.descendantsOfType('call_expression').find((call) => !makesValue(call, source));
}

function makesValue(call: Node, source: CancellationSource): boolean {
  const callee = call.childForFieldName('function');
  if (!callee) return false;
  if (source.isContext && callee.text.replace(/\s/g, '') === `${source.expr}.Err`) return true;
  // A value computed on the spot (`StampedError{At: time.Now()}`, `len(q)`): nothing cleaned up.
  if (PURE.test(callee.text)) return true;
  if (callee.type === 'identifier') {
    const words = nameWords(callee.text).map((w) => w.toLowerCase());
    return /^(new|wrap|make)$/.test(words[0] ?? '') && words.some((w) => /^err(or|orf|s)?$/.test(w));
  }
  if (callee.type !== 'selector_expression') return false;
  const field = callee.childForFieldName('field')?.text ?? '';
  if (/^(Err|Error)$/.test(field) && (call.childForFieldName('arguments')?.namedChildCount ?? 0) === 0) return true;
  const operand = callee.childForFieldName('operand');
  // A package's function: its name is declared neither locally nor as a parameter.
  const ofPackage = operand?.type === 'identifier' && declarationOf(operand.text, call) === undefined;
  return ofPackage && ERROR_MAKER.test(field);
}
