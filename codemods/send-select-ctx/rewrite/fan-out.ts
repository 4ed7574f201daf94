import { regexEscaped } from '../../../src/go/find-by-text.js';
import { ancestors, FUNCTION_TYPES, unparen, type Node } from '../../../src/go/syntax.js';
import { continueUnsafe } from './fan-out-continue.js';

export type FanOut = { loop: Node; over: Node; header: string; line: number; chan: string };

/**
 * A fan-out: the send is on each channel of a slice or map in turn, the loop's range value
 * (`for _, out := range outs { out <- result }`) or its element (`outs[i] <- result`). The fix's
 * return would leave the loop at the first receiver that waits, and every channel after it would
 * never get the value, those with room (a send that could not block) too: go-systemd's
 * jobComplete, whose later listeners of a job lost its result. The loop's header, and its line.
 */
export function fanOutLoop(send: Node): FanOut | undefined {
  const chan = unparen(send.childForFieldName('channel')!);
  for (const a of ancestors(send)) {
    if (FUNCTION_TYPES.has(a.type)) break;
    const clause = a.type === 'for_statement' ? a.namedChildren.find((c) => c.type === 'range_clause') : undefined;
    const names = clause?.childForFieldName('left')?.namedChildren ?? [];
    const over = clause?.childForFieldName('right');
    if (names.length === 0 || !over) continue;
    // The value of two names: a slice's or a map's (a channel ranged over gives one).
    // Or a channel field of that value (`for _, cs := range cc.clusterSources { cs.ch <- e }`:
    // cluster-api's cluster cache, each controller's source in turn).
    const held = chan.type === 'selector_expression' ? unparen(chan.childForFieldName('operand')!) : chan;
    const value = held.type === 'identifier' && names.length === 2 && names[1].text === held.text;
    const element = chan.type === 'index_expression' && chan.childForFieldName('operand')?.text === over.text && chan.childForFieldName('index')?.text === names[0].text && names[0].text !== '_';
    if (!value && !element) continue;
    if (madeWithRoom(over, send)) return undefined;
    const header = a.text.slice(0, clause!.endIndex - a.startIndex);
    return { loop: a, over, header, line: a.startPosition.row + 1, chan: chan.text };
  }
  return undefined;
}

/**
 * The collection is a local of the function (or of the one around its literal) whose every
 * channel is made there with room and stored in it (\`ch := make(chan int64, 1)\`, \`chans[i] = ch\`:
 * etcd's robustness watch, one send to each): the sends go at once, and the return is never reached.
 */
function madeWithRoom(over: Node, send: Node): boolean {
  if (over.type !== 'identifier') return false;
  const fn = ancestors(send).filter((a) => a.type === 'function_declaration' || a.type === 'method_declaration')[0];
  const text = fn?.childForFieldName('body')?.text ?? '';
  const name = regexEscaped(over.text);
  if (!new RegExp(`(^|[^\\w.])${name}\\s*:=\\s*make\\(|\\bvar\\s+${name}\\b`).test(text)) return false;
  const stored = [...text.matchAll(new RegExp(`(?<![\\w.])${name}\\[[^\\]]*\\]\\s*=\\s*([^\\n;]+)|(?<![\\w.])${name}\\s*=\\s*append\\(${name},\\s*([^\\n;]+)\\)`, 'g'))].map((m) => (m[1] ?? m[2]).trim());
  const buffered = (v: string) => /^make\(chan\b.*,\s*(?!0\s*\)$)[^,]+\)$/.test(v);
  const made = (v: string) => buffered(v) || (/^\w+$/.test(v) && [...text.matchAll(new RegExp(`(?<![\\w.])${v}\\s*:=\\s*([^\\n;]+)`, 'g'))].every((m) => m[1].startsWith('range ') || buffered(m[1].trim())) && new RegExp(`(?<![\\w.])${v}\\s*:=`).test(text));
  return stored.length > 0 && stored.every(made);
}

/**
 * Why a fan-out's send keeps blocking, if it is one the fix cannot serve with a \`continue\`
 * (fan-out-continue.ts): that fix skips only the channel that waits once the source is done.
 */
export function fanOutReason(send: Node, fn: Node, expr: string): string | undefined {
  const loop = fanOutLoop(send);
  if (!loop) return undefined;
  const unsafe = continueUnsafe(send, fn, loop);
  if (!unsafe) return undefined;
  return `the send is on ${loop.chan}, each channel of the loop in turn (${loop.header}, line ${loop.line}): a return once ${expr} is done would leave the loop at the first receiver that waits, and every channel after it, those with room too, would never get the value; a continue instead ${unsafe}`;
}

/**
 * The fix of this fan-out's send ends its done case with a `continue` (asked once fanOutReason
 * found nothing against it): it leaves nothing out but that channel's send, and the checks of what
 * a new return would skip (a release or a close after the send, a cancel left uncalled, a handler's
 * answer) have nothing to find.
 */
export function continuesLoop(send: Node): boolean {
  return fanOutLoop(send) !== undefined;
}
