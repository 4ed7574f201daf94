import { regexEscaped } from '../../../src/go/find-by-text.js';
import type { PackageIndex } from '../../../src/go/package-index.js';
import { firstLine, statementsOf, type Node } from '../../../src/go/syntax.js';
import { calleesGivenContext } from '../callees/callee-keeps-context.js';

/** A logger's call or getter, by any part of its name: `log.G(ctx)`, `logger.Infof`, `s.log.Error`. */
const LOGGING = /(?:^|\.)(?:\w*[lL]og\w*|Debug\w*|Info\w*|Warn\w*|Error\w*|Trace\w*|Print\w*)(?:\.|$)/;
/** Statements that wait in place (not deferred, not started apart). */
const IN_PLACE = new Set(['for_statement', 'expression_statement', 'assignment_statement', 'short_var_declaration']);

/**
 * Why the call the empty context is given to must finish, if it must: the callee waits given the
 * context (a retry or poll: a loop, or a call handed a function literal, using it) and then, under
 * a condition on how the wait ended, writes with the same context what it came to (`_ =
 * retry.Do(ctx, func() error {…}); if state != "SUCCESS" { s.db.WithContext(ctx).Update(…,
 * "FAILURE") }`: dragonfly's job polling). Given a request's context, a client gone mid-poll would
 * end the wait, and the closing write would fail too: the record would stay as the wait found it.
 */
export function recordsAfterWait(call: Node, index: PackageIndex, inScope: string): string | undefined {
  const given = calleesGivenContext(call, index, (text) => /\bif\b/.test(text) && /\bfor\b|\bfunc\s*\(/.test(text.slice(text.indexOf('{'))));
  for (const { decl, param } of given?.callees ?? []) {
    const named = new RegExp(`(?<![\\w.])${regexEscaped(param)}\\b`);
    const uses = (n: Node) => named.test(n.text);
    const stmts = statementsOf(decl.childForFieldName('body'));
    // A loop using it, or a call handed it and a function literal using it (`_ = retry(ctx, n, d, func() error {…})`).
    const handedLiteral = (s: Node) => s.descendantsOfType('func_literal').some((l) => uses(l) && named.test(s.text.replace(l.text, '')));
    const wait = stmts.findIndex((s) => IN_PLACE.has(s.type) && uses(s) && (s.type === 'for_statement' || handedLiteral(s)));
    if (wait < 0) continue;
    for (const s of stmts.slice(wait + 1)) {
      if (s.type !== 'if_statement') continue;
      const write = s.childForFieldName('consequence')?.descendantsOfType('call_expression').find((c) => !LOGGING.test(c.childForFieldName('function')?.text ?? '') && !!c.childForFieldName('arguments')?.namedChildren.some((a) => a.text === param));
      if (write) {
        return `${given!.named.name} waits given ${param} (${firstLine(stmts[wait].text)}) and then, if ${firstLine(s.childForFieldName('condition')?.text ?? '')}, records how the wait ended given ${param} too (${firstLine(write.text)}): given ${inScope}, once ${inScope} is done the wait would stop and that record fail with it, leaving the state as the wait found it`;
      }
    }
  }
  return undefined;
}
