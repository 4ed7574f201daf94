/**
 * Cheap textual signs of Go constructs, for the prefilters that decide whether a file is worth
 * parsing. Each is a necessary condition: it may say yes for text in a comment or a string, but
 * never says no for Go source that holds the construct.
 */

/** A character of a Go identifier (as `isWordChar`: ASCII word characters and any non-ASCII). */
const WORD = '\\w\\u0080-\\uffff';
/** Keywords that may stand right before a receive `<-x` (so `kw <-x` is not a send). */
const BEFORE_RECEIVE = 'case|return|if|for|switch|go|defer|range|chan|else|select|var|const';

/**
 * Where a send statement `ch <- v` can be: a `<-` that follows, on its own line, the end of an
 * operand (a name, `)`, `]` or `}`) rather than an operator or one of the keywords above, and is
 * not the arrow of a `<-chan` result type. Also a codemod trigger (which functions to parse).
 */
export const SEND_STATEMENT = new RegExp(
  `<-(?<=[${WORD})\\]}][ \\t]*<-)(?<!(?:^|[^${WORD}])(?:${BEFORE_RECEIVE})[ \\t]*<-)(?<![)\\]}][ \\t]*<-(?=\\s*chan\\b))`,
);

/** A send statement can be present. */
export function mayHaveSend(text: string): boolean {
  return SEND_STATEMENT.test(text);
}

/** A statement starts with `go` at the start of a line or after `{`, `;`, a label's `:` or the end of a block comment. */
// The keyword first, what precedes it in a lookbehind: a search for a plain string is far faster.
export const GO_STATEMENT = /go[ \t]+[\w(](?<=(?:^|[;{:/])[ \t]*go[ \t]+[\w(])/m;
export const GO_FUNC_STATEMENT = /go[ \t]+func\b(?<=(?:^|[;{:/])[ \t]*go[ \t]+func)/m;

/** A `go` statement can be present. */
export function mayHaveGoStatement(text: string): boolean {
  return GO_STATEMENT.test(text);
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
