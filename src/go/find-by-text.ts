import type { Node } from './syntax.js';

/**
 * Finding nodes through the source text, then locating them in the tree: a text search plus a
 * descent per hit costs far less than visiting every node of a subtree from JS (or even walking
 * it in C with descendantsOfType), since the constructs codemods look for are rare.
 */

/** A character of a Go identifier (letters beyond ASCII included), by UTF-16 code. */
export const isWordChar = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c > 127;

/** Offsets of `needle` within source[from, to); a word needle only as a whole word. */
function occurrences(source: string, needle: string, from: number, to: number): number[] {
  const out: number[] = [];
  const word = isWordChar(needle.charCodeAt(0)) && isWordChar(needle.charCodeAt(needle.length - 1));
  for (let i = source.indexOf(needle, from); i !== -1 && i + needle.length <= to; i = source.indexOf(needle, i + 1)) {
    if (word && (isWordChar(source.charCodeAt(i - 1)) || isWordChar(source.charCodeAt(i + needle.length)))) continue;
    out.push(i);
  }
  return out;
}

/**
 * Nodes of `type` within `scope` built around the token `token` (a keyword such as `go` or
 * `defer`, or an operator such as `<-` for send statements): the token's parent in the tree.
 * In source order; `from`/`to` narrow the search to part of the scope.
 */
export function nodesByToken(scope: Node, source: string, token: string, type: string, from = scope.startIndex, to = scope.endIndex): Node[] {
  const out: Node[] = [];
  for (const i of occurrences(source, token, from, to)) {
    const leaf = scope.descendantForIndex(i, i + token.length);
    if (leaf.type !== token || leaf.startIndex !== i) continue; // in a comment, a string, or another token
    const parent = leaf.parent;
    if (parent?.type === type) out.push(parent);
  }
  return out;
}

/** Identifiers spelled `name` within scope (not field names, labels or words in comments). */
export function identifiersNamed(scope: Node, source: string, name: string): Node[] {
  const out: Node[] = [];
  for (const i of occurrences(source, name, scope.startIndex, scope.endIndex)) {
    const leaf = scope.descendantForIndex(i, i + name.length);
    if (leaf.type === 'identifier' && leaf.startIndex === i && leaf.endIndex === i + name.length) out.push(leaf);
  }
  return out;
}

/** `go` statements within scope. */
export function goStatements(scope: Node, source: string): Node[] {
  return nodesByToken(scope, source, 'go', 'go_statement');
}

/** Send statements (`ch <- v`) within scope, select cases' included. */
export function sendStatements(scope: Node, source: string, from = scope.startIndex, to = scope.endIndex): Node[] {
  return nodesByToken(scope, source, '<-', 'send_statement', from, to);
}

/**
 * Calls within source[from, to) of `scope` whose callee's text ends with `needle` (`.Wait`,
 * `wg.Done`, `close`), filtered by `test` on the callee's whole text.
 */
export function callsByText(scope: Node, source: string, needle: string, test: (callee: string) => boolean, from = scope.startIndex, to = scope.endIndex): Node[] {
  const out: Node[] = [];
  for (const i of occurrences(source, needle, from, to)) {
    let paren = i + needle.length;
    while (source[paren] === ' ' || source[paren] === '\t') paren++;
    if (source[paren] !== '(' || paren >= to) continue;
    const leaf = scope.descendantForIndex(paren, paren + 1);
    const call = leaf.type === '(' && leaf.parent?.type === 'argument_list' ? leaf.parent.parent : null;
    if (call?.type !== 'call_expression') continue;
    const callee = call.childForFieldName('function');
    if (callee && callee.endIndex === i + needle.length && test(callee.text)) out.push(call);
  }
  return out;
}

/** Calls of exactly `callee` (`context.TODO`, `time.After`) within scope. */
export function callsOf(scope: Node, source: string, callee: string): Node[] {
  return callsByText(scope, source, callee, (text) => text === callee);
}

/**
 * Every word of Go code outside comments and string literals: a superset of the identifiers
 * it uses, for picking names that cannot collide.
 */
export function codeWords(text: string): Set<string> {
  return new Set(codeOnly(text).match(/[A-Za-z_]\w*/g) ?? []);
}

/** Go source with its comments, strings and runes blanked out: what is left is code. */
export function codeOnly(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*|`[^`]*`|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g, ' ');
}

/** Text to match literally in a regular expression. */
export function regexEscaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether the text receives from the channel written so (`<-ch`, not `<-ch.Done()` nor `<-chs[i]`). */
export function receivesFrom(text: string, channel: string): boolean {
  return new RegExp(`<-\\s*${regexEscaped(channel)}(?![\\w.(\\[])`).test(text);
}
