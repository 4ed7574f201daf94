import { receiverOf } from '../../src/go/declarations.js';
import { declarationOf } from '../../src/go/scope.js';
import { ancestors, contains, firstLine, onOwnPath, rootName, type Node } from '../../src/go/syntax.js';

// State the goroutine resets after its work, outside a defer: a recovered panic skips it, and the
// state stays as if the work were still going.

/** A zero value: what a reset puts back. */
const ZERO = /^(nil|false|0|"")$/;

/** Calls that are no work: logging, locking, time. */
const NO_WORK = /(^|\.)(Print\w*|Debug\w*|Info\w*|Warn\w*|Error\w*|Log\w*|Trace\w*|R?Lock|R?Unlock|Now|Since|String|Sprintf?|Errorf|len|cap|append|make|new)$/;

/** Whether the root of a field assigned in the goroutine is the receiver of the method around, or a variable declared outside the goroutine. */
function sharedRoot(root: Node, literal: Node): boolean {
  const found = declarationOf(root.text, root);
  if (found) return !contains(literal, 'local' in found ? found.local.decl : found.param.fn);
  const method = ancestors(literal).find((a) => a.type === 'method_declaration');
  return !!method && receiverOf(method)?.name === root.text;
}

/**
 * A field of the receiver or of a captured value set back to its zero value after the work, in the
 * goroutine's own statements, outside a defer (`err := ia.im.impl.Run(rc)`, then `ia.current =
 * nil`, under a lock or not): it runs only when the work returns, so a panic in the work, recovered,
 * would skip it and leave the state as if the work were still going (perkeep's importer: a run
 * marked current for good, Stop and Start ignored, the importer never run again). Why, as a
 * refusal's reason.
 */
export function stateResetAfterWork(stmts: Node[], literal: Node): string | undefined {
  let work: Node | undefined;
  for (const st of stmts) {
    if (st.type === 'defer_statement' || st.type === 'go_statement') continue;
    for (const n of [st, ...st.descendantsOfType(['assignment_statement', 'call_expression'])]) {
      if (!onOwnPath(n, st)) continue;
      if (n.type === 'call_expression') {
        const fn = n.childForFieldName('function');
        if (fn && fn.type !== 'func_literal' && !NO_WORK.test(fn.text)) work ??= n;
        continue;
      }
      if (!work || n.type !== 'assignment_statement' || n.childForFieldName('operator')?.text !== '=') continue;
      const lefts = n.childForFieldName('left')?.namedChildren ?? [];
      const rights = n.childForFieldName('right')?.namedChildren ?? [];
      const reset = lefts.findIndex((l, i) => l.type === 'selector_expression' && ZERO.test(rights[i]?.text ?? '') && sharedRoot(rootName(l) ?? l, literal) && rootName(l) !== undefined);
      if (reset < 0) continue;
      const field = lefts[reset].text;
      const callee = work.childForFieldName('function')!.text.split('.').pop();
      return `the goroutine resets ${field} = ${rights[reset].text} (line ${n.startPosition.row + 1}) after its work (${firstLine(work.text)}), outside a defer: that clean-up runs only when ${callee} returns, so after a recovered panic it would never run, and the state would stay as if ${callee} were still going (${field} left set for good) where the process used to crash`;
    }
  }
  return undefined;
}
