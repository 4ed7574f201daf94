import type { FileContext } from '../../src/engine/types.js';
import { calledName } from '../../src/go/called-functions.js';
import { loopShape } from '../../src/go/loops.js';
import { ancestors, contains, statementsOf, type Node } from '../../src/go/syntax.js';
import type { Spawn } from './detect.js';

/** The select case of the loops the go statement is in (`case <-ticker.C`), if it is in one. */
export function eventCase(spawn: Spawn): string | undefined {
  for (const a of ancestors(spawn.go)) {
    if (a.id === spawn.loop.id) break;
    if (a.type === 'communication_case') return `case ${a.childForFieldName('communication')?.text ?? ''}`;
  }
  return receivedAtTop(spawn.loops[0]);
}

/**
 * A receive with its ok standing as a statement of an endless loop's own body, whose close the loop
 * answers (`for { i, more := <-f.indexChan; if !more { f.doneChan <- true; return }; … }`): whoever
 * closes the channel waits for that answer, and a loop waiting for a free slot would keep it
 * waiting on the goroutines (knative's filter optimiser, whose Cleanup waits for it). As written.
 */
function receivedAtTop(loop: Node): string | undefined {
  if (loopShape(loop).kind !== 'forever') return undefined;
  const statements = statementsOf(loop.childForFieldName('body'));
  for (const [i, st] of statements.entries()) {
    const left = st.type === 'short_var_declaration' || st.type === 'assignment_statement' ? st.childForFieldName('left')?.namedChildren : undefined;
    const value = st.childForFieldName('right')?.namedChildren[0];
    if (left?.length !== 2 || value?.type !== 'unary_expression' || value.childForFieldName('operator')?.text !== '<-') continue;
    // `if !more { done <- true; return }` (or a close of another channel) right after it.
    const next = statements[i + 1];
    const answer = next?.type === 'if_statement' && next.childForFieldName('condition')?.text.replace(/\s/g, '') === `!${left[1].text}` ? next.childForFieldName('consequence') : undefined;
    if (answer && (answer.descendantsOfType('send_statement').length > 0 || /\bclose\(/.test(answer.text))) return st.text;
  }
  return undefined;
}

/**
 * What the loop watches besides the goroutines it starts, which a wait for a free slot would not:
 * the other cases of a select whose default branch starts the goroutine (parca's ring-buffer
 * reader, whose tickers and `ctx.Done()` stopped while it waited for a slot), or a stop it checks
 * in a select of its own (`select { case <-ctx.Done(): return; default: }`). As written.
 */
export function watchedBesides(spawn: Spawn): string | undefined {
  for (const a of ancestors(spawn.go)) {
    if (a.id === spawn.loop.id) break;
    const cases = a.type === 'default_case' ? a.parent!.namedChildren.filter((c) => c.type === 'communication_case') : [];
    if (cases.length > 0) return cases.map((c) => `case ${c.childForFieldName('communication')?.text ?? ''}`).join(', ');
  }
  const own = (n: Node) => !ancestors(n).some((a) => a.type === 'go_statement' && contains(spawn.loop, a));
  const stop = spawn.loop.descendantsOfType('communication_case').filter(own).find((c) => /^<-\s*[\w.]+\.Done\(\)$/.test(c.childForFieldName('communication')?.text ?? ''));
  return stop ? `case ${stop.childForFieldName('communication')!.text}` : undefined;
}

/**
 * The channel the loop ranges over, when the function hands it to code the package does not
 * show (`p.client.AddEventListener(events)`, `signal.Notify(ch, …)`): that code sends on it, and
 * may drop what comes while the loop is not taking (docker's event listeners, signal.Notify), so
 * a wait for a free slot would lose events (logspout's container starts and deaths). The call, as
 * written up to its paren.
 */
export function fedFromOutside(spawn: Spawn, ctx: FileContext): string | undefined {
  if (spawn.shape !== 'channel-range') return undefined;
  const loop = spawn.loop;
  const over = loopShape(loop).over;
  if (!over || (over.type !== 'identifier' && over.type !== 'selector_expression')) return undefined;
  for (const call of spawn.fn.descendantsOfType('call_expression')) {
    if (contains(loop, call)) continue;
    const args = call.childForFieldName('arguments')?.namedChildren ?? [];
    if (!args.some((a) => a.text === over.text)) continue;
    const callee = call.childForFieldName('function')!;
    const named = calledName(callee);
    if (!named || BUILTINS.has(callee.text) || ctx.packageIndex().functionsNamed(named.name, named.method).length > 0) continue;
    return `${callee.text}(…)`;
  }
  return undefined;
}

const BUILTINS = new Set(['close', 'len', 'cap', 'make', 'append', 'copy', 'delete', 'new', 'print', 'println']);
