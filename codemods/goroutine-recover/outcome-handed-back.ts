import { declarationOf } from '../../src/go/scope.js';
import { contains, ERROR_VARIABLE, insideLiteral, statementsOf, type Node } from '../../src/go/syntax.js';
import { signalToStarter } from './starter-signals.js';

// An outcome a goroutine hands back in a variable of its starter's, signalling its end with a defer.

/** A slice or map of errors, by its name (`errs`, `uploadErrors`). */
const ERRORS_VARIABLE = /^(errs|errors|\w*Errs|\w*Errors)$/;

/**
 * An outcome the goroutine hands back in a variable declared outside it (`password, err =
 * prompt()`, `c.n, c.body = load()`), or in an element of a slice or map (`errs[i] =
 * compactSegment(s)`), with a deferred signal of its end (`defer close(ch)`, `defer wg.Done()`):
 * the waiter reads the variable once signalled. An error among them first: its zero value reads
 * as a success.
 */
export function outcomeHandedBack(stmts: Node[], literal: Node): { variable: string; signal: string; error: boolean } | undefined {
  // Or a slot given back to the semaphore its starter fills to wait for all (`defer func() { <-limitCh
  // }()`, then `for range n { limitCh <- struct{}{} }`: dapr's BulkGet read an empty slot as a key
  // not found).
  // Or a deferred literal made only of such signals (`defer func() { <-concurrent; wg.Done() }()`:
  // juicefs' slice iterator, whose Iterate returned nil after a recovered panic).
  const signal = stmts.find((st) => st.type === 'defer_statement' && (/^defer\s+(close\(|[\w.]+\.Done\(\))/.test(st.text) || deferredSignals(st) !== undefined));
  // Or a send its starter receives, or an unlock it waits on by locking (a variant of immudb's auditor).
  const toStarter = signal || !literal.parent?.parent ? undefined : signalToStarter(stmts, literal.parent.parent);
  if (!signal && !toStarter) return undefined;
  const signalled = toStarter ?? deferredSignals(signal!) ?? signal!.text.replace(/^defer\s+/, '');
  let value: Node | undefined;
  for (const assign of literal.descendantsOfType('assignment_statement')) {
    if (insideLiteral(assign, literal.childForFieldName('body')!)) continue;
    for (const left of assign.childForFieldName('left')?.namedChildren ?? []) {
      // A field of a value from outside (`p.exitErr = err`: lxd's process monitor, whose Wait,
      // after a recovered panic, read exit code 0 and no error; `c.n, c.body = load()`, a variant
      // of outline-ss-server's copy, read 0 bytes as a result).
      const field = left.type === 'selector_expression' ? left.childForFieldName('operand') : undefined;
      // A field of a slot (`res[i].Data = …`) counts as the slot.
      const slot = field?.type === 'index_expression' ? field.childForFieldName('operand') : undefined;
      const id = slot ?? (left.type === 'index_expression' ? left.childForFieldName('operand') : (field ?? left));
      if (id?.type !== 'identifier' || id.text === '_') continue;
      const found = declarationOf(id.text, assign);
      const decl = found && ('local' in found ? found.local.decl : found.param.fn);
      // A field's value may be the method's receiver, which declarationOf does not give.
      if (decl ? contains(literal, decl) : !field) continue;
      const name = left.type === 'selector_expression' ? left.childForFieldName('field')!.text : id.text;
      if ((left.type === 'index_expression' ? ERRORS_VARIABLE : ERROR_VARIABLE).test(name)) return { variable: left.text, signal: signalled, error: true };
      value ??= left;
    }
  }
  // Or an error kept through a method of a holder from outside (`h.err.Store(err)`, an atomic
  // value: temporal's goroutine handles, recovered, read a panic as a nil error once done).
  const stored = literal.descendantsOfType('call_expression').find((c) => !insideLiteral(c, literal.childForFieldName('body')!) && /^(\w+\.)*\w*[eE]rr\w*\.(Store|Set|Swap)$/.test(c.childForFieldName('function')?.text ?? '') && !declaredInside(c, literal));
  if (stored) return { variable: stored.childForFieldName('function')!.text.replace(/\.\w+$/, ''), signal: signalled, error: true };
  return value && { variable: value.text, signal: signalled, error: false };
}

/** Whether the root of the call's receiver (`h` of `h.err.Store`) is declared in the literal. */
function declaredInside(call: Node, literal: Node): boolean {
  const root = /^\w+/.exec(call.childForFieldName('function')!.text)![0];
  const found = declarationOf(root, call);
  const decl = found && ('local' in found ? found.local.decl : found.param.fn);
  return !!decl && contains(literal, decl);
}

/**
 * `defer func() { <-sem }()`, `defer func() { <-concurrent; wg.Done() }()`: a deferred literal whose
 * statements are all signals of the end (a receive giving a slot back, a Done, a close). The one
 * the waiter waits on, as written: the Done or close if there is one, else the receive.
 */
function deferredSignals(st: Node): string | undefined {
  const call = st.namedChild(0);
  const literal = call?.type === 'call_expression' ? call.childForFieldName('function') : undefined;
  if (literal?.type !== 'func_literal' || (call!.childForFieldName('arguments')?.namedChildCount ?? 0) > 0) return undefined;
  const body = statementsOf(literal.childForFieldName('body')).filter((c) => c.type !== 'comment');
  const texts = body.map((c) => c.text.replace(/\s+/g, ''));
  if (body.length === 0 || !texts.every((t) => /^<-[\w.]+$|^[\w.]+\.Done\(\)$|^close\([\w.]+\)$/.test(t))) return undefined;
  return texts.find((t) => !t.startsWith('<-')) ?? texts[0];
}
