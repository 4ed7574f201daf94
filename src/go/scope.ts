import { identifiersNamed } from './find-by-text.js';
import { ancestors, enclosingFunction, same, unparen, type Node } from './syntax.js';
import { baseTypeName, receiverOf, type FieldDecl } from './declarations.js';
import type { PackageIndex } from './package-index.js';

/** A named parameter or result of a function. */
export interface Param {
  name: string;
  typeNode: Node;
  /** The function literal or declaration it belongs to. */
  fn: Node;
}

/** Named parameters of a function (unnamed and `_` parameters are left out). */
export function paramsOf(fn: Node): Param[] {
  return namedParams(fn.childForFieldName('parameters'), fn);
}

/** The parameter that makes a function a test, benchmark, fuzz target or test helper (`t *testing.T`, `tb testing.TB`), as written. */
export function testingParameter(fn: Node): string | undefined {
  // Or gocheck's `*check.C` (gravity's app suites: recovered, a panicking hook test passed), or an
  // interface standing for testing.TB (`testutil.TestingTB`, testify's `require.TestingT`:
  // consul-k8s' acceptance helpers).
  const param = paramsOf(fn).find((p) => /^\*testing\.[TBF]$|^testing\.TB$|^\*check\.C$|^\w+\.TestingTB?$/.test(p.typeNode.text));
  return param && `${param.name} ${param.typeNode.text}`;
}

/**
 * A function's parameter names by position, as its calls' arguments line up with them: '' for an
 * unnamed parameter, `_` as written, and '' for a variadic one (its arguments fill a slice). Named
 * parameters alone (paramsOf) would shift every position after a `_` or an unnamed one.
 */
export function positionalParams(fn: Node): string[] {
  const out: string[] = [];
  for (const decl of fn.childForFieldName('parameters')?.namedChildren ?? []) {
    if (decl.type !== 'parameter_declaration' && decl.type !== 'variadic_parameter_declaration') continue;
    const names = decl.childrenForFieldName('name').filter((n) => n.type === 'identifier');
    if (names.length === 0 || decl.type === 'variadic_parameter_declaration') out.push('');
    else for (const n of names) out.push(n.text);
  }
  return out;
}

function namedParams(list: Node | null, fn: Node): Param[] {
  if (!list) return [];
  const out: Param[] = [];
  for (const decl of list.namedChildren) {
    if (decl.type !== 'parameter_declaration' && decl.type !== 'variadic_parameter_declaration') continue;
    const typeNode = decl.childForFieldName('type');
    if (!typeNode) continue;
    for (const n of decl.childrenForFieldName('name')) {
      if (n.type === 'identifier' && n.text !== '_') out.push({ name: n.text, typeNode, fn });
    }
  }
  return out;
}

export interface ResultItem {
  name: string | undefined;
  typeNode: Node;
}

/** The results of a function: [] for none, one item per result (names repeated for `a, b int`). */
export function resultsOf(fn: Node): ResultItem[] {
  const result = fn.childForFieldName('result');
  if (!result) return [];
  if (result.type !== 'parameter_list') return [{ name: undefined, typeNode: result }];
  const out: ResultItem[] = [];
  for (const decl of result.namedChildren) {
    if (decl.type !== 'parameter_declaration') continue;
    const typeNode = decl.childForFieldName('type')!;
    const names = decl.childrenForFieldName('name').filter((n) => n.type === 'identifier');
    if (names.length === 0) out.push({ name: undefined, typeNode });
    for (const n of names) out.push({ name: n.text, typeNode });
  }
  return out;
}

/** A variable declared by a statement of an enclosing block, before a given point. */
export interface LocalDecl {
  name: string;
  /** The declaring statement (short_var_declaration, var_spec, range clause…). */
  decl: Node;
  /** The value expression assigned to this name, when one lines up with it. */
  value: Node | undefined;
  /** The declared type, for `var x T`. */
  typeNode: Node | undefined;
}

/**
 * Where a name used at `node` is declared: a local before it or a parameter of its function, or,
 * for a closure, of the functions around it (it captures their variables). Undefined for a name
 * declared at package level or elsewhere.
 */
export function declarationOf(name: string, node: Node): { local: LocalDecl } | { param: Param } | undefined {
  let point = node;
  for (let fn = enclosingFunction(node); fn; point = fn, fn = enclosingFunction(fn)) {
    const local = localsBefore(point).find((l) => l.name === name);
    if (local) return { local };
    const param = paramsOf(fn).find((p) => p.name === name);
    if (param) return { param };
    if (fn.type !== 'func_literal') break;
  }
  return undefined;
}

/**
 * The type of a variable or parameter named at `at` as written where it is declared: a
 * parameter's, a `var x T`'s, or else the value a local is given (`make([]func(), 0, n)`,
 * `sync.Mutex{}`). Undefined for a name declared elsewhere.
 */
export function writtenType(name: string, at: Node): string | undefined {
  const found = declarationOf(name, at);
  if (!found) return undefined;
  return 'param' in found ? found.param.typeNode.text : (found.local.typeNode?.text ?? found.local.value?.text);
}

/** The local `name` names at `at`, when a channel is made for it there (`ch := make(chan T, n)`). */
export function madeChannel(name: string, at: Node): LocalDecl | undefined {
  const found = declarationOf(name, at);
  return found && 'local' in found && isChannelMade(found.local.value) ? found.local : undefined;
}

/** A value that makes a channel: `make(chan T)`, `make(chan<- T, n)`. */
export function isChannelMade(value: Node | null | undefined): boolean {
  return /^make\(\s*(<-\s*)?chan\b/.test(value?.text ?? '');
}

/** Whether `name`, used at `at`, is the local that `decl` declares (not one of the same name declared elsewhere). */
export function isLocalOf(name: string, at: Node, decl: Node): boolean {
  const found = declarationOf(name, at);
  return !!found && 'local' in found && same(found.local.decl, decl);
}

/**
 * The named type of a variable where it is used, when its declaration says (`req *ackListRequest`,
 * `var t T`, `op := &endTxnOp{…}`, a method's receiver): `ackListRequest`. Undefined otherwise.
 */
export function declaredTypeName(name: string, at: Node): string | undefined {
  const found = declarationOf(name, at);
  if (found && 'param' in found) return baseTypeName(found.param.typeNode.text) || undefined;
  if (found && 'local' in found) {
    if (found.local.typeNode) return baseTypeName(found.local.typeNode.text) || undefined;
    const value = found.local.value && unparen(found.local.value);
    const literal = value?.type === 'unary_expression' && value.childForFieldName('operator')?.text === '&' ? value.childForFieldName('operand') : value;
    return literal?.type === 'composite_literal' ? baseTypeName(literal.childForFieldName('type')?.text ?? '') || undefined : undefined;
  }
  const method = ancestors(at).find((a) => FUNCTION_DECLS.has(a.type));
  const recv = method?.type === 'method_declaration' ? receiverOf(method) : undefined;
  return recv?.name === name ? recv.typeName : undefined;
}

const FUNCTION_DECLS = new Set(['function_declaration', 'method_declaration']);

/**
 * The field a selector names (`e.subscribers`, `a.upstream`), when the type of what it selects
 * from is known where it stands (the receiver, a variable declared with a named type, or one made
 * by a function of the package returning one: `gen := newFlowGenerator()`): its declaration in
 * the package.
 */
export function selectedField(selector: Node, index: PackageIndex): FieldDecl | undefined {
  if (selector.type !== 'selector_expression') return undefined;
  const operand = selector.childForFieldName('operand');
  const owner = operand?.type === 'identifier' ? declaredTypeName(operand.text, selector) ?? constructedTypeName(operand.text, selector, index) : undefined;
  const name = selector.childForFieldName('field')?.text;
  return owner ? index.fieldsOf(owner).find((f) => f.name === name) : undefined;
}

/** `x := newT(…)`, the package's only function of that name returning one named type (`*T`): T. */
export function constructedTypeName(name: string, at: Node, index: PackageIndex): string | undefined {
  const found = declarationOf(name, at);
  const value = found && 'local' in found && found.local.value ? unparen(found.local.value) : undefined;
  const callee = value?.type === 'call_expression' ? value.childForFieldName('function') : undefined;
  if (callee?.type !== 'identifier') return undefined;
  const decls = index.functionsNamed(callee.text, false);
  const result = decls.length === 1 ? decls[0].childForFieldName('result') : undefined;
  if (!result || (result.type !== 'type_identifier' && result.type !== 'pointer_type')) return undefined;
  return baseTypeName(result.text) || undefined;
}

/**
 * Variables declared before `node` in the blocks enclosing it, up to (not past) the enclosing
 * function. Innermost first; within a block, latest first.
 */
export function localsBefore(node: Node): LocalDecl[] {
  const fn = enclosingFunction(node);
  const out: LocalDecl[] = [];
  let child = node;
  for (const a of ancestors(node)) {
    if (same(a, fn)) break;
    if (a.type === 'statement_list') {
      const declaring = declarationsOfList(a);
      const at = child.startIndex;
      for (let i = declaring.length - 1; i >= 0; i--) if (declaring[i].end <= at) out.push(...declaring[i].decls);
    }
    // `var ( n = len(xs); ch = make(chan T, n) )`: a spec sees the names of the specs before it.
    if (a.type === 'var_spec_list' || a.type === 'const_spec_list') {
      out.push(...declaredBy(a.parent!).filter((d) => d.decl.endIndex <= child.startIndex));
    }
    if (a.type === 'if_statement' || a.type === 'for_statement' || a.type === 'switch_statement' || a.type === 'type_switch_statement') {
      // A three-clause for keeps its initializer in its for_clause.
      const holder = a.type === 'for_statement' ? a.namedChildren.find((c) => c.type === 'for_clause') : a;
      const init = holder?.childForFieldName('initializer');
      if (init && !same(child, init) && !same(child, holder!)) out.push(...declaredBy(init));
      // `for _, ctx := range cfg.Contexts`: its variables, in its body.
      if (a.type === 'for_statement' && holder === undefined) out.push(...rangeVariables(a, child));
    }
    child = a;
  }
  return out;
}

/** What a `for … := range` loop declares, seen from its body (not from the clause itself), computed once per loop. */
function rangeVariables(loop: Node, from: Node): LocalDecl[] {
  let byId = rangeCache.get(loop.tree);
  if (!byId) rangeCache.set(loop.tree, (byId = new Map()));
  let found = byId.get(loop.id);
  if (!found) {
    const range = loop.namedChildren.find((c) => c.type === 'range_clause');
    const left = range?.childForFieldName('left');
    const declares = !!range && !!left && /^\s*:=/.test(range.text.slice(left.endIndex - range.startIndex));
    const names = declares ? left!.namedChildren.filter((n) => n.type === 'identifier' && n.text !== '_') : [];
    found = { clause: range, decls: names.map((n) => ({ name: n.text, decl: range!, value: undefined, typeNode: undefined })) };
    byId.set(loop.id, found);
  }
  return found.clause && !same(from, found.clause) ? found.decls : [];
}

const rangeCache = new WeakMap<Node['tree'], Map<number, { clause: Node | undefined; decls: LocalDecl[] }>>();

/** Per statement list (by tree and node id): the statements that declare something, with what, computed once. */
const listCache = new WeakMap<Node['tree'], Map<number, { end: number; decls: LocalDecl[] }[]>>();

function declarationsOfList(list: Node): { end: number; decls: LocalDecl[] }[] {
  let byId = listCache.get(list.tree);
  if (!byId) listCache.set(list.tree, (byId = new Map()));
  let found = byId.get(list.id);
  if (!found) {
    found = list.namedChildren.map((s) => ({ end: s.endIndex, decls: declaredBy(s) })).filter((s) => s.decls.length > 0);
    byId.set(list.id, found);
  }
  return found;
}

/** Names a statement declares, with the values they get. */
export function declaredBy(stmt: Node): LocalDecl[] {
  if (stmt.type === 'short_var_declaration') {
    const left = stmt.childForFieldName('left')!.namedChildren;
    const right = stmt.childForFieldName('right')?.namedChildren ?? [];
    return left
      .map((id, i) => ({
        name: id.text,
        decl: stmt,
        value: right.length === left.length ? right[i] : right.length === 1 ? right[0] : undefined,
        typeNode: undefined,
      }))
      .filter((d) => d.name !== '_');
  }
  if (stmt.type === 'var_declaration' || stmt.type === 'const_declaration') {
    const out: LocalDecl[] = [];
    for (const spec of stmt.descendantsOfType(stmt.type === 'var_declaration' ? 'var_spec' : 'const_spec')) {
      const names = spec.childrenForFieldName('name').filter((n) => n.type === 'identifier');
      const values = spec.childForFieldName('value')?.namedChildren ?? [];
      const typeNode = spec.childForFieldName('type') ?? undefined;
      names.forEach((id, i) =>
        out.push({ name: id.text, decl: spec, value: values.length === names.length ? values[i] : undefined, typeNode }),
      );
    }
    return out.filter((d) => d.name !== '_');
  }
  return [];
}

/**
 * Whether `node` uses the variable that `decl` declares as `name`: an identifier of that name
 * that resolves to `decl`, or that goconc cannot resolve. A closure's or an inner block's own
 * `name :=` (and what refers to it) is another variable.
 */
export function usesVariable(node: Node, name: string, decl: Node): boolean {
  const ids = node.type === 'identifier' ? [node] : node.descendantsOfType('identifier');
  return ids.some((id) => {
    if (id.text !== name) return false;
    const own = id.parent?.type === 'expression_list' && id.parent.parent?.type === 'short_var_declaration' && same(id.parent.parent.childForFieldName('left'), id.parent) ? id.parent.parent : undefined;
    if (own) return !same(own, decl) && sameVariable(own, decl);
    const found = declarationOf(name, id);
    return !found || ('local' in found && sameVariable(found.local.decl, decl));
  });
}

/** `name, err :=` declares a new variable, unless it is in the block of the first declaration. */
function sameVariable(d: Node, decl: Node): boolean {
  return same(d, decl) || (d.type === 'short_var_declaration' && same(d.parent, decl.parent));
}

/** True when `name` is assigned (=, op=, ++/--) by a statement inside `scope` starting at or after `after` (and before `before`). */
export function isReassigned(scope: Node, source: string, name: string, after: number, before = Infinity, decl?: Node): boolean {
  return assignmentsOf(scope, source, name, decl).some((stmt) => stmt.startIndex >= after && stmt.startIndex < before);
}

/**
 * The statements inside `scope` assigning `name` (=, op=, ++/--); with `decl`, only that
 * variable's, not another's of the same name (an outer `done` func beside a `done` channel).
 */
export function assignmentsOf(scope: Node, source: string, name: string, decl?: Node): Node[] {
  const out: Node[] = [];
  for (const id of identifiersNamed(scope, source, name)) {
    const p = id.parent;
    const stmt = p?.type === 'inc_statement' || p?.type === 'dec_statement' ? p : p?.type === 'expression_list' && p.parent?.type === 'assignment_statement' && same(p.parent.childForFieldName('left'), p) ? p.parent : undefined;
    if (stmt && (!decl || isLocalOf(name, id, decl))) out.push(stmt);
  }
  return out;
}

/** `srv := func(…) {…}` earlier in the function (or one around it), for `go srv(l)` or `srv(l)` at `at`: the literal it runs. */
export function localClosure(fn: Node, at: Node): Node | undefined {
  if (fn.type !== 'identifier') return undefined;
  const decl = declarationOf(fn.text, at);
  const value = decl && 'local' in decl ? decl.local.value : undefined;
  return value?.type === 'func_literal' ? value : undefined;
}
