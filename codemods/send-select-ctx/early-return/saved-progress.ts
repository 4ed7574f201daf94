import { declarationOf } from '../../../src/go/scope.js';
import { ancestors, contains, firstLine, FUNCTION_TYPES, same, unparen, type Node } from '../../../src/go/syntax.js';

/** Deferred calls that release or end rather than record: a close, an unlock, a group's Done, a cancel. */
const RELEASES = /(^|\.)(close|Close\w*|Unlock|RUnlock|Done|Stop|cancel\w*|Cancel\w*|Release\w*|Flush)$/;

/**
 * The statement that makes the value sent also moves on a local of the function
 * (`ev, st = a.collectEvent(st)`, then `ch <- ev`) that a deferred call of the function records
 * (`defer func() { a.SaveEventState(st) }()`): a return in place of the send would record the
 * state as moved past a value never delivered, and the next run, starting from it, would never
 * send it again (lima's guest agent: ports opened while the host agent reconnected were never
 * forwarded). The deferred call and the statement, as written.
 */
export function progressSavedOnReturn(send: Node, fn: Node): { deferred: string; made: string } | undefined {
  const value = unparen(send.childForFieldName('value')!);
  if (value.type !== 'identifier') return undefined;
  const own = (n: Node) => same(ancestors(n).find((a) => FUNCTION_TYPES.has(a.type)), fn);
  const made = fn.descendantsOfType(['assignment_statement', 'short_var_declaration']).filter((a) => a.endIndex <= send.startIndex && own(a)).reverse()
    .find((a) => a.childForFieldName('left')!.namedChildren.some((n) => n.text === value.text));
  const moved = (made?.childForFieldName('left')!.namedChildren ?? []).map((n) => n.text).filter((n) => n !== value.text && n !== '_' && !/^(err|ok)$/.test(n));
  // Locals of the function, declared before the loop that moves them on.
  const locals = moved.filter((name) => {
    const found = declarationOf(name, made!);
    return !!found && 'local' in found && same(ancestors(found.local.decl).find((a) => FUNCTION_TYPES.has(a.type)), fn) && !contains(found.local.decl, made!);
  });
  if (locals.length === 0) return undefined;
  const uses = new RegExp(`(?<![\\w.])(${locals.join('|')})\\b`);
  for (const d of fn.descendantsOfType('defer_statement').filter(own)) {
    const calls = d.descendantsOfType('call_expression').filter((c) => !RELEASES.test(c.childForFieldName('function')?.text ?? ''));
    const records = calls.find((c) => uses.test(c.childForFieldName('arguments')?.text ?? ''));
    if (records) return { deferred: firstLine(records.text), made: firstLine(made!.text) };
  }
  return undefined;
}
