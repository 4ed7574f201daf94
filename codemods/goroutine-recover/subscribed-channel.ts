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
 * gives, a channel from a call the goroutine alone reads in this function)`. Only a local declared,
 * outside the goroutine, by a call (not a `make`) and named for a channel or given by a call named
 * for a subscription; not a done channel or ticks; and not read elsewhere in the function.
 */
export function subscribedChannelRanged(clause: Node, body: Node): string | undefined {
  const over = clause.childForFieldName('right');
  if (over?.type !== 'identifier' || SIGNAL_CHANNEL.test(over.text) || (clause.childForFieldName('left')?.namedChildCount ?? 0) > 1) return undefined;
  const found = declarationOf(over.text, clause);
  if (!found || !('local' in found) || contains(body, found.local.decl) || found.local.decl.type !== 'short_var_declaration') return undefined;
  const values = found.local.decl.childForFieldName('right')?.namedChildren ?? [];
  const call = values.length === 1 && values[0].type === 'call_expression' ? values[0] : undefined;
  const callee = call?.childForFieldName('function');
  if (!call || !callee || !/^[\w.]+$/.test(callee.text) || /^(make|time\.\w+)$/.test(callee.text) || ticksFromCall(call.text)) return undefined;
  const named = nameWords(over.text).some((w) => CHANNEL_NAME.test(w));
  const subscribed = nameWords(callee.text.split('.').pop()!).some((w) => CHANNEL_CALL.test(w));
  if (!named && !subscribed) return undefined;
  // The goroutine is its only reader in the function that got it.
  const fn = enclosingFunction(found.local.decl);
  if (fn && readElsewhere(over.text, fn, body)) return undefined;
  const args = call.childForFieldName('arguments')?.namedChildCount ? '(…)' : '()';
  return `${over.text} (which ${callee.text}${args} gives, a channel from a call the goroutine alone reads in this function)`;
}

/** Whether the function receives from `name` or ranges over it outside the goroutine's body. */
function readElsewhere(name: string, fn: Node, body: Node): boolean {
  const receives = fn.descendantsOfType('unary_expression').some((u) => u.childForFieldName('operator')?.text === '<-' && u.childForFieldName('operand')?.text === name && !contains(body, u));
  return receives || fn.descendantsOfType('range_clause').some((r) => r.childForFieldName('right')?.text === name && !contains(body, r));
}
