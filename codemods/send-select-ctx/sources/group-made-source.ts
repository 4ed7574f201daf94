import type { FileContext } from '../../../src/engine/types.js';
import type { CancellationSource } from '../../../src/go/cancellation.js';
import { declarationOf, positionalParams } from '../../../src/go/scope.js';
import { contains, enclosingFunction, firstLine, unparen, type Node } from '../../../src/go/syntax.js';
import { derivedFrom } from './derived-contexts.js';

/**
 * The send's source is the context an errgroup made (`eg, ctx := errgroup.WithContext(ctx)`, the
 * send in one of its goroutines), or a parameter a function of the package is handed it in
 * (taproot-assets' universe syncer: `eg.Go(func() error { return s.syncRoot(ctx, r, syncDiffs) })`),
 * while no select of the function making the group waits on that context beside a receive: the
 * context ends once a sibling fails, not when the reader stops reading, and a select on it would
 * drop the value of work already done (a root's diff, its leaves written). The reason, or undefined.
 */
export function groupMadeSourceReason(send: Node, source: CancellationSource, ctx: FileContext): string | undefined {
  if (!source.isContext) return undefined;
  const found = declarationOf(source.expr, send);
  let made = found && 'local' in found ? groupContext(found.local.decl, source.expr) : undefined;
  let via: Node | undefined;
  const fn = found && 'param' in found ? found.param.fn : undefined;
  const name = fn && /^(function|method)_declaration$/.test(fn.type) ? fn.childForFieldName('name')?.text : undefined;
  if (name && fn) {
    const at = positionalParams(fn).indexOf(source.expr);
    for (const call of ctx.packageIndex().callsNamed(name)) {
      const arg = call.childForFieldName('arguments')?.namedChildren[at];
      const given = arg && unparen(arg).type === 'identifier' ? declarationOf(unparen(arg).text, call) : undefined;
      made = given && 'local' in given ? groupContext(given.local.decl, unparen(arg!).text) : undefined;
      if (made) {
        via = call;
        break;
      }
    }
  }
  if (!made) return undefined;
  const maker = enclosingFunction(made.decl);
  const contexts = maker ? [made.name, ...derivedFrom(made.name, maker)] : [made.name];
  // The reader stops with the group's context: a select there receives beside `<-gctx.Done()`.
  const readerStops = maker?.descendantsOfType('select_statement').some((s) => !contains(s, send) && s.descendantsOfType('communication_case').some((c) => contexts.some((x) => c.childForFieldName('communication')?.text.replace(/\s/g, '') === `<-${x}.Done()`)));
  if (readerStops) return undefined;
  const makerName = maker?.childForFieldName('name')?.text;
  const inMaker = makerName ? ` in ${makerName}()` : '';
  const where = via ? `, handed to ${name}() by ${firstLine(via.text)}` : '';
  return `${source.expr} is the context of an errgroup (${firstLine(made.decl.text)}${inMaker}${where}): it ends as soon as a sibling fails, not when the reader of ${send.childForFieldName('channel')!.text} stops reading (no select${inMaker} waits on it), so a send giving up once it is done would drop the value of work already done`;
}

/** The group's context a statement `eg, gctx := errgroup.WithContext(ctx)` declares, when it is `name`. */
function groupContext(decl: Node, name: string): { decl: Node; name: string } | undefined {
  const stmt = decl.type === 'short_var_declaration' || decl.type === 'assignment_statement' ? decl : decl.parent;
  const right = stmt?.childForFieldName('right')?.namedChildren[0];
  const left = stmt?.childForFieldName('left')?.namedChildren.map((n) => n.text) ?? [];
  if (!stmt || !right || !/^errgroup\.WithContext\(/.test(right.text) || left[1] !== name) return undefined;
  return { decl: stmt, name };
}
