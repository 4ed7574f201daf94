import type { FileContext } from '../../src/engine/types.js';
import { importName, importSpecs, isStandard } from '../../src/go/imports.js';
import { nameWords } from '../../src/go/name-words.js';
import { declarationOf } from '../../src/go/scope.js';
import { contains, enclosingFunction, statementsOf, type Node } from '../../src/go/syntax.js';

// A goroutine whose whole work is a range over the channel a watch or subscription's method gives
// (`for range watch.C() { watcher.SetRuntimeOptions(watch.Get().(Options)) }`, `watch` of another
// package's type: m3's runtime options manager and its KV watches). The goroutine is what takes
// the updates for as long as the process lives: recovered, a panic in one update would end the
// loop for good, and every later update would be lost silently where the process used to crash.

/** Words of a method's name that say it gives a watch's channel (`C`, `Events`, `Updates`, `WatchChan`). */
const WATCH_METHOD = /^(c|ch|chan|channel|events?|updates?|changes?|watch|notify|notifications?|subscribe|subscription)$/i;

/** Names a range's one variable takes over a slice's indexes. */
const INDEX = /^(_|i|j|k|n|ix|idx|index|pos)$/;

/**
 * The range's channel as the reason names it, e.g. `watch.C() (a channel watch's method gives,
 * watch a kv.ValueWatch, a type another package declares: a watch or subscription, and the loop
 * over it the goroutine's whole work)`.
 * Only a range with at most one variable (not named for an index), a statement of the goroutine's
 * own body, over `x.M()`: no arguments, M named for a channel or its events, x a parameter or a
 * local declared outside the goroutine, of another package's type (or given by a call), and the
 * function reading `x.M()` nowhere after starting the goroutine.
 */
export function watchedChannelRanged(clause: Node, body: Node, ctx: FileContext): string | undefined {
  const loop = clause.parent;
  const vars = clause.childForFieldName('left')?.namedChildren ?? [];
  const over = clause.childForFieldName('right');
  if (!loop || !statementsOf(body).some((st) => st.id === loop.id) || vars.length > 1 || (vars[0] && INDEX.test(vars[0].text))) return undefined;
  const callee = over?.type === 'call_expression' && over.childForFieldName('arguments')?.namedChildCount === 0 ? over.childForFieldName('function') : undefined;
  const owner = callee?.type === 'selector_expression' ? callee.childForFieldName('operand') : undefined;
  const method = callee?.childForFieldName('field')?.text;
  if (owner?.type !== 'identifier' || !method || !nameWords(method).some((w) => WATCH_METHOD.test(w))) return undefined;
  const found = declarationOf(owner.text, clause);
  if (!found || ('local' in found && contains(body, found.local.decl))) return undefined;
  const typeNode = 'param' in found ? found.param.typeNode : found.local.typeNode;
  let given: string | undefined;
  if (typeNode) {
    const pkg = /^\*?(\w+)\.\w+$/.exec(typeNode.text.replace(/\s/g, ''))?.[1];
    // Or a type of the package whose method M, declared here, returns a channel.
    const own = !pkg && /^\*?\w+$/.test(typeNode.text) && ctx.packageIndex().anyTextMatches(new RegExp(`\\b${method}\\s*\\(\\s*\\)\\s*(<-\\s*)?chan\\b`));
    if (!own && (!pkg || !outsideStandardLibrary(pkg, ctx))) return undefined;
    given = own ? `a ${typeNode.text}, whose ${method}() the package declares a channel` : `a ${typeNode.text}, a type another package declares`;
  } else {
    // A local a call gives (`_, watch, _ := w.watchable.Watch()`), its type not shown here.
    const values = 'local' in found ? found.local.decl.childForFieldName('right')?.namedChildren ?? [] : [];
    const call = values.length === 1 && values[0].type === 'call_expression' ? values[0].childForFieldName('function') : undefined;
    if (!call || /^(make|new)$/.test(call.text) || !/^[\w.]+$/.test(call.text)) return undefined;
    given = `given by ${call.text}(…)`;
  }
  // Read by the function itself once the goroutine runs: the goroutine is not its only reader.
  const fn = 'param' in found ? found.param.fn : enclosingFunction(found.local.decl);
  const started = body.parent?.parent;
  const readAfter = fn?.descendantsOfType('call_expression').some((c) => c.text === over!.text && !contains(body, c) && !!started && c.startIndex > started.endIndex);
  if (readAfter) return undefined;
  return `${over!.text} (a channel ${owner.text}'s method gives, ${owner.text} ${given}: a watch or subscription, and the loop over it the goroutine's whole work)`;
}

/** An imported package's name, imported from outside the standard library. */
function outsideStandardLibrary(pkg: string, ctx: FileContext): boolean {
  const spec = importSpecs(ctx.tree).find((s) => (s.alias ?? importName(s.path)) === pkg);
  return !!spec && !isStandard(spec.path);
}
