import { nameWords } from '../../src/go/name-words.js';
import { declarationOf } from '../../src/go/scope.js';
import { contains, enclosingFunction, type Node } from '../../src/go/syntax.js';
import { SIGNAL_CHANNEL } from './skipped-work.js';
import { ticksFromCall } from './tick-range.js';

// A range over a channel a call gives, whatever package declares it: a subscription
// (`id, ch := c.recorder.SubscribeToStateChanges()`, then `for range ch { listener.OnStateChanged() }`:
// netbird's Android state listener), `ch := w.Watch(…)`, `ch := x.Events()`. The goroutine is its
// only reader in the function, for as long as the subscription lives: recovered, a panic in one
// callback would leave the subscription open with nothing taking from it, its sender blocked (or
// its ticks dropped) and the UI stuck on stale state where the process used to crash.

/** Words of a local's name that say it is a channel (`ch`, `eventsChan`, `sub_channel`). */
const CHANNEL_NAME = /^(ch|chan|channel)$/i;
/** Words of a call's name that say it gives a channel (`SubscribeToStateChanges`, `Watch`, `Notifications`). */
const CHANNEL_CALL = /^(subscribe|subscription|watch|listen|notify|notifications|chan|channel)$/i;

/**
 * The range's channel as the reason names it, e.g. `ch (which c.recorder.SubscribeToStateChanges()
 * gives, a channel from a call the goroutine alone reads in this function)`. Only a local given by
 * a call (not a `make`): declared outside the goroutine, named for a channel or given by a call
 * named for a subscription; or subscribed to in the goroutine itself (`w := e.client.Watch(…)`,
 * or `var w clientv3.WatchChan` set in each branch: koanf's etcd provider), by calls named for a
 * subscription. Not a done channel or ticks, and not read elsewhere in the function.
 */
export function subscribedChannelRanged(clause: Node, body: Node): string | undefined {
  const over = clause.childForFieldName('right');
  if (over?.type !== 'identifier' || SIGNAL_CHANNEL.test(over.text) || (clause.childForFieldName('left')?.namedChildCount ?? 0) > 1) return undefined;
  const found = declarationOf(over.text, clause);
  if (!found || !('local' in found)) return undefined;
  const decl = found.local.decl;
  const inside = contains(body, decl);
  const calls = inside || found.local.value ? givenBy(decl) : setInside(over.text, decl, body);
  if (!calls?.length || calls.some((call) => !callGivesChannel(call))) return undefined;
  const callee = calls[0].childForFieldName('function')!;
  const named = nameWords(over.text).some((w) => CHANNEL_NAME.test(w));
  const subscribed = calls.every((call) => nameWords(call.childForFieldName('function')!.text.split('.').pop()!).some((w) => CHANNEL_CALL.test(w)));
  if (!subscribed && (!named || inside || !found.local.value)) return undefined;
  // The goroutine is its only reader in the function that got it.
  const fn = enclosingFunction(decl);
  if (fn && readElsewhere(over.text, fn, body)) return undefined;
  const args = calls[0].childForFieldName('arguments')?.namedChildCount ? '(…)' : '()';
  const where = inside || !found.local.value ? 'a channel the goroutine subscribes to and alone reads' : 'a channel from a call the goroutine alone reads in this function';
  return `${over.text} (which ${callee.text}${args} gives, ${where})`;
}

/** The one call a short variable declaration gives its names (`id, ch := rec.Subscribe()`). */
function givenBy(decl: Node): Node[] | undefined {
  if (decl.type !== 'short_var_declaration') return undefined;
  const values = decl.childForFieldName('right')?.namedChildren ?? [];
  return values.length === 1 && values[0].type === 'call_expression' ? [values[0]] : undefined;
}

/**
 * The calls that set `name`, declared without a value outside the goroutine (`var w T`), in the
 * goroutine's body (`w = e.client.Watch(…)` in each branch): every assignment to it there, each
 * of one call. Undefined when it is set some other way or outside the goroutine.
 */
function setInside(name: string, decl: Node, body: Node): Node[] | undefined {
  const fn = enclosingFunction(decl);
  if (!fn) return undefined;
  const calls: Node[] = [];
  for (const a of fn.descendantsOfType('assignment_statement')) {
    const left = a.childForFieldName('left')?.namedChildren ?? [];
    if (!left.some((l) => l.text === name)) continue;
    const values = a.childForFieldName('right')?.namedChildren ?? [];
    if (!contains(body, a) || left.length !== 1 || values.length !== 1 || values[0].type !== 'call_expression') return undefined;
    calls.push(values[0]);
  }
  return calls;
}

/** A call that may give a channel: a plain function or method (`w.Watch`), not `make`, `time.*` or ticks. */
function callGivesChannel(call: Node): boolean {
  const callee = call.childForFieldName('function');
  return !!callee && /^[\w.]+$/.test(callee.text) && !/^(make|time\.\w+)$/.test(callee.text) && !ticksFromCall(call.text);
}

/** Whether the function receives from `name` or ranges over it outside the goroutine's body. */
function readElsewhere(name: string, fn: Node, body: Node): boolean {
  const receives = fn.descendantsOfType('unary_expression').some((u) => u.childForFieldName('operator')?.text === '<-' && u.childForFieldName('operand')?.text === name && !contains(body, u));
  return receives || fn.descendantsOfType('range_clause').some((r) => r.childForFieldName('right')?.text === name && !contains(body, r));
}
