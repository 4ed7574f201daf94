import { enclosingFunction, same, type Node } from '../../../src/go/syntax.js';

/**
 * What makes a new root of `call`, a `context.Background()`, as written up to its paren: a
 * constructor it is the parent of (`context.WithTimeout(…)`), directly, through a call that makes a
 * context of it first, or two (`context.WithTimeout(common.WithLogger(context.Background(), l),
 * time.Minute)`), or through a local that call's result is kept in (`detached :=
 * trace.ContextWithSpan(context.Background(), span)`, then `context.WithCancelCause(detached)`:
 * spicedb's branch contexts, disconnected from the parent on purpose); or a trace span started on
 * it and linked back to the parent's (`tracer.Start(context.Background(), name,
 * trace.WithLinks(trace.LinkFromContext(ctx)))`: openfga's cache invalidation, detached from the
 * request that triggers it).
 */
export function newRoot(call: Node, pkg: string): string | undefined {
  let parent: Node = call;
  for (let depth = 0; depth < 3; depth++) {
    const list = parent.parent;
    const outer = list?.type === 'argument_list' && same(list.namedChildren[0], parent) ? list.parent : undefined;
    const ctor = outer?.childForFieldName('function')?.text;
    if (!outer || !ctor) break;
    // Or a group's context (`g, gctx := errgroup.WithContext(context.Background())`, its workers
    // stopped by the function itself once ctx is done: dcrd's mixing client finished its mixes),
    // or one ended by a signal (`signal.NotifyContext(context.Background(), os.Interrupt)`: ziti's
    // quickstart, which waits for Ctrl-C, not its caller).
    if (new RegExp(`^${pkg}\\.With\\w+$`).test(ctor) || /^\w+\.(WithContext|NotifyContext)$/.test(ctor)) return `${ctor}()`;
    if (/\b(LinkFromContext|WithLinks)\(/.test(outer.childForFieldName('arguments')?.text ?? '')) return `${ctor}(), a span linked back to the parent's`;
    parent = outer;
  }
  // Returned as a new context by a function that makes one (`return docker.WithScope(context.Background(),
  // scope)` in a func(…) context.Context: soci's auth retries, meant to start afresh).
  const fn = enclosingFunction(call);
  const returned = parent.parent?.type === 'return_statement' || (parent.parent?.type === 'expression_list' && parent.parent.parent?.type === 'return_statement');
  if (returned && fn && /\bContext\b/.test(fn.childForFieldName('result')?.text ?? '')) return `the context ${fn.childForFieldName('name')?.text ?? 'the function literal'}() returns`;
  if (same(parent, call)) return undefined;
  // Kept in a local first (`detached := f(context.Background(), …)`), then made a context of.
  const holder = parent.parent?.type === 'expression_list' ? parent.parent.parent : parent.parent;
  const kept = holder?.type === 'short_var_declaration' || holder?.type === 'assignment_statement' ? holder.childForFieldName('left')?.namedChildren[0]?.text : undefined;
  const made = kept && fn ? new RegExp(`(?<![\\w.])${pkg}\\.With\\w+(?=\\(\\s*${kept}\\b)`).exec(fn.text.slice(holder!.endIndex - fn.startIndex)) : null;
  return made ? `${made[0]}()` : undefined;
}
