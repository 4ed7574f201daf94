import type { PackageIndex } from '../../src/go/package-index.js';
import { receiverOf } from '../../src/go/declarations.js';
import { calledName } from '../../src/go/called-functions.js';
import { positionalParams } from '../../src/go/scope.js';
import { regexEscaped } from '../../src/go/find-by-text.js';
import type { Node } from '../../src/go/syntax.js';
import { emptiedBy } from './emptied.js';

// A removal done for the locking method by a helper it calls under the lock, one level down: a
// method of the type (`s := r.removeLocked(id)`, whose body does `r.subs = append(r.subs[:i:i],
// r.subs[i+1:]...)`) or a function of the package handed the receiver (`removeSub(r, id)`). The
// lock promises the same as for a removal written in the method itself: once it returns, the
// removed element is not used again, and its caller may close its channel (dd-trace-go's
// Unsubscribe variant, whose close made a copied Broadcast panic).

/**
 * How the body of `decl` removes elements of `base.field` (`r.subs`): a delete from it, a new value
 * made of the old one that may leave elements out (`replaces`), or one emptying it (see emptiedBy). The statement's
 * first line, as written, or undefined.
 */
function removalIn(decl: Node, base: string, field: string, replaces: (right: Node) => boolean): string | undefined {
  const target = `${base}.${field}`;
  const nodes = decl.descendantsOfType(['call_expression', 'assignment_statement']);
  for (const n of nodes) {
    if (n.type === 'call_expression' && n.childForFieldName('function')?.text === 'delete' && n.childForFieldName('arguments')?.namedChildren[0]?.text === target) return n.text.split('\n')[0];
    // A new value made of the old one, leaving elements out (`r.subs = append(r.subs[:i:i], r.subs[i+1:]...)`),
    // not one built apart (`db.blocks = toLoad` in prometheus' reloadBlocks, keeping most blocks).
    const right = n.type === 'assignment_statement' ? n.childForFieldName('right') : undefined;
    if (right && n.childForFieldName('left')?.text === target && right.text !== 'nil' && right.text.includes(target) && replaces(right)) return n.text.split('\n')[0];
  }
  return emptiedBy(nodes, target)?.split('\n')[0];
}

/** A quick test of a declaration's text: it names the field (`.subs`). */
const naming = (field: string) => (text: string) => new RegExp(`\\.${regexEscaped(field)}\\b`).test(text);

/**
 * The call among `calls` (in a critical section of a method of `typeName` on `recv`) to a helper
 * that removes elements of `recv.field`: a method of the type called on `recv`, or a function of the
 * package handed `recv`. As the parenthesis of a reason (`through r.removeLocked(id), whose body
 * removes them: r.subs = append(…)`), or undefined.
 */
export function removedByHelper(calls: Node[], recv: string, typeName: string, field: string, index: PackageIndex, replaces: (right: Node) => boolean): string | undefined {
  for (const call of calls) {
    const fn = call.childForFieldName('function');
    const named = fn && calledName(fn);
    if (!named) continue;
    let how: string | undefined;
    if (named.method) {
      if (fn!.childForFieldName('operand')?.text !== recv) continue;
      const decl = index.method(typeName, named.name);
      const base = decl && receiverOf(decl.node)?.name;
      how = decl && base && naming(field)(decl.node.text) ? removalIn(decl.node, base, field, replaces) : undefined;
    } else {
      const at = (call.childForFieldName('arguments')?.namedChildren ?? []).findIndex((a) => a.text === recv);
      if (at < 0) continue;
      for (const decl of index.functionsNamed(named.name, false, naming(field))) {
        const param = positionalParams(decl)[at];
        how = param ? removalIn(decl, param, field, replaces) : undefined;
        if (how) break;
      }
    }
    if (how) return `through ${call.text.split('\n')[0]}, whose body removes them: ${how}`;
  }
  return undefined;
}

/**
 * A test of a method's text: it calls a method of `typeName`, or a function of the package, whose
 * body names the field (worth a closer look with removedByHelper).
 */
export function callsFieldHelper(typeName: string, field: string, index: PackageIndex): (text: string) => boolean {
  const methods = new Set(index.methodsWhere(typeName, naming(field)).map((m) => m.name));
  return (text) => {
    const body = text.slice(text.indexOf('{'));
    if (Array.from(body.matchAll(/\.(\w+)\s*\(/g), (m) => m[1]).some((name) => methods.has(name))) return true;
    return Array.from(body.matchAll(/(?<![\w.])(\w+)\s*\(/g), (m) => m[1]).some((f) => index.functionsNamed(f, false, naming(field)).length > 0);
  };
}
