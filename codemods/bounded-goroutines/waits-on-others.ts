import { DONE_NAME } from '../../src/go/cancellation.js';
import { calledTextWhere } from '../../src/go/called-functions.js';
import type { PackageIndex } from '../../src/go/package-index.js';
import { loopStatement } from '../../src/go/loops.js';
import { localsBefore } from '../../src/go/scope.js';
import type { Spawn } from './detect.js';
import { ancestors, closedChannels, firstLine, nextStatement, statementsOf, type Node } from '../../src/go/syntax.js';

// Goroutines that wait for others of the loop, or for the spawning function to return: bounded,
// they would hold their slots while what they wait for cannot start or come.

/**
 * A goroutine that announces its end on a done channel of the value it works on (`defer
 * close(info.DoneCh)`) and waits itself for another channel first (`case depsSuccess = <-depsCh:`):
 * a vertex of a dependency graph, whose goroutines wait for each other's ends. Bounded, the slots
 * could all go to goroutines waiting for ones that cannot start.
 */
export function waitsOnOthersEnds(body: Node, own: (n: Node) => boolean): string | undefined {
  // `close(v.doneCh)`, or an element of a map or slice of them (`close(done[c.ID])`, podman-style start order).
  const named = (a: Node): string => (a.type === 'selector_expression' ? (a.childForFieldName('field')?.text ?? '') : a.type === 'index_expression' ? named(a.childForFieldName('operand')!) : a.type === 'identifier' ? a.text : '');
  const done = closedChannels(body).find((a) => own(a) && (a.type === 'selector_expression' || a.type === 'index_expression') && /done/i.test(named(a)));
  if (!done) return undefined;
  const waits = body.descendantsOfType('unary_expression').filter((u) => own(u) && u.childForFieldName('operator')?.text === '<-');
  const wait = waits.find((u) => {
    const from = u.childForFieldName('operand')!.text;
    // Not a stop (`<-info.CancelCh`, `<-ctx.Done()`): what it waits for is others' work (another
    // vertex's `doneCh` included).
    if (from === done.text || /\.Done\(\)$/.test(from) || STOP.test(from.slice(from.lastIndexOf('.') + 1))) return false;
    const select = ancestors(u).find((a) => a.type === 'select_statement');
    return !select || !select.namedChildren.some((c) => c.type === 'default_case');
  });
  return wait ? `announces its end by closing ${done.text} and waits for ${wait.text} first: goroutines waiting for each other's ends, as a dependency graph's vertices do` : undefined;
}

/**
 * `<-ch` as a statement of the body's own, on a channel it made and handed out for another to close
 * (`e.waiting = append(e.waiting, ch)`, then `<-ch // wait for unlock`: buildkit's resolver cache
 * lock): a waiter woken by another. As written.
 */
export function waitsOnHandedChannel(body: Node, own: (n: Node) => boolean, declaredHere: (name: string) => boolean): string | undefined {
  return body.descendantsOfType('expression_statement').filter(own).find((st) => {
    const ch = /^<-\s*(\w+)$/.exec(st.text)?.[1];
    return !!ch && declaredHere(ch) && new RegExp(`=\\s*append\\([^\\n]*,\\s*${ch}\\s*\\)|[\\w.\\]]+\\s*=\\s*${ch}\\s*$`, 'm').test(body.text);
  })?.text;
}

/**
 * A goroutine that waits on a channel field of another value (`<-dep.analysisDoneCh`, in its own
 * code or a function it calls) that the goroutines close themselves, each for its own value
 * (`defer close(act.analysisDoneCh)` in `analyzeSafe`): actions waiting for the ones they depend
 * on, started in an order that may put those last. Bounded, every slot could go to a goroutine
 * waiting for one that cannot start. How, e.g. `waits for <-dep.analysisDoneCh, which the
 * goroutines close themselves (act.analyzeSafe())`.
 */
export function waitsOnOthersClosing(bodies: { body: Node }[], called: Node[], index: PackageIndex): string | undefined {
  for (const { body } of bodies) {
    for (const u of body.descendantsOfType('unary_expression')) {
      const operand = u.childForFieldName('operand');
      const field = operand?.type === 'selector_expression' ? operand.childForFieldName('field')!.text : undefined;
      if (u.childForFieldName('operator')?.text !== '<-' || !field || STOP.test(field)) continue;
      const select = ancestors(u).find((a) => a.type === 'select_statement');
      if (select?.namedChildren.some((c) => c.type === 'default_case')) continue;
      const closes = new RegExp(`\\bclose\\(\\s*[\\w.]+\\.${field}\\s*\\)`);
      // A close in the goroutine's own code is `waitsOnOthersEnds`' case: here, one in a function it calls.
      if (bodies.some((b) => closes.test(b.body.text))) continue;
      const closer = calledTextWhere(called, index, (text) => closes.test(text));
      if (closer) return `waits for ${u.text}, which the goroutines close themselves (${closer.via})`;
    }
  }
  return undefined;
}

/** A channel named for stopping the goroutine: `CancelCh`, `stopC`, `quit`. */
const STOP = /^(cancel|stop|quit|shutdown|exit|die|closing)/i;

/**
 * A close the loop defers for each iteration (`outR, outW := io.Pipe()`, `defer outW.Close()`) of
 * something made with what the goroutine is given (`go copyUIOutput(o, outR)`): the goroutine
 * reads until that close, when the function returns, and a bound would hold its slot until then.
 * The deferred statement, e.g. `defer outW.Close()`.
 */
export function endsWhenFunctionReturns(loop: Node, go: Node): string | undefined {
  const body = loop.childForFieldName('body');
  const defers = statementsOf(body).filter((s) => s.type === 'defer_statement');
  for (const d of defers) {
    const closed = /^defer\s+(\w+)\.Close\(\)$/.exec(d.text.trim())?.[1];
    const decl = closed ? d.parent?.namedChildren.find((s) => s.type === 'short_var_declaration' && s.childForFieldName('left')!.namedChildren.some((n) => n.text === closed)) : undefined;
    const paired = decl?.childForFieldName('left')!.namedChildren.map((n) => n.text).filter((n) => n !== closed && n !== '_') ?? [];
    if (paired.some((name) => new RegExp(`(?<![\\w.])${name}\\b`).test(go.text))) return d.text.trim();
  }
  return undefined;
}

/**
 * Right after a loop whose goroutines nothing waits for, the function waits for its own stop
 * signal (`<-c.stopCh`, `<-ctx.Done()` as a statement): the goroutines are services meant to run
 * until then (`go s.Run(ctx)` per service), and bounded, the later ones would never start. As
 * written.
 */
export function stopAwaitedAfter(loop: Node): string | undefined {
  const next = nextStatement(loopStatement(loop), (n) => n.type === 'assignment_statement' && !n.text.includes('<-'));
  const from = next?.type === 'expression_statement' ? /^<-\s*([\w.]+(?:\(\))?)$/.exec(next.text)?.[1] : undefined;
  if (!from) return undefined;
  const stop = /\.Done\(\)$/.test(from) || DONE_NAME.test(from.slice(from.lastIndexOf('.') + 1));
  return stop ? next!.text : undefined;
}

/**
 * `d.Run(ctx, ch)`, ch made unbuffered before the loop: the call may send on it, and wait for a
 * receiver that comes only once the loop is done. Also the call the goroutine is (`go fn(ctx, addr,
 * req, resultsCh)`, fn a function value: gravity's ping-pong checks, bounded, deadlocked).
 */
export function handsUnbufferedChannel(calls: Node[], spawn: Spawn, declaredHere: (name: string) => boolean = () => false): string | undefined {
  const before = localsBefore(loopStatement(spawn.loop));
  for (const call of calls) {
    for (const arg of call.childForFieldName('arguments')?.namedChildren ?? []) {
      if (arg.type !== 'identifier' || declaredHere(arg.text)) continue;
      const made = before.find((l) => l.name === arg.text)?.value?.text.replace(/\s/g, '');
      if (made && /^make\((<-)?chan[^,]*\)$/.test(made)) return `hands ${arg.text}, an unbuffered channel made before the loop, to ${firstLine(call.text)}, which may wait on it until the loop is done (a send with no receiver yet, or a receive of what comes only then)`;
    }
  }
  return undefined;
}
