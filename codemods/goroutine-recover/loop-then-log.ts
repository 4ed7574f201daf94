import type { Node } from '../../src/go/syntax.js';

/** A call that only logs (`result.logger.Println(…)`, `log.Printf(…)`, `logger.Infow(…)`). */
export const LOGS = /^[\w.]*\b(log|logger|Logger|klog|glog|slog|zap|logrus)\w*(\([^()]*\))?\.(Print|Debug|Info|Warn|Error|Log|Trace)\w*\(/;

/**
 * The goroutine's last statement, or the loop it ends in when only logging follows it (`for
 * ctx.Err() == nil { … }`, then `result.logger.Println("terminate … goroutine")`: gloo's
 * certificate watcher): the loop is still what runs for its life.
 */
export function lastBeforeLogging(statements: Node[]): Node | undefined {
  const loop = statements.map((s) => s.type).lastIndexOf('for_statement');
  const after = loop < 0 ? [] : statements.slice(loop + 1);
  if (after.length > 0 && after.every((s) => s.type === 'expression_statement' && LOGS.test(s.text))) return statements[loop];
  return statements.at(-1);
}
