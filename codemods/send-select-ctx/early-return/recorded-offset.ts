import type { CancellationSource } from '../../../src/go/cancellation.js';
import { declarationOf } from '../../../src/go/scope.js';
import { same, unparen, type Node } from '../../../src/go/syntax.js';

const BRANCHES = ['return_statement', 'continue_statement', 'break_statement', 'goto_statement'];

/**
 * The sent value comes with a second result of one call (`newLogsOffset, logLine :=
 * l.parseLogLine(line)`), and before the send, in its block (or an `if` there), after the last
 * branch that skips it, that second result is stored in a field of the receiver or a parameter
 * (`l.logsOffset = newLogsOffset`): state that counts the value as delivered before it is sent.
 * Whoever resumes from it (gitlab-runner's Kubernetes log reader, reconnecting from
 * `l.logsOffset`) skips the value, so a send dropped once the source is done loses it for good.
 * Not an error result (`v, err := f()`, `s.lastErr = err`). The text after `the send follows `.
 */
export function recordedWithValue(send: Node, source: CancellationSource, lasting: (target: Node) => boolean): string | undefined {
  const value = send.childForFieldName('value');
  if (!value) return undefined;
  const ids = value.type === 'identifier' ? [value] : value.descendantsOfType('identifier');
  for (const id of ids) {
    const found = declarationOf(id.text, send);
    if (!found || !('local' in found)) continue;
    const decl = found.local.decl;
    const right = decl.childForFieldName('right')?.namedChildren ?? decl.childForFieldName('value')?.namedChildren ?? [];
    const call = right.length === 1 ? unparen(right[0]) : undefined;
    if (call?.type !== 'call_expression') continue;
    const lefts = (decl.childForFieldName('left')?.namedChildren ?? decl.childrenForFieldName('name')).map((n) => n.text);
    const others = lefts.filter((n) => n !== id.text && n !== '_' && !/err/i.test(n));
    if (lefts.length < 2 || others.length === 0) continue;
    const record = recordBefore(send, (assign) => {
      const from = unparen(assign.childForFieldName('right')!.namedChild(0)!);
      if (from.type !== 'identifier' || !others.includes(from.text)) return false;
      const at = declarationOf(from.text, assign);
      return !!at && 'local' in at && same(at.local.decl, decl);
    }, lasting);
    if (!record) continue;
    const [target, from] = ['left', 'right'].map((f) => record.childForFieldName(f)!.text);
    return `${record.text} (line ${record.startPosition.row + 1}), which records ${from}, taken with ${id.text} from one call (${call.text}), in ${target}, state that outlives this call: the value counts as delivered before it is sent, and a select dropping the send once ${source.expr} is done would lose it for good: a resume starts past what is recorded`;
  }
  return undefined;
}

/**
 * An assignment `x.f = v` of one field of lasting state, before the send in its block or as a
 * statement of an `if` there, after the last statement that may branch; one `test` accepts.
 */
function recordBefore(send: Node, test: (assign: Node) => boolean, lasting: (target: Node) => boolean): Node | undefined {
  for (let prev = send.previousNamedSibling; prev; prev = prev.previousNamedSibling) {
    if (BRANCHES.some((t) => prev!.type === t || prev!.descendantsOfType(t).length > 0)) return undefined;
    const block = prev.type === 'if_statement' ? prev.childForFieldName('consequence') : undefined;
    const statements = prev.type === 'assignment_statement' ? [prev] : (block?.namedChildren.flatMap((b) => (b.type === 'statement_list' ? b.namedChildren : [b])) ?? []);
    for (const s of statements) {
      if (s.type !== 'assignment_statement' || s.childForFieldName('operator')?.text !== '=') continue;
      const left = s.childForFieldName('left')!.namedChildren;
      const right = s.childForFieldName('right')!.namedChildren;
      if (left.length !== 1 || right.length !== 1 || unparen(left[0]).type !== 'selector_expression' || !lasting(left[0])) continue;
      if (test(s)) return s;
    }
  }
  return undefined;
}
