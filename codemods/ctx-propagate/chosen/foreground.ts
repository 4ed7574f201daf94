import type { CancellationSource } from '../../../src/go/cancellation.js';
import { receiverOf } from '../../../src/go/declarations.js';
import type { PackageIndex } from '../../../src/go/package-index.js';
import { paramsOf } from '../../../src/go/scope.js';
import { ancestors, FUNCTION_TYPES, inGoroutine, same, type Node } from '../../../src/go/syntax.js';

/**
 * Why foreground work should not be given the receiver's context field `source` (a long-lived
 * context, cancelled when the value stops): the function serves a request, or the field's comment
 * says it is for the value's background work. Undefined when neither.
 */
export function foregroundReason(call: Node, source: CancellationSource, index: PackageIndex): string | undefined {
  // A handler given the request (`r *http.Request`): its context is `r.Context()`, and the
  // receiver's long-lived one would cut requests in flight at shutdown (knative's recordevents).
  const request = requestParam(call, source.fn);
  if (request) return `the function serves a request (${request.name} *http.Request), whose context is ${request.name}.Context(): ${source.expr} lives as long as the receiver, and given it, requests in flight would be cut at shutdown rather than drained`;
  // `// ctx and cancel are used to control the lifecycle of background operations`: the
  // value's own loops are given it; a lookup its callers make is not (cadence's domain cache,
  // given it, failed every lookup once the refresher was stopped).
  const said = backgroundComment(source, index);
  if (said && !inGoroutine(call, source.fn)) return `${source.expr} is for the receiver's background work (its comment: "${said}"), and this call is not in a goroutine of it: given ${source.expr}, the call would fail once that work is stopped, where it used to go on for its caller`;
  return undefined;
}

/** A `*http.Request` parameter of the functions from the call out to `outer`, the innermost first. */
function requestParam(call: Node, outer: Node): { name: string } | undefined {
  for (const fn of ancestors(call).filter((a) => FUNCTION_TYPES.has(a.type))) {
    const found = paramsOf(fn).find((p) => /^\*\s*http\.Request$/.test(p.typeNode.text));
    if (found) return found;
    if (same(fn, outer)) break;
  }
  return undefined;
}

/** The comment of the field's declaration (the lines just above it, or after it on its line) when it speaks of background work. */
function backgroundComment(source: CancellationSource, index: PackageIndex): string | undefined {
  const recv = receiverOf(source.fn);
  const name = source.expr.slice(source.expr.lastIndexOf('.') + 1);
  const decl = recv && index.fieldsOf(recv.typeName).find((f) => f.name === name)?.typeNode.parent;
  if (!decl) return undefined;
  const comments: string[] = [];
  const after = decl.nextSibling;
  if (after?.type === 'comment' && after.startPosition.row === decl.endPosition.row) comments.push(after.text);
  // Above it, or above the fields declared with it on the lines before (`// ctx and cancel …`
  // over `ctx`, `cancel`), up to a blank line.
  let row = decl.startPosition.row;
  for (let prev = decl.previousSibling; prev && prev.endPosition.row === row - 1; prev = prev.previousSibling) {
    if (prev.type === 'comment') comments.push(prev.text);
    else if (prev.type !== 'field_declaration') break;
    row = prev.startPosition.row;
  }
  return comments.map((c) => c.replace(/^\/\/\s*/, '')).find((c) => /\bbackground\b/i.test(c));
}
