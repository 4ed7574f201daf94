import { isLogStatement, LOG_CALL, statementsOf, type Node } from '../../src/go/syntax.js';
import { spawnedFunction, type Spawn } from './detect.js';

/**
 * A goroutine that only logs: the go statement's call is a logging call (`go
 * m.log.ERROR.Println(err)`), or it starts a literal whose only statement is one. Logging is
 * made asynchronous on purpose there (evcc's InfluxDB writer, "log async as we're part of the
 * logging loop"): a logger may block on what the loop itself drains, and bounded, the loop
 * would wait for it, a cycle that never ends. The call, e.g. `m.log.ERROR.Println(err)`.
 */
export function onlyLogs(spawn: Spawn): string | undefined {
  const fn = spawnedFunction(spawn.go);
  if (fn?.type === 'func_literal') {
    // A deferred recover aside (goroutine-recover's own fix), and comments: still a goroutine that only logs.
    const statements = statementsOf(fn.childForFieldName('body')).filter((s) => s.type !== 'comment' && !(s.type === 'defer_statement' && s.text.includes('recover()')));
    const only = statements.length === 1 && isLogStatement(statements[0]) ? statements[0] : undefined;
    // Not a log line wrapped around the work (`log.Println("closed:", handleConn(ctx, conn))`: ngrok's echo server).
    return only && !/Logs$/.test(only.namedChild(0)!.childForFieldName('function')!.text) && !callsOutIn(only.namedChild(0)!) ? only.text : undefined;
  }
  const call = spawn.go.type === 'go_statement' ? spawn.go.namedChild(0) : undefined;
  // `tm.Logs(ctx, opts, publisher)` streams a task's logs: not a logging call.
  return call?.type === 'call_expression' && fn && LOG_CALL.test(fn.text) && !/Logs$/.test(fn.text) && !call.text.includes('\n') ? call.text : undefined;
}

/** Calls made: `fmt.Sprintf`, `len`, `time.Since`, and a value's Error or String aside. */
const FORMATS = /^(fmt\.Sprint\w*|len|cap|time\.Since|errors\.Unwrap|.*\.(Error|String))$/;

/** Whether a log call's arguments call out to do work of their own (`handleConn(ctx, conn)`). */
function callsOutIn(logCall: Node): boolean {
  const args = logCall.childForFieldName('arguments');
  return !!args && args.descendantsOfType('call_expression').some((c) => !FORMATS.test(c.childForFieldName('function')?.text ?? ''));
}
