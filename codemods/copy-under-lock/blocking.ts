import { inGoroutine, inSelectWithDefault, type Node } from '../../src/go/syntax.js';

/** Method names that usually wait on something outside the process or on another goroutine. */
export const DEFAULT_BLOCKING_METHODS = ['Close', 'Send', 'Write', 'Flush', 'Stop', 'Shutdown', 'Wait', 'Publish', 'Notify', 'Recv', 'Read', 'Do', 'Call'];

/**
 * The first call in the statements that may block: a method of this package whose body may
 * block (per `summary`), else a method of the blocking list (or one starting with Send/Write),
 * a channel send (not in a select with a default, which cannot wait), time.Sleep, or a call of a function value (a callback: a local variable or
 * parameter, whose code is unknown). Calls for which `released` holds (after an unlock) are left out.
 */
export function firstBlockingCall(stmts: Node[], methods: string[], locals: Set<string>, summary: (call: Node) => boolean | undefined = () => undefined, released: (n: Node) => boolean = () => false): Node | undefined {
  for (const s of stmts) {
    for (const n of [s, ...s.descendantsOfType(['call_expression', 'send_statement'])]) {
      if (inGoroutine(n, s) || released(n)) continue;
      if (n.type === 'send_statement') {
        if (inSelectWithDefault(n)) continue;
        return n;
      }
      if (n.type !== 'call_expression') continue;
      // What the callee's own body says wins over its name.
      const known = summary(n);
      if (known !== undefined) {
        if (known) return n;
        continue;
      }
      const fn = n.childForFieldName('function')!;
      if (fn.type === 'selector_expression') {
        const name = fn.childForFieldName('field')!.text;
        if (fn.text === 'time.Sleep' || methods.includes(name) || /^(Send|Write)[A-Z]/.test(name)) return n;
      } else if (fn.type === 'identifier' && locals.has(fn.text)) {
        return n;
      }
    }
  }
  return undefined;
}

