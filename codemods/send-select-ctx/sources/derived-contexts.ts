import { regexEscaped } from '../../../src/go/find-by-text.js';
import { enclosingFunction, type Node } from '../../../src/go/syntax.js';

/**
 * Contexts the functions around `fn` derive from the source (`workerCtx, cancel =
 * context.WithCancel(ctx)`): done once it is done (not `context.WithoutCancel(ctx)`).
 */
export function derivedFrom(expr: string, fn: Node): string[] {
  let top = fn;
  for (let f: Node | undefined = fn; f; f = enclosingFunction(f)) top = f;
  const derive = new RegExp(`\\b(\\w+)\\s*(?:,\\s*\\w+\\s*)?:?=\\s*context\\.With(?!outCancel)\\w*\\(\\s*${regexEscaped(expr)}\\s*[,)]`, 'g');
  return [...top.text.matchAll(derive)].map((m) => m[1]).filter((name) => name !== expr);
}
