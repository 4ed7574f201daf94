import type { FileContext } from '../../src/engine/types.js';
import { importName, importSpecs, isStandard } from '../../src/go/imports.js';
import { declarationOf, selectedField } from '../../src/go/scope.js';
import { contains, type Node } from '../../src/go/syntax.js';
import { packageChannelRanged } from './package-channel.js';
import { fieldAliasRanged } from './field-alias-channel.js';
import { subscribedChannelRanged } from './subscribed-channel.js';
import { watchedChannelRanged } from './watched-channel.js';
import { SIGNAL_CHANNEL } from './skipped-work.js';

// A range over a value whose type another package declares: with one variable, not named as an
// index, it may be a channel the goroutine consumes.

/** Names a range's one variable takes over a slice's or an array's indexes. */
const INDEX = /^(_|i|j|k|n|ix|idx|index|pos)$/;

/**
 * A range with at most one variable (not named for an index) over what a package from outside the
 * standard library gives (`handleDelivery, msgs, err := nramqp.Consume(…)`, then `for d := range
 * msgs`: go-agent's amqp consumer), or over a field of one of its types (`for line := range
 * p.cmd.Stdout`, `cmd *cmd.Cmd`: okteto's supervisor, whose child blocked writing once its reader
 * was gone). How, for the reason, e.g. `msgs (which nramqp.Consume(…) gives, of a type …)`.
 */
export function rangedOfUnknownType(clause: Node, body: Node, ctx: FileContext, channelKnown = false): string | undefined {
  // A channel the package declares a method returns, named like a ticker's (`C() <-chan struct{}`), may still be a watch's.
  if (channelKnown) return SIGNAL_CHANNEL.test(clause.childForFieldName('right')?.text.replace(/\(\)$/, '') ?? '') ? watchedChannelRanged(clause, body, ctx) : undefined;
  const shared = packageChannelRanged(clause, body, ctx) ?? fieldAliasRanged(clause, body, ctx) ?? subscribedChannelRanged(clause, body) ?? watchedChannelRanged(clause, body, ctx);
  if (shared) return shared;
  const vars = clause.childForFieldName('left')?.namedChildren ?? [];
  const over = clause.childForFieldName('right');
  if (!over || vars.length > 1 || (vars[0] && INDEX.test(vars[0].text))) return undefined;
  const given = over.type === 'identifier' ? otherPackagesValue(over.text, clause, body, ctx) : undefined;
  if (given) return `${over.text} (which ${given} gives, of a type this package does not show: a channel, ranged with one variable)`;
  const owner = over.type === 'selector_expression' ? over.childForFieldName('operand') : undefined;
  const type = owner ? typeOf(owner) : undefined;
  const pkg = type ? /^\*?(\w+)\.\w+$/.exec(type.replace(/\s/g, ''))?.[1] : undefined;
  if (pkg && outsideStandardLibrary(pkg, ctx)) return `${over.text} (a field of ${type}, a type this package does not show: a channel, ranged with one variable)`;
  // Or a field of a local another package's function gives (`client := socketmode.New(api)`, then
  // `for evt := range client.Events`: slack-go's socket-mode bots, their Run blocked sending for good).
  const made = owner?.type === 'identifier' ? otherPackagesValue(owner.text, clause, body, ctx) : undefined;
  if (made) return `${over.text} (a field of what ${made} gives, a type this package does not show: a channel, ranged with one variable)`;
  // Or what a method of such a value returns (`for err := range producer.Errors()`, the producer
  // from `sarama.NewAsyncProducer(…)`: its errors must be read, or it stops taking input).
  const method = over.type === 'call_expression' && over.childForFieldName('arguments')?.namedChildCount === 0 ? over.childForFieldName('function') : undefined;
  const receiver = method?.type === 'selector_expression' ? method.childForFieldName('operand') : undefined;
  const receiverType = receiver ? typeOf(receiver) : undefined;
  const receiverPkg = receiverType ? /^\*?(\w+)\.\w+$/.exec(receiverType.replace(/\s/g, ''))?.[1] : undefined;
  const maker = receiver?.type === 'identifier' ? otherPackagesValue(receiver.text, clause, body, ctx) : undefined;
  if (maker || (receiverPkg && outsideStandardLibrary(receiverPkg, ctx))) return `${over.text} (returned by a method of ${maker ? `the value ${maker} gives` : receiverType}, of a type this package does not show: a channel, ranged with one variable)`;
  return undefined;

  function typeOf(node: Node): string | undefined {
    if (node.type === 'selector_expression') return selectedField(node, ctx.packageIndex())?.typeNode.text;
    const found = node.type === 'identifier' ? declarationOf(node.text, clause) : undefined;
    return found && 'param' in found ? found.param.typeNode.text : found?.local.typeNode?.text;
  }
}

/** An imported package's name, imported from outside the standard library. */
function outsideStandardLibrary(pkg: string, ctx: FileContext): boolean {
  const spec = importSpecs(ctx.tree).find((s) => (s.alias ?? importName(s.path)) === pkg);
  return !!spec && !isStandard(spec.path);
}

/**
 * A local declared outside the goroutine by a call of a package imported from outside the standard
 * library (`handleDelivery, msgs, err := nramqp.Consume(…)`): the call as `nramqp.Consume(…)`.
 */
function otherPackagesValue(name: string, at: Node, body: Node, ctx: FileContext): string | undefined {
  const found = declarationOf(name, at);
  if (!found || !('local' in found) || contains(body, found.local.decl) || found.local.decl.type !== 'short_var_declaration') return undefined;
  const values = found.local.decl.childForFieldName('right')?.namedChildren ?? [];
  const callee = values.length === 1 && values[0].type === 'call_expression' ? values[0].childForFieldName('function') : undefined;
  const pkg = callee?.type === 'selector_expression' ? callee.childForFieldName('operand') : undefined;
  if (pkg?.type !== 'identifier' || declarationOf(pkg.text, at)) return undefined;
  return outsideStandardLibrary(pkg.text, ctx) ? `${callee!.text}(…)` : undefined;
}
