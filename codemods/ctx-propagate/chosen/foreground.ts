import type { CancellationSource } from '../../../src/go/cancellation.js';
import { receiverOf } from '../../../src/go/declarations.js';
import { codeOnly } from '../../../src/go/find-by-text.js';
import type { PackageIndex } from '../../../src/go/package-index.js';
import { paramsOf } from '../../../src/go/scope.js';
import { ancestors, FUNCTION_TYPES, inGoroutine, same, type Node } from '../../../src/go/syntax.js';

/**
 * Why foreground work should not be given the receiver's context field `source` (a long-lived
 * context, cancelled when the value stops): the function serves a request, or the field's comment
 * says it is for the value's background work, or the package only waits on its Done. Undefined when none.
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
  // Or what the package does with it says so: only its Done is waited on, by the background loop
  // (libp2p's datastore address book, given it, lost every address added once its garbage
  // collection was stopped or the constructor's context ended).
  const signal = said ? undefined : stopSignalOnly(source, index);
  if (signal && !inGoroutine(call, source.fn)) return `the package uses ${source.expr} only as a signal to stop (${signal}), never giving it to a call, and this call is not in a goroutine of the receiver: given ${source.expr}, it would fail once that background work is stopped (or the context the receiver was made from ends), where it used to go on for its caller`;
  return undefined;
}

/**
 * A field context made by a constructor for background work (madeForBackground) that the package
 * never gives to a call: every use of a field of its name, in any file, waits on its Done
 * (`<-gc.ab.ctx.Done()`), tests its Err, or sets it. The first wait, as written; undefined when
 * the field is used any other way, or never waited on.
 */
function stopSignalOnly(source: CancellationSource, index: PackageIndex): string | undefined {
  const name = source.expr.slice(source.expr.lastIndexOf('.') + 1);
  const use = new RegExp(`\\.${name}\\b(?!\\s*\\()(\\.Done\\(\\)|\\.Err\\(\\)|\\s*(?:,[\\w\\s.,]*)?=(?!=))?`, 'g');
  return index.once(`stop-signal-only ${name}`, () => {
    const texts = index.allTexts().map(codeOnly);
    if (!texts.some((t) => t.split(/\nfunc\b/).some((fn) => madeForBackground(fn, name)))) return undefined;
    let wait: string | undefined;
    for (const text of texts) {
      for (const m of text.matchAll(use)) {
        if (m[1] === undefined) return undefined;
        if (m[1] === '.Done()') wait ??= `<-${/[\w.]*$/.exec(text.slice(Math.max(0, m.index - 80), m.index))![0]}${m[0]}`;
      }
    }
    return wait;
  });
}

/**
 * Whether a function's text (a constructor) is given `ctx context.Context`, makes a context from it
 * (`ctx, cancel := context.WithCancel(ctx)`), sets the field to it, and starts a goroutine or hands
 * the context on (`newAddressBookGc(ctx, ab)`, which starts one): the field is made for that work.
 */
function madeForBackground(fn: string, name: string): boolean {
  return /^\s*\w+\([^)]*\bctx\s+context\.Context\b/.test(fn) && /\bcontext\.With\w+\(\s*ctx\b/.test(fn) && /\bgo\s+[\w.(]|\w\(\s*ctx\s*,/.test(fn) && new RegExp(`(\\b${name}:\\s*ctx|\\.${name}\\s*=\\s*ctx)\\b`).test(fn);
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
