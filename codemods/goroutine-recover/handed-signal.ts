import type { literalsHandedTo } from '../../src/go/called-functions.js';
import { regexEscaped } from '../../src/go/find-by-text.js';
import type { PackageIndex } from '../../src/go/package-index.js';
import { enclosingFunction, firstLine, insideLiteral, type Node } from '../../src/go/syntax.js';

// A goroutine whose work is a function its starter is handed, where a literal the package's
// callers hand it signals its end in a defer: the signal still comes as a panic in it unwinds,
// and once the goroutine recovers, its waiter takes the work for done.

/**
 * The signal of its end a deferred statement gives, as written, with the name its waiter uses:
 * `defer c.cleanWg.Done()` (the group, waited with `.Wait()`), `defer close(done)` or a send in a
 * deferred literal (`defer func() { started <- struct{}{} }()`: the channel, received from).
 */
export function deferredEndSignal(d: Node): { signal: string; waits: RegExp; wait: string } | undefined {
  const deferred = d.namedChild(0);
  const fn = deferred?.type === 'call_expression' ? deferred.childForFieldName('function') : undefined;
  // A deferred literal's own statements, not those of a literal inside it.
  const body = fn?.type === 'func_literal' ? fn.childForFieldName('body')! : undefined;
  const candidates = body ? [...body.descendantsOfType('call_expression'), ...body.descendantsOfType('send_statement')].filter((n) => !insideLiteral(n, body) && !(n.type === 'call_expression' && n.parent?.type !== 'expression_statement')) : deferred ? [deferred] : [];
  for (const n of candidates) {
    if (n.type === 'send_statement') {
      const channel = n.childForFieldName('channel')!.text;
      if (/^[\w.]+$/.test(channel)) return { signal: n.text, waits: received(channel), wait: `<-${channel}` };
      continue;
    }
    const callee = n.childForFieldName('function');
    const args = n.childForFieldName('arguments')?.namedChildren ?? [];
    if (callee?.type === 'selector_expression' && callee.childForFieldName('field')!.text === 'Done' && args.length === 0) {
      // `c.cleanWg`, `txn.store.WaitGroup()`: its last name, waited on as `….cleanWg.Wait()`.
      const group = /(\w+(?:\(\))?)$/.exec(callee.childForFieldName('operand')!.text)?.[1];
      if (group && !/^(ctx|\w*Ctx|\w*[cC]ontext)$/.test(group)) return { signal: n.text, waits: new RegExp(`(?<![\\w])${regexEscaped(group)}\\.Wait\\(\\)`, 'g'), wait: `${group}.Wait()` };
    }
    if (callee?.text === 'close' && args.length === 1 && /^[\w.]+$/.test(args[0].text)) return { signal: n.text, waits: received(args[0].text), wait: `<-${args[0].text}` };
  }
  return undefined;
}

/** A receive from the channel, by its last name (`<-started`, `<-c.done`, `range c.done`, `case <-done:`). */
function received(channel: string): RegExp {
  const name = regexEscaped(channel.split('.').pop()!);
  return new RegExp(`(<-\\s*|\\brange\\s+)(?:[\\w.]*\\.)?${name}(?![\\w(\\[])`, 'g');
}

/**
 * The goroutine calls, outside a defer, a function-typed parameter of the function starting it
 * (\`f()\`), and a literal the package's callers hand that parameter signals its end in a defer
 * (\`c.txn.spawn(func() { defer c.cleanWg.Done(); c.cleanupMutations(ctx) })\`), with a waiter for
 * that signal in the package (\`c.cleanWg.Wait()\`): a panic in the literal, recovered in the
 * goroutine, would still give the signal as it unwinds, and the waiter go on as if the work were
 * done (tikv's client-go: a clean-up whose rollback panicked was reported finished, its locks
 * left). Why, as a refusal's reason.
 */
export function handedLiteralSignals(handed: ReturnType<typeof literalsHandedTo>, index: PackageIndex): string | undefined {
  for (const { literal, param, callee } of handed) {
    const body = literal.childForFieldName('body')!;
    for (const d of body.descendantsOfType('defer_statement')) {
      if (insideLiteral(d, body)) continue;
      const end = deferredEndSignal(d);
      const wait = end && index.nodesMatching(end.waits)[0];
      if (!end || !wait) continue;
      const by = enclosingFunction(wait)?.childForFieldName('name')?.text;
      const caller = enclosingFunction(literal)?.childForFieldName('name')?.text;
      const waiter = `${end.wait}${by ? ` in ${by}` : ''}`;
      return `the goroutine runs ${param}(), and the package hands ${callee} a function literal${caller ? ` (in ${caller})` : ''} that signals its end in a defer (${firstLine(d.text)}): a panic in it, recovered by the goroutine, would still give that signal as it unwinds, and its waiter (${waiter}) would go on as if the work were done (a clean-up reported finished with what it had to undo left) where the process used to crash`;
    }
  }
  return undefined;
}
