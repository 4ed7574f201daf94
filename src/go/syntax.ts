import type Parser from 'tree-sitter';
import { codeWords } from './find-by-text.js';

export type Node = Parser.SyntaxNode;

export const FUNCTION_TYPES = new Set(['func_literal', 'function_declaration', 'method_declaration']);

/** A node's chain of parents, or where it starts within a longer chain (copied out when asked for). */
type Chain = Node[] | { chain: Node[]; from: number };

const chains = new WeakMap<Parser.Tree, Map<number, Chain>>();

/**
 * Parents of node, nearest first. Remembered per tree: codemods climb from many nodes of the
 * same functions, and each step up crosses into the parser's native code.
 */
export function ancestors(node: Node): readonly Node[] {
  let byId = chains.get(node.tree);
  if (!byId) chains.set(node.tree, (byId = new Map()));
  const known = chainOf(byId, node.id);
  if (known) return known;
  const climbed: Node[] = [];
  let rest: readonly Node[] = [];
  for (let p = node.parent; p; p = p.parent) {
    const above = chainOf(byId, p.id);
    climbed.push(p);
    if (above) {
      rest = above;
      break;
    }
  }
  const chain = climbed.concat(rest);
  byId.set(node.id, chain);
  // The nodes climbed through share this chain: each one's parents start one further along.
  for (let i = 0; i < climbed.length; i++) if (!byId.has(climbed[i].id)) byId.set(climbed[i].id, { chain, from: i + 1 });
  return chain;
}

function chainOf(byId: Map<number, Chain>, id: number): readonly Node[] | undefined {
  const c = byId.get(id);
  if (!c || Array.isArray(c)) return c;
  const own = c.chain.slice(c.from);
  byId.set(id, own);
  return own;
}

/** The innermost function (literal, declaration or method) containing node. */
export function enclosingFunction(node: Node): Node | undefined {
  for (const a of ancestors(node)) if (FUNCTION_TYPES.has(a.type)) return a;
  return undefined;
}

/** The outermost function (declaration or literal) around a node: the top-level one, past every literal. */
export function outermostFunction(node: Node): Node | undefined {
  let out: Node | undefined;
  for (const a of ancestors(node)) if (FUNCTION_TYPES.has(a.type)) out = a;
  return out;
}

const cleanTrees = new WeakMap<Parser.Tree, boolean>();

/** True when node lies in, or contains, a region the parser could not read. */
export function touchesError(node: Node): boolean {
  // Most trees have no error at all (files that do are not even given to codemods).
  let clean = cleanTrees.get(node.tree);
  if (clean === undefined) cleanTrees.set(node.tree, (clean = !node.tree.rootNode.hasError));
  if (clean) return false;
  if (node.hasError) return true;
  for (const a of ancestors(node)) if (a.type === 'ERROR' || a.isMissing) return true;
  return false;
}

/** Start offset of the line containing offset. */
export function lineStart(source: string, offset: number): number {
  return source.lastIndexOf('\n', offset - 1) + 1;
}

/** End offset (exclusive, before the newline) of the line containing offset. */
export function lineEnd(source: string, offset: number): number {
  const nl = source.indexOf('\n', offset);
  return nl === -1 ? source.length : nl;
}

/** The leading whitespace of the line containing offset. */
export function indentAt(source: string, offset: number): string {
  const start = lineStart(source, offset);
  return /^[ \t]*/.exec(source.slice(start))![0];
}

/** The line break style of a file. */
export function eol(source: string): string {
  return source.includes('\r\n') ? '\r\n' : '\n';
}

/** True when nothing but whitespace precedes the node on its line. */
export function startsLine(source: string, node: Node): boolean {
  return source.slice(lineStart(source, node.startIndex), node.startIndex).trim() === '';
}

/** True when only whitespace or a line comment follows the node on its line. */
export function endsLine(source: string, node: Node): boolean {
  const rest = source.slice(node.endIndex, lineEnd(source, node.endIndex)).trim();
  return rest === '' || rest.startsWith('//');
}

/** The named children of node with the given field name. */
export function fieldChildren(node: Node, field: string): Node[] {
  return node.childrenForFieldName(field).filter((c) => c.isNamed);
}

/** The values a return statement gives (none for a bare `return`), comments aside. */
export function returnedValues(ret: Node): Node[] {
  return ret.namedChildren.filter((c) => c.type !== 'comment').flatMap((c) => (c.type === 'expression_list' ? c.namedChildren : [c]));
}

/** Unparenthesised expression. */
export function unparen(node: Node): Node {
  let n = node;
  while (n.type === 'parenthesized_expression' && n.namedChildCount === 1) n = n.namedChild(0)!;
  return n;
}

/**
 * The name a chain of selectors, calls, indexes, dereferences and parentheses starts from: `t` of
 * `t.GotInfo()`, `taskStatusCh` of `*taskStatusCh`, `req` of `req.reply[i]`; undefined when it
 * starts elsewhere (a literal, a call of a function literal).
 */
export function rootName(expr: Node): Node | undefined {
  let e: Node | null = expr;
  while (e && e.type !== 'identifier') {
    if (e.type === 'selector_expression' || e.type === 'index_expression') e = e.childForFieldName('operand');
    else if (e.type === 'call_expression') e = e.childForFieldName('function');
    else if (e.type === 'parenthesized_expression' || (e.type === 'unary_expression' && e.childForFieldName('operator')?.text === '*')) e = e.namedChild(e.namedChildCount - 1);
    else return undefined;
  }
  return e ?? undefined;
}

/** True when `inner` lies inside `outer` (or is it). */
export function contains(outer: Node, inner: Node): boolean {
  return inner.startIndex >= outer.startIndex && inner.endIndex <= outer.endIndex;
}

/** Whether `n` is in a function literal within `within`: its code runs when it is called, maybe elsewhere. */
export function insideLiteral(n: Node, within: Node): boolean {
  return ancestors(n).some((a) => a.type === 'func_literal' && within.startIndex <= a.startIndex && a.endIndex <= within.endIndex);
}

/** Whether `n` runs on `within`'s own path: not in a function literal, a defer or a go statement inside it. */
export function onOwnPath(n: Node, within: Node): boolean {
  return !ancestors(n).some((a) => (a.type === 'func_literal' || a.type === 'defer_statement' || a.type === 'go_statement') && contains(within, a));
}

/** Text of a node with runs of whitespace collapsed, for comparing expressions. */
export function normalized(node: Node): string {
  return node.text.replace(/\s+/g, ' ');
}

/** The node's text with the spaces gofmt may put or leave out (\`a+b\` as an argument, \`a + b\` elsewhere) taken out. */
export function compacted(node: Node): string {
  return normalized(node).replace(/ (?=\W)|(?<=\W) /g, '');
}

/** The statement after `node` in its block, comments (and what `skip` passes over) left out. */
export function nextStatement(node: Node, skip: (n: Node) => boolean = () => false): Node | undefined {
  let next = node.nextNamedSibling;
  while (next && (next.type === 'comment' || skip(next))) next = next.nextNamedSibling;
  return next ?? undefined;
}

/** The statement before `node` in its block, comments (and what `skip` passes over) left out. */
export function previousStatement(node: Node, skip: (n: Node) => boolean = () => false): Node | undefined {
  let prev = node.previousNamedSibling;
  while (prev && (prev.type === 'comment' || skip(prev))) prev = prev.previousNamedSibling;
  return prev ?? undefined;
}

/** Node identity: the binding hands out a new JS object per access, so compare ids. */
export function same(a: Node | null | undefined, b: Node | null | undefined): boolean {
  return !!a && !!b && a.id === b.id;
}

/**
 * Where a statement inserted first in a block goes: after the `{` line when only a comment
 * follows the brace there (so the comment stays with it), else right after the brace.
 */
export function afterOpeningBrace(source: string, block: Node): number {
  const end = lineEnd(source, block.startIndex);
  return /^\s*(\/\/.*)?$/.test(source.slice(block.startIndex + 1, end)) ? end : block.startIndex + 1;
}

/** An edit deleting the whole lines a statement stands on, line break included. */
export function deleteLines(source: string, stmt: Node): { start: number; end: number; text: string } {
  const end = lineEnd(source, stmt.endIndex);
  return { start: lineStart(source, stmt.startIndex), end: end + (source.startsWith('\r\n', end) ? 2 : 1), text: '' };
}

/** Words of a subtree's code (identifiers, type and field names, keywords): names a new local must not take. */
export function usedNames(node: Node): Set<string> {
  return codeWords(node.text);
}

/** `base`, or base2, base3… — the first not in `taken`. */
export function freshName(base: string, taken: { has(name: string): boolean }): string {
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}${i}`;
  return name;
}

/** Names fixes were given, by tree and scope: a file's fixes are applied together. */
const givenNames = new WeakMap<Node['tree'], Map<number, Set<string>>>();

/**
 * A fresh name for what a fix declares in `scope` (a function, or the root node for the package
 * level): not in `taken`, nor given to another fix of the same file in that scope, since two
 * fixes each declaring `sem` in one function would not compile together.
 */
export function freshNameIn(scope: Node, base: string, taken: { has(name: string): boolean }): string {
  let byScope = givenNames.get(scope.tree);
  if (!byScope) givenNames.set(scope.tree, (byScope = new Map()));
  let given = byScope.get(scope.id);
  if (!given) byScope.set(scope.id, (given = new Set()));
  const name = freshName(base, { has: (n) => given.has(n) || taken.has(n) });
  given.add(name);
  return name;
}

/** A channel operation that cannot wait: in a case of a select that has a default. */
export function inSelectWithDefault(n: Node): boolean {
  for (let p = n.parent; p; p = p.parent) {
    if (p.type === 'select_statement') return p.namedChildren.some((c) => c.type === 'default_case');
    if (p.type === 'func_literal') return false;
  }
  return false;
}

/** Calls that take a channel without reading from it or sending on it (`len(ch)`, `signal.Notify(ch, …)`). */
export const CHANNEL_NON_READERS = /^(close|len|cap|append|make|signal\.Notify)$/;

/**
 * A call that releases what another goroutine may wait for: `wg.Done()`, `mu.Unlock()`,
 * `close(ch)`, `cancel()`. Each returns nothing, so it is a statement of its own: `<-ctx.Done()`
 * is a receive, not a release.
 */
export function isReleaseCall(call: Node): boolean {
  return (
    call.type === 'call_expression' &&
    STATEMENT_OF_CALL.has(call.parent?.type ?? '') &&
    /(\.(Done|Unlock|RUnlock)|^close|^cancel\w*|(^|\.)\w*(CancelFunc|CancelFn|cancelFunc|cancelFn))$/.test(call.childForFieldName('function')?.text ?? '')
  );
}

const STATEMENT_OF_CALL = new Set(['expression_statement', 'defer_statement', 'go_statement']);

/** The channels `close(…)` calls under a node close, as their argument nodes (`done`, `info.DoneCh`). */
export function closedChannels(node: Node): Node[] {
  return node
    .descendantsOfType('call_expression')
    .filter((c) => c.childForFieldName('function')?.text === 'close')
    .flatMap((c) => c.childForFieldName('arguments')?.namedChildren.slice(0, 1) ?? []);
}

/**
 * The channels a function closes in its own defer statements (`defer close(c)`, a deferred literal's
 * `close(errs)`, or a helper named for closing given the channel alone: `xioutil.SafeClose(responseCh)`,
 * minio's, `closeResponses(out)`), not in those of literals it holds.
 */
export function closedOnExit(fn: Node): Node[] {
  const helped = (d: Node) =>
    d
      .descendantsOfType('call_expression')
      .filter((c) => /(^|\.)(\w*[sS]afe|must|try)?[cC]lose\w*$/.test(c.childForFieldName('function')?.text ?? '') && c.childForFieldName('arguments')?.namedChildCount === 1)
      .map((c) => c.childForFieldName('arguments')!.namedChildren[0])
      .filter((a) => a.type === 'identifier' || a.type === 'selector_expression');
  return fn.descendantsOfType('defer_statement').filter((d) => same(enclosingFunction(d), fn)).flatMap((d) => [...closedChannels(d), ...helped(d).filter((a) => a.parent?.parent?.childForFieldName('function')?.text !== 'close')]);
}

/** A logging call's callee: `log.Print`, `fmt.Println`, `klog.Infof`, `s.logger.Debug`, `t.Log`. */
export const LOG_CALL = /^(log|fmt|klog|slog)\.|\.(Debug|Info|Warn|Error|Errf|Print|Log|Trace)\w*$/;

/** A statement that only logs (`log.Print("stopping")`). */
export function isLogStatement(stmt: Node): boolean {
  const call = stmt.type === 'expression_statement' ? stmt.namedChild(0) : undefined;
  return call?.type === 'call_expression' && LOG_CALL.test(call.childForFieldName('function')?.text ?? '');
}

/** A node's text as a message quotes it: its first line, with `…` when there is more. */
export function firstLine(text: string): string {
  const nl = text.indexOf('\n');
  return nl === -1 ? text : `${text.slice(0, nl)}…`;
}

/** `name := func(…) {…}`: the local a function literal is given to. */
export function closureName(literal: Node): string | undefined {
  const list = literal.parent;
  const decl = list?.type === 'expression_list' ? list.parent : undefined;
  if (decl?.type !== 'short_var_declaration' || list!.namedChildren.length !== 1) return undefined;
  const left = decl.childForFieldName('left')?.namedChildren;
  return left?.length === 1 && left[0].type === 'identifier' ? left[0].text : undefined;
}

/** The statements of a block, or of a select or switch case (the grammar puts them in a `statement_list`). */
export function statementsOf(block: Node | null | undefined): Node[] {
  return block?.namedChildren.find((c) => c.type === 'statement_list')?.namedChildren ?? [];
}

/** A variable named for an error: `err`, `closeErr`, `ReadErr` (not `errs` or `_`). */
export const ERROR_VARIABLE = /^(err|\w*Err)$/;

/**
 * Whether `n` runs in a goroutine started within `within` rather than where it stands: the call a
 * go statement starts (\`go c.Send(x)\`), or code of the function literal it starts (\`go func() {
 * ch <- v }()\`). The go statement's arguments are evaluated where it stands.
 */
export function inGoroutine(n: Node, within: Node): boolean {
  if (n.parent?.type === 'go_statement') return true;
  return ancestors(n).some((a) => a.type === 'func_literal' && a.parent?.type === 'call_expression' && a.parent.parent?.type === 'go_statement' && contains(within, a));
}
