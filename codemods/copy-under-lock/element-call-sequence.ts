import type { FileContext } from '../../src/engine/types.js';
import type { FieldDecl } from '../../src/go/declarations.js';
import type { CriticalSection } from '../../src/go/lock-regions.js';
import { nameWords } from '../../src/go/name-words.js';
import { insideLiteral, unparen, type Node } from '../../src/go/syntax.js';
import { mayBeInterface } from './lock-guards-objects.js';
import type { Rewrite } from './rewrites.js';

/** A call that starts a piece of output (`Write`, `WriteString`, `Fprintf(w, …)`, `Encode`). */
const WRITES = new Set(['Write', 'Print', 'Encode', 'Send']);
/** A call that completes what earlier writes started (`Flush`, `Commit`, `Sync`, `EndFrame`). */
const COMPLETES = new Set(['Flush', 'Commit', 'Sync', 'End']);

/**
 * A fix becomes a refusal when, under the exclusive lock, the loop body makes a sequence of calls
 * on one element (or one field of it: `c.conn`) where a later call completes an earlier one: a
 * write and then a `Flush`/`Commit`/`Sync`/`End…` (`c.Write(msg); c.Flush()`), or `WriteHeader`
 * and then a `Write`; and the element's type is an interface, another package's type, or a type
 * of the package with no mutex field whose called methods take no lock. The lock kept two
 * callers' sequences apart on one element; after unlocking, one caller's write could land between
 * another's write and its flush (a thrift-shaped server's framed transports: frames merged or torn,
 * races under -race).
 */
export function unlessSequenceOnElement(plan: Rewrite, loop: Node, ranged: FieldDecl, vars: string[], cs: CriticalSection, method: Node, ctx: FileContext): Rewrite {
  if (!plan.ok || cs.read) return plan;
  const body = loop.childForFieldName('body');
  if (!body) return plan;
  const t = ranged.typeNode;
  const slots: [number, Node | null][] = t.type === 'map_type' ? [[0, t.childForFieldName('key')], [1, t.childForFieldName('value')]] : t.type === 'slice_type' ? [[1, t.childForFieldName('element')]] : [];
  const typeOfVar = new Map(slots.filter(([i]) => vars[i] && vars[i] !== '_').map(([i, type]) => [vars[i], type] as const));
  // Calls on each element path (`c`, `c.conn`), in order: `c.conn` → [Write, Flush].
  const byPath = new Map<string, { name: string; text: string }[]>();
  for (const c of body.descendantsOfType('call_expression')) {
    if (insideLiteral(c, body)) continue;
    const on = calledOn(c);
    if (!on || !typeOfVar.has(on.path.split('.')[0])) continue;
    byPath.set(on.path, [...(byPath.get(on.path) ?? []), on]);
  }
  for (const [path, calls] of byPath) {
    const pair = completedPair(calls);
    if (!pair) continue;
    const [root, ...fields] = path.split('.');
    const type = typeAlong(typeOfVar.get(root) ?? null, fields, ctx);
    const kind = type && unguardedKind(type, [pair[0].name, pair[1].name], ctx);
    if (!kind) continue;
    const name = method.childForFieldName('name')?.text ?? 'this method';
    return {
      ok: false,
      reason: `the loop's ${pair[0].text} and then ${pair[1].text} make one sequence on each element${path === root ? ` (${root})` : `'s ${fields.join('.')} (${path})`}, ${kind}: ${cs.mutex} kept two ${name} calls' sequences apart on one element, and after unlocking one caller's write could land between another's ${pair[0].name} and its ${pair[1].name} (output merged or torn)`,
    };
  }
  return plan;
}

/** The element path and method of a call on it (`c.conn.Write(p)` → `c.conn`, Write), or of a write handed it first (`fmt.Fprintf(c, …)`). */
function calledOn(call: Node): { path: string; name: string; text: string } | undefined {
  const fn = call.childForFieldName('function');
  if (fn?.type === 'selector_expression') {
    const path = pathOf(fn.childForFieldName('operand')!);
    const name = fn.childForFieldName('field')!.text;
    if (path) return { path, name, text: `${fn.text}()` };
  }
  const name = fn?.type === 'selector_expression' ? fn.childForFieldName('field')!.text : fn?.type === 'identifier' ? fn.text : '';
  const first = call.childForFieldName('arguments')?.namedChildren[0];
  const path = first && /^(Fprint|Write)/.test(name) ? pathOf(first) : undefined;
  return path ? { path, name: 'Write', text: `${fn!.text}(${path}, …)` } : undefined;
}

/** `c.conn` for a selector chain of identifiers, `c` for an identifier. */
function pathOf(node: Node): string | undefined {
  const n = unparen(node);
  if (n.type === 'identifier') return n.text;
  if (n.type !== 'selector_expression') return undefined;
  const operand = pathOf(n.childForFieldName('operand')!);
  return operand && `${operand}.${n.childForFieldName('field')!.text}`;
}

/** A write followed by a call completing it, or a WriteHeader followed by a Write. */
function completedPair(calls: { name: string; text: string }[]): [{ name: string; text: string }, { name: string; text: string }] | undefined {
  for (let i = 0; i < calls.length; i++) {
    for (let j = i + 1; j < calls.length; j++) {
      const [a, b] = [calls[i].name, calls[j].name];
      if (a === 'WriteHeader' ? /^Write(?!Header)/.test(b) : WRITES.has(nameWords(a)[0] ?? '') && COMPLETES.has(nameWords(b)[0] ?? '')) return [calls[i], calls[j]];
    }
  }
  return undefined;
}

/** The type of a field path from the element's type (`conn` in a `*client`), through struct types of the package. */
function typeAlong(type: Node | null, fields: string[], ctx: FileContext): Node | undefined {
  let t = type ?? undefined;
  for (const f of fields) {
    const inner = t?.type === 'pointer_type' ? t.namedChildren[0] : t;
    if (inner?.type !== 'type_identifier') return undefined;
    t = ctx.packageIndex().fieldsOf(inner.text).find((x) => !x.embedded && x.name === f)?.typeNode;
  }
  return t;
}

/**
 * How the element's type keeps no order of its own, as said in the reason; undefined when it may:
 * a type of the package with a mutex field, or whose called methods lock, or not known here.
 */
function unguardedKind(type: Node, called: string[], ctx: FileContext): string | undefined {
  const index = ctx.packageIndex();
  const inner = type.type === 'pointer_type' ? type.namedChildren[0] : type;
  if (!inner) return undefined;
  if (inner.type === 'qualified_type') return mayBeInterface(inner, index) ? `a ${type.text} (another package's type, with no order kept for this sequence)` : undefined;
  if (mayBeInterface(inner, index)) return `a ${type.text} (an interface: its implementations may buffer without a lock)`;
  if (inner.type !== 'type_identifier' || index.underlyingKind(inner.text) !== 'struct') return undefined;
  if (index.fieldsOf(inner.text).some((f) => /\b(RW)?Mutex\b/.test(f.type))) return undefined;
  const methods = called.map((m) => index.method(inner.text, m));
  if (methods.some((m) => m && /\.(R?Lock|TryLock)\(\)/.test(m.node.text))) return undefined;
  return `a ${type.text} (a type of the package with no mutex of its own)`;
}
