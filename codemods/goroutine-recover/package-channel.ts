import type { FileContext } from '../../src/engine/types.js';
import { declarationOf } from '../../src/go/scope.js';
import { ancestors, contains, type Node } from '../../src/go/syntax.js';

// A range over a package-level channel (`for m := range queue`, `queue := Queue`, with
// `Queue chan *Message` declared in a var block) that functions of the package send on with a plain
// send (`func SendMail(m *Message) { Queue <- m }`: vikunja's mail daemon). The goroutine is its
// only reader: recovered, a panic would leave every later send blocked once the buffer fills.

/**
 * The range's channel as the reason names it, e.g. `queue (Queue, a package-level channel
 * SendMail sends on: Queue <- m)`.
 */
export function packageChannelRanged(clause: Node, body: Node, ctx: FileContext): string | undefined {
  const over = clause.childForFieldName('right');
  if (over?.type !== 'identifier') return undefined;
  const found = declarationOf(over.text, clause);
  let shared = over.text;
  if (found) {
    // A local alias of one, made outside the goroutine (`queue := Queue`).
    if (!('local' in found) || contains(body, found.local.decl) || found.local.decl.type !== 'short_var_declaration') return undefined;
    const values = found.local.decl.childForFieldName('right')?.namedChildren ?? [];
    if (values.length !== 1 || values[0].type !== 'identifier' || declarationOf(values[0].text, found.local.decl)) return undefined;
    shared = values[0].text;
  }
  const index = ctx.packageIndex();
  // Declared at the package's top level, alone or in a var block, as a channel.
  if (!index.anyTextMatches(new RegExp(`^(var\\s+|\\t)${shared}\\s+(<-\\s*)?chan\\b|^var\\s+${shared}\\s*=\\s*make\\(\\s*chan\\b`, 'm'))) return undefined;
  // A plain send of a function of the package, a statement of its own (not a select's case).
  const sends = index.nodesMatching(new RegExp(`^[ \\t]*${shared}\\s*<-`, 'gm'), (m) => m[0].length - m[0].trimStart().length);
  for (const send of sends) {
    const statement = [send, ...ancestors(send)].find((a) => a.type === 'send_statement');
    const fn = ancestors(send).find((a) => a.type === 'function_declaration' || a.type === 'method_declaration');
    if (!statement || !fn || statement.parent?.type === 'communication_case') continue;
    const named = fn.childForFieldName('name')!.text;
    return `${over.text} (${over.text === shared ? '' : `${shared}, `}a package-level channel ${named} sends on: ${statement.text})`;
  }
  return undefined;
}
