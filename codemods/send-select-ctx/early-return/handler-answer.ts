import { identifiersNamed } from '../../../src/go/find-by-text.js';
import { enclosingFunction, same, type Node } from '../../../src/go/syntax.js';
import { paramsOf } from '../../../src/go/scope.js';

/**
 * An HTTP handler (`w http.ResponseWriter`, no results) that writes its answer after the send
 * (`http.Error(w, err.Error(), 500)` once the reply comes, or `w.WriteHeader(http.StatusOK)`): a
 * bare return added at the send would write nothing, and net/http answers 200 OK for a handler
 * that returns so: the request reported as done (storetheindex's config reload, whose client
 * took the 200 for "reloaded" while the daemon was shutting down). The writer's name and where
 * it is first used after the send.
 */
export function handlerAnswersAfter(send: Node, fn: Node, source: string): { writer: string; use: Node } | undefined {
  if (fn.childForFieldName('result')) return undefined;
  const writer = paramsOf(fn).find((p) => /^(http\.)?ResponseWriter$/.test(p.typeNode.text));
  if (!writer) return undefined;
  const use = identifiersNamed(fn, source, writer.name).find((id) => id.startIndex >= send.endIndex && same(enclosingFunction(id), fn));
  return use ? { writer: writer.name, use } : undefined;
}
