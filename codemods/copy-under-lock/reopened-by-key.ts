import type { FileContext } from '../../src/engine/types.js';
import { criticalSections } from '../../src/go/lock-regions.js';
import { paramsOf } from '../../src/go/scope.js';
import { unparen, type Node } from '../../src/go/syntax.js';

/** A method name that ends an object's life and may release what it holds (a file, its lock, a port). */
const CLOSE_LIKE = /^(Close|Shutdown|Stop|Release|Disconnect|Terminate|Destroy|Flush|Sync)\w*$/;

/** `ds.Close()` on the value taken out of the map (`ds`), or on a field of it: a call that frees what the value holds. */
export function closesTaken(call: Node, taken: string): boolean {
  const fn = call.type === 'call_expression' ? call.childForFieldName('function') : undefined;
  const operand = fn?.type === 'selector_expression' ? fn.childForFieldName('operand')!.text : undefined;
  return !!operand && (operand === taken || operand.startsWith(`${taken}.`)) && CLOSE_LIKE.test(fn!.childForFieldName('field')!.text);
}

/**
 * Another method of the type that, under the same mutex, stores a new value for a key of the map
 * made by a call given that key (`ds, err := openDatastore(filepath.Join(r.dir, storeID+".db"));
 * r.stores[storeID] = ds`), after looking the key up: a get-or-create that opens by key. With a
 * close moved past the unlock, it could open the same key while the old value still holds what it
 * frees (a file's lock: "database is locked"). So too a value made by a call of a function the
 * method is handed (`res, err := open()`), or a call given another of its parameters: the caller
 * picked what it opens for the key. A value made without the key or anything handed in
 * (`openDatastore(filepath.Join(c.dir, "shared.db"))`) is not counted. As `Get (openDatastore(…))`.
 */
export function reopensByKey(typeName: string, cs: { mutex: string; recv: string }, field: string, method: Node, ctx: FileContext): { method: string; call: string } | undefined {
  const mutex = cs.mutex.slice(cs.recv.length);
  const indexed = new RegExp(`\\.${field}\\[`);
  for (const m of ctx.packageIndex().methodsWhere(typeName, (text) => /Lock\s*\(\s*\)/.test(text) && indexed.test(text))) {
    if (m.name === method.childForFieldName('name')?.text) continue;
    for (const other of criticalSections(m.node, ctx.packageIndex())) {
      if (other.mutex.slice(other.recv.length) !== mutex) continue;
      const target = `${other.recv}.${field}`;
      const nodes = other.inside.flatMap((st) => [st, ...st.descendantsOfType(['assignment_statement', 'short_var_declaration', 'index_expression'])]);
      const looked = (key: string) => nodes.some((n) => n.type === 'index_expression' && n.childForFieldName('operand')?.text === target && n.childForFieldName('index')?.text === key && !isStoredTo(n));
      for (const st of nodes) {
        const key = storedKey(st, target);
        if (!key || !looked(key)) continue;
        const value = unparen(st.childForFieldName('right')!.namedChildren[0]);
        const made = value.type === 'call_expression' ? value : value.type === 'identifier' ? madeBy(value.text, nodes, st) : undefined;
        if (made && givenKey(made, key)) return { method: m.name, call: made.text };
        // `res, err := open()` with `open` a parameter (maddy's Singleton.GetOpen): what it opens the
        // caller chose, with the key; so too a constructor given another parameter (`listen(addr)`).
        if (made && handedIn(made, m.node)) return { method: m.name, call: made.text };
        // `&fileDir{path: name, buf: b}` after `b, _ := os.ReadFile(name)`: built from what a call given the key read.
        const read = unparen(value.type === 'unary_expression' ? value.childForFieldName('operand')! : value).type === 'composite_literal' && value.descendantsOfType('identifier').some((id) => id.text === key) ? readByKey(nodes, st, key) : undefined;
        if (read) return { method: m.name, call: read.text };
        // `s := &session{ln: ln}` after `ln, err := net.Listen("unix", path)`: a value holding what a
        // call acquired, one given the key or a name made from it, or one named for taking a port,
        // a file or a lock (a server's \`net.Listen(addr)\`).
        const acquired = acquiredInto(value, nodes, st, key);
        if (acquired) return { method: m.name, call: acquired.text };
      }
    }
  }
  return undefined;
}

/** Calls named for taking something only one holder may have: a port, a file, a socket, a lock. */
const ACQUIRE = /^(Listen\w*|Open\w*|Dial\w*|Create\w*|Bind|Mkdir\w*|TryLock|Lock)$/;

/**
 * The call that acquired what a stored composite value holds (`&session{ln: ln}`, itself or through
 * the local holding it): the call that made one of its names, when it is given the key or a local
 * made from the key (`path := filepath.Join(dir, id+".sock")`), or named for acquiring.
 */
function acquiredInto(value: Node, nodes: Node[], at: Node, key: string): Node | undefined {
  const literal = value.type === 'identifier' ? literalAssigned(value.text, nodes, at) : value;
  const inner = literal && unparen(literal.type === 'unary_expression' ? literal.childForFieldName('operand')! : literal);
  if (inner?.type !== 'composite_literal') return undefined;
  const keys = new Set([key, ...callsAssignedBefore(nodes, at).flatMap((a) => (a.name && a.call && givenKey(a.call, key) ? [a.name] : []))]);
  const calls = inner.descendantsOfType('identifier').flatMap((id) => madeBy(id.text, nodes, at) ?? []);
  const acquiring = calls.find((c) => ACQUIRE.test(c.childForFieldName('function')?.text.split('.').pop() ?? ''));
  return acquiring ?? calls.find((c) => [...keys].some((k) => givenKey(c, k)));
}

/** The composite literal (or its address) a local was given before `at`, in those statements (`s := &session{…}`). */
function literalAssigned(name: string, nodes: Node[], at: Node): Node | undefined {
  const decl = nodes.filter((n) => n.startIndex < at.startIndex && (n.type === 'short_var_declaration' || n.type === 'assignment_statement') && n.childForFieldName('left')?.namedChildren[0]?.text === name).at(-1);
  const right = decl?.childForFieldName('right')?.namedChildren ?? [];
  return right.length === 1 ? unparen(right[0]) : undefined;
}

/** A call given the key whose result a local takes before `at` (`b, _ := os.ReadFile(name)`), in those statements. */
function readByKey(nodes: Node[], at: Node, key: string): Node | undefined {
  return callsAssignedBefore(nodes, at).find((a) => a.call && givenKey(a.call, key))?.call;
}

/** `target[k] = v` with one value and the key a variable: `k`. */
function storedKey(st: Node, target: string): string | undefined {
  if (st.type !== 'assignment_statement' || st.childForFieldName('operator')?.text !== '=') return undefined;
  const left = st.childForFieldName('left')!.namedChildren;
  const right = st.childForFieldName('right')!.namedChildren;
  const l = left.length === 1 && right.length === 1 ? unparen(left[0]) : undefined;
  const index = l?.type === 'index_expression' && l.childForFieldName('operand')?.text === target ? l.childForFieldName('index') : undefined;
  return index?.type === 'identifier' ? index.text : undefined;
}

function isStoredTo(n: Node): boolean {
  return n.parent?.type === 'expression_list' && n.parent.parent?.type === 'assignment_statement' && n.parent.parent.childForFieldName('left')?.id === n.parent.id;
}

/** The assignments before `at`, in those statements, whose one value is a call: each with its first name and the call. */
function callsAssignedBefore(nodes: Node[], at: Node): { name: string | undefined; call: Node | undefined }[] {
  return nodes.flatMap((n) => {
    if (n.startIndex >= at.startIndex || (n.type !== 'short_var_declaration' && n.type !== 'assignment_statement')) return [];
    const right = n.childForFieldName('right')!.namedChildren;
    if (right.length !== 1) return [];
    const r = unparen(right[0]);
    return [{ name: n.childForFieldName('left')!.namedChildren[0]?.text, call: r.type === 'call_expression' ? r : undefined }];
  });
}

/** The call a variable was last given before `at`, in those statements (`ds, err := openDatastore(…)`). */
function madeBy(name: string, nodes: Node[], at: Node): Node | undefined {
  return callsAssignedBefore(nodes, at).filter((a) => a.name === name).at(-1)?.call;
}

/** A call given the key, in its arguments (`openStore(r.dir, id)`, `open(filepath.Join(dir, id+".db"))`); not `make`/`new`/`append`. */
function givenKey(call: Node, key: string): boolean {
  if (/^(make|new|append)$/.test(call.childForFieldName('function')?.text ?? '')) return false;
  const args = call.childForFieldName('arguments');
  return !!args && args.descendantsOfType('identifier').some((id) => id.text === key);
}

/**
 * A call of a function value the method `fn` is handed (`open()`, `f.Open()` on a parameter `f`), or
 * one given a parameter of it (`listen(addr)`) other than a context; not `make`/`new`/`append`.
 */
function handedIn(call: Node, fn: Node): boolean {
  const callee = call.childForFieldName('function');
  if (!callee || /^(make|new|append)$/.test(callee.text)) return false;
  const params = new Set(paramsOf(fn).filter((p) => !/^context\.Context$/.test(p.typeNode.text)).map((p) => p.name));
  const root = callee.type === 'selector_expression' ? unparen(callee.childForFieldName('operand')!) : callee;
  if (root.type === 'identifier' && params.has(root.text)) return true;
  const args = call.childForFieldName('arguments');
  return !!args && args.descendantsOfType('identifier').some((id) => params.has(id.text));
}
