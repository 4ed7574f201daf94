import type { PackageIndex } from '../../src/go/package-index.js';
import { onOwnPath, type Node } from '../../src/go/syntax.js';
import { STARTER } from './workers.js';

// A goroutine whose work is a server of another package: the process's own server, its loop out
// of the package's sight.

/** Commands and processes: their `Run` or `Start` runs a child, not a server. */
const COMMAND = /(^|\.)([cC]md|[cC]ommand|c?[pP]roc|[pP]rocess|[eE]xec)([A-Z_\d]\w*)?$/;

/** A name that says it serves, whatever comes first (`ActivateAndServe`, `ListenAndServeTLS`, miekg/dns' and net/http's). */
const SERVES = /^\w*(Serve|ServeTLS)$|^ListenAndServe\w*$/;

/** What a server is handed: a context or stop channel, a period, an address to serve on, a number of workers. */
const SERVER_ARG = /ctx|context|stop|done|quit|shutdown|addr|port|listen|bind|threads|workers|^time\.|^\d|^"[\w.-]*:\d+"$/i;

/**
 * A call in the goroutine's own statements named for starting a component's work (`Listen`,
 * `Serve`, `Start`, `Run`, no more to its name) on a value or package that the package declares no
 * method of that name for (another package's: statsd_exporter's `ul.Listen()`, its read loop in
 * pkg/listener), its result dropped or only an error, given nothing but a context, a stop channel,
 * a period or an address. The call, as written up to its paren.
 */
export function foreignServer(body: Node, index: PackageIndex): string | undefined {
  for (const call of body.descendantsOfType('call_expression')) {
    if (!onOwnPath(call, body)) continue;
    const fn = call.childForFieldName('function');
    if (fn?.type !== 'selector_expression') continue;
    const name = fn.childForFieldName('field')!.text;
    const operand = fn.childForFieldName('operand')!.text;
    const starts = STARTER.exec(name);
    // Or a run given its context by name (`c.RunContext(ctx, threads)`: knative's controllers).
    const serves = starts ? starts[2] === undefined || (starts[2] === 'Context' && /^[RS]/.test(name)) : SERVES.test(name);
    if (!serves || !/^[A-Z]/.test(name) || COMMAND.test(operand)) continue;
    const args = call.childForFieldName('arguments')?.namedChildren ?? [];
    if (args.length > 2 || !args.every((a) => SERVER_ARG.test(a.text)) || !resultAtMostAnError(call)) continue;
    if (index.functionsNamed(name, true).length > 0) continue;
    return `${fn.text}()`;
  }
  return undefined;
}

/** A call whose result is dropped (a statement) or taken into one variable (`err := s.Run()`, `if err := s.Run(); …`). */
function resultAtMostAnError(call: Node): boolean {
  const parent = call.parent;
  if (parent?.type === 'expression_statement') return true;
  const assign = parent?.type === 'expression_list' ? parent.parent : undefined;
  if (assign?.type !== 'short_var_declaration' && assign?.type !== 'assignment_statement') return false;
  return parent!.namedChildCount === 1 && assign.childForFieldName('left')?.namedChildCount === 1;
}
