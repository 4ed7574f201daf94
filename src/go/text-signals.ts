import { isWordChar } from './find-by-text.js';

/**
 * Cheap textual signs of Go constructs, for the prefilters that decide whether a file is worth
 * parsing. Each is a necessary condition: it may say yes for text in a comment or a string, but
 * never says no for Go source that holds the construct.
 */

/** Keywords that may stand right before a receive `<-x` (so `kw <-x` is not a send). */
const BEFORE_RECEIVE = new Set(['case', 'return', 'if', 'for', 'switch', 'go', 'defer', 'range', 'chan', 'else', 'select', 'var', 'const']);

// The signals below are loops over `indexOf` rather than patterns: they run over every file of a
// run, and a search for a plain string is several times faster than for a pattern.

/**
 * A send statement `ch <- v` can be present: some `<-` follows, on its own line, the end of an
 * operand (a name, `)`, `]` or `}`) rather than an operator or a keyword, and is not the arrow
 * of a `<-chan` type. Also a codemod trigger (which functions to parse).
 */
export function mayHaveSend(text: string): boolean {
  for (let i = text.indexOf('<-'); i !== -1; i = text.indexOf('<-', i + 2)) {
    let j = i - 1;
    while (j >= 0 && (text[j] === ' ' || text[j] === '\t')) j--;
    if (j < 0) continue;
    const c = text.charCodeAt(j);
    if (c === 41 || c === 93 || c === 125) {
      // `) <-chan T` is a result type; a send's value never starts with the keyword chan.
      if (!/^<-\s*chan\b/.test(text.slice(i, i + 16))) return true;
      continue;
    }
    if (!isWordChar(c)) continue;
    let k = j;
    while (k >= 0 && isWordChar(text.charCodeAt(k))) k--;
    if (!BEFORE_RECEIVE.has(text.slice(k + 1, j + 1))) return true;
  }
  return false;
}

/** A statement starts with `go func` at the start of a line or after `{`, `;`, a label's `:` or the end of a block comment. */
export const GO_FUNC_STATEMENT = /go[ \t]+func\b(?<=(?:^|[;{:/])[ \t]*go[ \t]+func)/m;

const isBlank = (c: number) => c === 32 || c === 9;

/**
 * A `go` statement can be present: `go`, blanks, then a name or `(`, where `go` starts a line or
 * follows `{`, `;`, a label's `:` or the end of a block comment.
 */
export function mayHaveGoStatement(text: string): boolean {
  for (let i = text.indexOf('go'); i !== -1; i = text.indexOf('go', i + 2)) {
    let j = i + 2;
    if (!isBlank(text.charCodeAt(j))) continue;
    while (isBlank(text.charCodeAt(j))) j++;
    const next = text.charCodeAt(j);
    if (!isWordChar(next) && next !== 40) continue;
    let k = i - 1;
    while (k >= 0 && isBlank(text.charCodeAt(k))) k--;
    if (k < 0 || '\n\r;{:/\u2028\u2029'.includes(text[k])) return true;
  }
  return false;
}

/** A `go func(…) {…}(…)` statement can be present. */
export function mayHaveGoFuncLiteral(text: string): boolean {
  return GO_FUNC_STATEMENT.test(text);
}

/** A `for` loop can be present. */
export function mayHaveLoop(text: string): boolean {
  return /\bfor\b/.test(text);
}

/** A method declaration can be present: `func (` starts a line or follows `;` or the end of a block comment. */
export function mayHaveMethod(text: string): boolean {
  return /(?:^|[;/])[ \t]*func[ \t]*\(/m.test(text);
}

/** `make(chan …)`. */
const MAKE_CHANNEL = /\bmake\(\s*chan\b/;

/** `make(chan …)` can be present. */
export function mayMakeChannel(text: string): boolean {
  return MAKE_CHANNEL.test(text);
}
