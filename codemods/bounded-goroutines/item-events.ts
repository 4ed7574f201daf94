import { receiverOf } from '../../src/go/declarations.js';
import type { PackageIndex } from '../../src/go/package-index.js';
import { declarationOf } from '../../src/go/scope.js';
import { contains, rootName, same, unparen, type Node } from '../../src/go/syntax.js';
import type { Spawn } from './detect.js';

/**
 * A wait of the goroutine, as a statement of its own, for an event its item gives:
 * `<-t.GotInfo()`, `<-job.done`, `res := <-req.reply`, where the channel comes from the range
 * variable or from a value the loop makes for the item (`t, _ := cl.AddMagnet(arg)`), directly
 * or handed to the literal as an argument. Its producer signals it when it sees fit, perhaps
 * never (a magnet no peer has the metadata of): bounded, items still waiting would hold the
 * slots, and later items whose events came would never start. The receive as written.
 */
export function waitsForItemEvent(spawn: Spawn, literal: Node | undefined, index: PackageIndex): string | undefined {
  if (literal?.type !== 'func_literal') return undefined;
  const body = literal.childForFieldName('body')!;
  const requested = requestToItemWorker(body, literal, (root, at) => perItem(root, at, spawn, literal)) ?? requestInItemMethod(body, literal, spawn, index);
  if (requested) return requested;
  for (const recv of body.descendantsOfType('unary_expression')) {
    if (recv.childForFieldName('operator')?.text !== '<-' || !standsAlone(recv) || !ownCode(recv, literal)) continue;
    const operand = unparen(recv.childForFieldName('operand')!);
    if (/^time\.(After|Tick)\(|\.C$|(^|\.)(ctx|[cC]ontext\(\))\.Done\(\)$/.test(operand.text)) continue;
    const root = rootName(operand);
    if (root && perItem(root, recv, spawn, literal)) return recv.text;
  }
  // Or a call named for waiting, given the item (`err := aso.waitForAck(p)`: fabric's gossip
  // acks, each subscribed for before the loop with a timeout; bounded, the later peers were sent
  // to only once it had run out, and their acks, come too late, were dropped).
  for (const call of body.descendantsOfType('call_expression')) {
    const callee = unparen(call.childForFieldName('function')!);
    const name = callee.type === 'selector_expression' ? callee.childForFieldName('field')!.text : callee.text;
    if (!WAITS_FOR.test(name) || !ownCode(call, literal)) continue;
    const args = call.childForFieldName('arguments')?.namedChildren ?? [];
    const given = args.map((a) => rootName(unparen(a))).find((root) => root && perItem(root, call, spawn, literal));
    if (given) return call.text;
  }
  return undefined;
}

/**
 * A request handed to the item's own worker, its answer then awaited: a send on a channel field
 * of the item of a channel made here (`cont.onDemandChan <- finished`), received from after it
 * (`case <-finished:`). That worker runs apart for each item already (cadvisor's container
 * housekeeping, one goroutine per container): bounded, only the waits would take turns, the
 * last item answered many times later. The answer's wait and the send, as written.
 */
function requestToItemWorker(body: Node, scope: Node, isItem: (root: Node, at: Node) => boolean): string | undefined {
  for (const send of body.descendantsOfType('send_statement')) {
    const chan = unparen(send.childForFieldName('channel')!);
    const value = unparen(send.childForFieldName('value')!);
    const root = chan.type === 'selector_expression' ? rootName(chan) : undefined;
    if (!root || value.type !== 'identifier' || !ownCode(send, scope) || !isItem(root, send)) continue;
    const made = declarationOf(value.text, send);
    if (!made || !('local' in made) || !contains(body, made.local.decl) || !/^make\(\s*chan\b[^,]*\)$/.test(made.local.value?.text ?? '')) continue;
    const answer = body.descendantsOfType('unary_expression').find((u) => u.startIndex > send.endIndex && u.childForFieldName('operator')?.text === '<-' && u.childForFieldName('operand')?.text === value.text);
    if (answer) return `${answer.text}, the answer to ${send.text}, a request to the item's own worker`;
  }
  return undefined;
}

/** The same in a method of the package called on the item (`cont.OnDemandHousekeeping()`), its receiver standing for the item. */
function requestInItemMethod(body: Node, literal: Node, spawn: Spawn, index: PackageIndex): string | undefined {
  for (const call of body.descendantsOfType('call_expression')) {
    const callee = unparen(call.childForFieldName('function')!);
    const operand = callee.type === 'selector_expression' ? unparen(callee.childForFieldName('operand')!) : undefined;
    if (operand?.type !== 'identifier' || !ownCode(call, literal) || !perItem(operand, call, spawn, literal)) continue;
    for (const decl of index.functionsNamed(callee.childForFieldName('field')!.text, true)) {
      const recv = receiverOf(decl)?.name;
      const own = decl.childForFieldName('body');
      const found = recv && own ? requestToItemWorker(own, decl, (root) => root.text === recv) : undefined;
      if (found) return `${found}, in ${call.text}`;
    }
  }
  return undefined;
}

/** A function named for waiting on something to happen: `waitForAck`, `WaitForReply`. */
const WAITS_FOR = /^[wW]aitFor[A-Z]\w*$/;

/** `<-ch` as a statement, or the whole right side of `v := <-ch` / `v, ok = <-ch`. */
function standsAlone(recv: Node): boolean {
  const p = recv.parent;
  if (p?.type === 'expression_statement') return true;
  return p?.type === 'expression_list' && p.namedChildCount === 1 && (p.parent?.type === 'short_var_declaration' || p.parent?.type === 'assignment_statement') && same(p.parent.childForFieldName('right'), p);
}

/** In the literal's own code: not in a function literal or goroutine inside it. */
function ownCode(node: Node, literal: Node): boolean {
  for (let p = node.parent; p && !same(p, literal); p = p.parent) if (p.type === 'func_literal') return false;
  return true;
}

/**
 * Whether a name is the item's own: declared by the loop (its range variables, or in its body)
 * outside the literal, or a parameter of the literal that the go statement hands such a name.
 */
function perItem(name: Node, at: Node, spawn: Spawn, literal: Node): boolean {
  const found = declarationOf(name.text, at);
  if (!found) return false;
  if ('local' in found) return contains(spawn.loop, found.local.decl) && !contains(literal, found.local.decl);
  if (!same(found.param.fn, literal)) return false;
  const call = literal.parent?.type === 'call_expression' ? literal.parent : undefined;
  const params = literal.childForFieldName('parameters')?.namedChildren ?? [];
  const position = params.findIndex((p) => p.childrenForFieldName('name').some((n) => n.text === name.text));
  const arg = position >= 0 && params.every((p) => p.childrenForFieldName('name').length <= 1) ? call?.childForFieldName('arguments')?.namedChildren[position] : undefined;
  const argRoot = arg ? rootName(unparen(arg)) : undefined;
  return !!argRoot && perItem(argRoot, literal, spawn, literal);
}
