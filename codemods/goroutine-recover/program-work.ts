import { codeOnly, regexEscaped } from '../../src/go/find-by-text.js';
import { ancestors, firstLine, insideLiteral, LOG_CALL, statementsOf, type Node } from '../../src/go/syntax.js';
import { afterStart, startingFunction } from './waited-for.js';

// A goroutine doing the program's own work (cloudevents' samples: `go func() { if err :=
// p.OpenInbound(ctx); err != nil { log.Printf(…) } }()`, then `<-ctx.Done()` on a context that is
// never done), started by `main()` or by a function that then blocks for good without it: the
// crash was what ended the process and told its supervisor the work was gone. Recovered, a panic
// would leave the process up (waiting forever) with nothing doing that work.

/** Calls that are no work of the program's: builtins, logging, formatting, sleeping, exiting. */
const NOT_WORK = /^(len|cap|append|make|new|close|delete|copy|panic|print|println|min|max|clear|recover|os\.Exit|errors\.\w+|time\.\w+|strings\.\w+|strconv\.\w+)$|\.(Error|String|Err)$/;

/** The first call of the goroutine's body that is work of its own (not logging, not a builtin), as written. */
function ownWork(body: Node): string | undefined {
  const calls = body.descendantsOfType('call_expression');
  const logs = calls.filter((c) => LOG_CALL.test(c.childForFieldName('function')?.text ?? ''));
  const work = calls.find((c) => {
    const f = c.childForFieldName('function');
    if (!f || f.type === 'func_literal' || f.type === 'parenthesized_expression' || LOG_CALL.test(f.text) || NOT_WORK.test(f.text)) return false;
    return !logs.some((l) => l.startIndex < c.startIndex && c.endIndex <= l.endIndex);
  });
  return work && `${firstLine(work.childForFieldName('function')!.text)}()`;
}

/** Whether `fn` is `main()` of package main. */
function isMain(fn: Node): boolean {
  if (fn.type !== 'function_declaration' || fn.childForFieldName('name')?.text !== 'main') return false;
  const file = [...ancestors(fn)].find((a) => a.type === 'source_file');
  return file?.namedChildren.find((c) => c.type === 'package_clause')?.namedChild(0)?.text === 'main';
}

/**
 * A context the function makes from `context.Background()` or `context.TODO()`, set once and never
 * cancelled (`ctx := context.Background()`, or `ctx, cancel := context.WithCancel(…)` with `cancel`
 * only deferred): its `Done()` never comes.
 */
function neverDone(name: string, fn: string): boolean {
  const n = regexEscaped(name);
  const made = new RegExp(`(?:\\bvar\\s+|(?<![\\w.]))${n}\\s*(?:,\\s*(\\w+)\\s*)?:?=\\s*(?:context\\.WithCancel\\()?context\\.(?:Background|TODO)\\(\\)\\)?`).exec(fn);
  if (!made) return false;
  const sets = fn.match(new RegExp(`(?<![\\w.])${n}\\s*(,\\s*\\w+\\s*)?:?=(?!=)`, 'g')) ?? [];
  const cancel = made[1];
  // The cancel only declared and deferred (or set aside): never called while the function waits.
  const uses = cancel && cancel !== '_' ? (fn.match(new RegExp(`(?<![\\w.])${regexEscaped(cancel)}\\b`, 'g')) ?? []).length : 0;
  const deferred = cancel ? (fn.match(new RegExp(`\\bdefer\\s+${regexEscaped(cancel)}\\(\\)`, 'g')) ?? []).length : 0;
  return sets.length === 1 && (!cancel || cancel === '_' || uses === 1 + deferred);
}

/**
 * A statement of the function, after the go statement, that blocks for good without the
 * goroutine: `select {}`, a receive from the `Done()` of a context that is never done, or one from
 * a channel `signal.Notify` fills (the goroutine not touching it). As written, with why.
 */
function blocksForGood(fn: Node, go: Node, goText: string): { stmt: Node; why: string } | undefined {
  const body = fn.childForFieldName('body');
  const text = codeOnly(fn.text);
  const own = (n: Node) => !insideLiteral(n, body!);
  for (const st of statementsOf(body)) {
    if (st.startIndex < go.endIndex) continue;
    if (st.type === 'return_statement' || st.descendantsOfType('return_statement').some(own)) return undefined;
    if (st.type === 'select_statement' && /^select\s*\{\s*\}$/.test(st.text)) return { stmt: st, why: 'a select with no case' };
    const received = /^(?:\w+(?:\s*,\s*\w+)?\s*:?=\s*)?<-\s*([\w.]+?)(\.Done\(\))?$/.exec(st.text);
    if (!received || (st.type !== 'expression_statement' && st.type !== 'short_var_declaration' && st.type !== 'assignment_statement')) continue;
    const [, channel, done] = received;
    if (done && !channel.includes('.') && neverDone(channel, text)) return { stmt: st, why: `${channel} made from context.Background() and never cancelled` };
    const notified = new RegExp(`\\bsignal\\.Notify\\(\\s*${regexEscaped(channel)}\\s*,`).test(text);
    if (!done && notified && !new RegExp(`(?<![\\w.])${regexEscaped(channel)}\\b`).test(goText)) return { stmt: st, why: `${channel} filled only by signal.Notify` };
  }
  return undefined;
}

/**
 * Names the function waits on after the go statement (`wg.Wait()`, `<-done`, `range results`):
 * when the goroutine touches one, the function waits for its end, and the other rules decide.
 */
function waitsForIt(go: Node, goText: string): boolean {
  const after = codeOnly(afterStart(go));
  const names = [...after.matchAll(/([\w.]+)\.Wait\(\)|<-\s*([\w.]+)|\brange\s+([\w.]+)/g)].map((m) => m[1] ?? m[2] ?? m[3]).filter((n) => !/\.Done$/.test(n) && !/^(time|signal)\./.test(n));
  return names.some((n) => new RegExp(`(?<![\\w.])${regexEscaped(n.split('.')[0])}\\b`).test(goText));
}

/** Why the goroutine, the program's own work left alone by its starter, must keep crashing, if so. */
export function programWorkLeft(go: Node): string | undefined {
  const fn = startingFunction(go);
  const body = go.namedChild(0)?.childForFieldName('function')?.childForFieldName('body');
  if (!fn || !body) return undefined;
  const goText = codeOnly(body.text);
  const work = ownWork(body);
  if (!work || waitsForIt(go, goText)) return undefined;
  const blocked = blocksForGood(fn, go, goText);
  const main = isMain(fn);
  if (!blocked && !main) return undefined;
  const starter = main ? 'main()' : 'the function starting the goroutine';
  if (blocked) {
    return `${starter} then blocks for good without the goroutine (${firstLine(blocked.stmt.text)}, line ${blocked.stmt.startPosition.row + 1}, ${blocked.why}), which runs the program's own work (${work}): recovered, a panic would leave the process waiting forever with that work gone (a server never serving) where the crash used to end it and get it restarted by its supervisor`;
  }
  return `main() starts the goroutine and does not wait for its end, and it runs the program's own work (${work}): recovered, a panic would leave the process running on with that work gone where the crash used to end it and tell its supervisor to restart it`;
}
