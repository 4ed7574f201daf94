import type { PackageIndex } from '../../src/go/package-index.js';
import { nameWords } from '../../src/go/name-words.js';
import { regexEscaped } from '../../src/go/find-by-text.js';
import { declaredTypeName } from '../../src/go/scope.js';
import { ancestors, enclosingFunction, firstLine, same, type Node } from '../../src/go/syntax.js';

/**
 * A queue kept in a field of a struct under a lock, that the loop takes its elements from
 * (`ev := t.queue[0]; t.queue = t.queue[1:]`, or a pop method on the field: `t.queue.Pop()`),
 * while other code of the package waits on that queue's progress: on a sync.Cond of the same
 * type (`for t.pending > 0 { t.cond.Wait() }`), or in a loop on a count the loop decrements
 * (`t.pending--`). The loop is the queue's only consumer (a variant of apm-agent-go's sender,
 * whose Flush waits for every queued event to be handled, sent or failed): ended on its context,
 * it would leave elements queued and those waiters waiting for good. The take and the wait, as
 * written, and the function waiting.
 */
export function drainedQueue(loop: Node, fn: Node, index: PackageIndex): { take: string; wait: string; waiter: string } | undefined {
  const own = (n: Node) => same(enclosingFunction(n), fn);
  const take = queueTake(loop, own);
  if (!take) return undefined;
  const owner = take.operand.type === 'identifier' ? declaredTypeName(take.operand.text, take.node) : undefined;
  if (!owner) return undefined;
  const fields = index.fieldsOf(owner);
  if (!fields.some((f) => f.name === take.field)) return undefined;
  // Elsewhere: a node in a top-level function that is not this goroutine (its declaration parsed alone: known by its text).
  const elsewhere = (n: Node) => !ancestors(n).some((a) => a.type === 'func_literal' && a.text === fn.text);
  for (const cond of fields.filter((f) => /^\*?sync\.Cond$/.test(f.type.trim()))) {
    const wait = index.nodesMatching(new RegExp(`\\.${regexEscaped(cond.name)}\\.Wait\\(\\)`, 'g'), () => 1, (decl) => decl.includes('.Wait()')).find((n) => elsewhere(n) && ofType(n.parent, owner));
    if (wait) return { take: take.text, wait: firstLine(ancestors(wait).find((a) => a.type === 'call_expression')?.text ?? `${cond.name}.Wait()`), waiter: topLevelName(wait) ?? 'another function' };
  }
  for (const count of decremented(loop, own)) {
    if (!fields.some((f) => f.name === count)) continue;
    const counted = new RegExp(`\\bfor\\s+[\\w.]*\\.${regexEscaped(count)}\\s*(?:>|!=)\\s*0\\s*\\{`, 'g');
    for (const at of index.nodesMatching(counted, () => 0, (decl) => decl.includes(count))) {
      const loopNode = elsewhere(at) ? ancestors(at).find((a) => a.type === 'for_statement') : undefined;
      const tested = loopNode?.namedChildren.find((c) => c.type === 'binary_expression')?.childForFieldName('left');
      if (loopNode && ofType(tested, owner)) return { take: take.text, wait: firstLine(loopNode.text).replace(/\s*\{.*$/, ''), waiter: topLevelName(loopNode) ?? 'another function' };
    }
  }
  return undefined;
}

/** `t.queue = t.queue[1:]` (a field set to a slice of itself), or a pop method called on a field (`t.queue.Pop()`): the field and the take as written. */
function queueTake(loop: Node, own: (n: Node) => boolean): { node: Node; operand: Node; field: string; text: string } | undefined {
  for (const a of loop.descendantsOfType('assignment_statement')) {
    if (!own(a)) continue;
    const left = a.childForFieldName('left')?.namedChildren;
    const right = a.childForFieldName('right')?.namedChildren;
    if (left?.length !== 1 || right?.length !== 1 || left[0].type !== 'selector_expression' || right[0].type !== 'slice_expression') continue;
    if (right[0].childForFieldName('operand')?.text !== left[0].text) continue;
    const operand = left[0].childForFieldName('operand')!;
    return { node: a, operand, field: left[0].childForFieldName('field')!.text, text: a.text };
  }
  for (const call of loop.descendantsOfType('call_expression')) {
    const callee = call.childForFieldName('function');
    if (!own(call) || callee?.type !== 'selector_expression') continue;
    const first = nameWords(callee.childForFieldName('field')!.text)[0]?.toLowerCase();
    if (!first || !['pop', 'dequeue', 'shift'].includes(first)) continue;
    const on = callee.childForFieldName('operand')!;
    if (on.type === 'selector_expression') return { node: call, operand: on.childForFieldName('operand')!, field: on.childForFieldName('field')!.text, text: call.text };
  }
  return undefined;
}

/** Fields the loop decrements (`t.pending--`, `t.pending -= 1`): their names. */
function decremented(loop: Node, own: (n: Node) => boolean): string[] {
  const names: string[] = [];
  for (const s of loop.descendantsOfType(['dec_statement', 'assignment_statement'])) {
    if (!own(s)) continue;
    const target = s.type === 'dec_statement' ? s.namedChildren[0] : /^[\w.]+\s*-=/.test(s.text) ? s.childForFieldName('left')?.namedChildren[0] : undefined;
    if (target?.type === 'selector_expression') names.push(target.childForFieldName('field')!.text);
  }
  return names;
}

/** A selector (`t.cond`, `t.pending`) on a variable whose declared type is `owner`. */
function ofType(selector: Node | null | undefined, owner: string): boolean {
  const on = selector?.type === 'selector_expression' ? selector.childForFieldName('operand') : undefined;
  return on?.type === 'identifier' && declaredTypeName(on.text, on) === owner;
}

function topLevelName(n: Node): string | undefined {
  const decl = ancestors(n).find((a) => a.type === 'function_declaration' || a.type === 'method_declaration');
  return decl?.childForFieldName('name')?.text;
}
