import type { CancellationSource } from '../../../src/go/cancellation.js';
import { codeOnly, regexEscaped } from '../../../src/go/find-by-text.js';
import type { PackageIndex } from '../../../src/go/package-index.js';
import { declarationOf, positionalParams } from '../../../src/go/scope.js';
import { ancestors, enclosingFunction, firstLine, same, type Node } from '../../../src/go/syntax.js';
import { callsOfFunction } from './called-once-done.js';
import { onlyStartedDetached } from '../outlives/detached.js';
import { detachedGoAround, unwaitedStart } from '../outlives/outlives-function.js';

// A function whose context parameter a caller of the package hands its own context from a
// goroutine it starts and does not wait for (`go func() { EndTranscodingSession(ctx, sess) }()`,
// `go EndTranscodingSession(ctx, sess)`): the goroutine runs on after the caller returns, when its
// context (a request's) is often done, and the empty context inside the function is what lets the
// work the goroutine was started for finish then. One such call is enough: the rewrite changes the
// function for every caller, that one included.

/**
 * For a context parameter `source`: a call of its function in the package made in a goroutine its
 * caller starts and does not wait for, handed the caller's own context (a parameter, or a local
 * `ctx := r.Context()`), where the goroutine does not stop with that context already. The reason,
 * or undefined.
 */
export function startedUnwaitedByCaller(source: CancellationSource, index: PackageIndex): string | undefined {
  const handing = callsOfFunction(source, index);
  // Only ever started so (`go m.emitMetrics(ctx, id)`, its only call): onlyStartedDetached says so, later.
  if (!handing || onlyStartedDetached(source.fn, index)) return undefined;
  for (const { call, arg } of handing.calls) {
    const started = unwaitedGoroutineOf(call);
    if (!started || arg?.type !== 'identifier' || same(started.spawner, source.fn)) continue;
    const own = callersOwnContext(arg, call, started);
    if (!own) continue;
    // A goroutine that stops with the context already (`<-ctx.Done()`, `ctx.Err()`) is not meant to outlive it.
    if (new RegExp(`(?<![\\w.])${regexEscaped(arg.text)}\\.(Err|Done)\\(`).test(codeOnly(started.code))) continue;
    const top = [started.spawner, ...ancestors(started.spawner)].filter((a) => a.type === 'method_declaration' || a.type === 'function_declaration').pop();
    // The caller's function is parsed alone by the package index: its file and line are not known here.
    const by = top?.childForFieldName('name')?.text ?? 'its caller';
    return `${handing.callee} is started by ${by} in a goroutine it does not wait for (${started.shown}), handed its ${own}: that context may be done by the time this call runs (a request's ends once the handler answers), and the call it would cut short is the work the goroutine was started to finish`;
  }
  return undefined;
}

/**
 * The goroutine a call runs in when its caller starts it and does not wait for it: `go f(ctx)`, or
 * a go function literal (or a literal kept in a local and only started so) the call is in, outside
 * any other literal. With the function starting it, the code of the goroutine, and how it is shown.
 */
function unwaitedGoroutineOf(call: Node): { go: Node; spawner: Node; literal?: Node; code: string; shown: string } | undefined {
  if (call.parent?.type === 'go_statement') {
    const go = call.parent;
    const spawner = enclosingFunction(go);
    return spawner && unwaitedStart(go, spawner) ? { go, spawner, code: go.text, shown: firstLine(go.text) } : undefined;
  }
  const literal = enclosingFunction(call);
  const spawner = literal?.type === 'func_literal' ? enclosingFunction(literal) : undefined;
  const around = spawner ? detachedGoAround(call, spawner) : undefined;
  if (!spawner || !around) return undefined;
  const head = firstLine(around.go.text).replace(/\s*…$/, '');
  const shown = around.local ? `${firstLine(around.go.text)}, starting ${around.local} := func… ${firstLine(call.text)} …` : head === around.go.text ? head : `${head} … ${firstLine(call.text)} … }()`;
  return { go: around.go, spawner, literal: around.literal, code: around.local ? around.literal.text : around.go.text, shown };
}

/**
 * What the argument is, when it is the spawner's own context: its parameter, a local made from a
 * request's (`ctx := r.Context()`), or the literal's parameter it is handed as one of those
 * (`go func(ctx context.Context) { … }(ctx)`). As shown in the reason, or undefined.
 */
function callersOwnContext(arg: Node, call: Node, started: { go: Node; spawner: Node; literal?: Node }): string | undefined {
  const found = declarationOf(arg.text, call);
  if (!found) return undefined;
  if ('param' in found && same(found.param.fn, started.spawner)) return arg.text;
  if ('local' in found && same(enclosingFunction(found.local.decl), started.spawner) && /^\w+\.Context\(\)$/.test(found.local.value?.text ?? '')) return `${arg.text} (${found.local.value!.text})`;
  if ('param' in found && started.literal && same(found.param.fn, started.literal)) {
    const position = positionalParams(started.literal).indexOf(arg.text);
    const given = started.literal.parent?.type === 'call_expression' ? started.literal.parent.childForFieldName('arguments')?.namedChildren[position] : undefined;
    return given?.type === 'identifier' ? callersOwnContext(given, given, { ...started, literal: undefined }) : undefined;
  }
  return undefined;
}
