import type { CancellationSource } from '../../../src/go/cancellation.js';
import { ancestors, type Node } from '../../../src/go/syntax.js';
import { CLEANS_UP, lowerWords, saysWord } from './cleanup-words.js';

/**
 * A callee named for undoing a connection or a registration that CLEANUP does not name:
 * `Disconnect…`, `Close…` (`s.proxyManager.Disconnect`, `store.CloseSession`), or a request to
 * stop remote work, `Cancel…`, `Abort…` (`client.TestRuns.Cancel(…)`: terraform's cloud test runs,
 * cancelled as their run context ended), the last part of the callee as written.
 */
const UNDOES = /(^|\.)([Dd]isconnect|[Cc]lose|Cancel|Abort)(?![a-z])\w*$/;

/** Words of a function's name that say it cleans up (CLEANS_UP: `cleanupFailedSnapshot`, `tearDownProxy`, `rollbackTx`), or its ending `On` `Error` (`handleOnError`). */
function saysCleanup(name: string): boolean {
  const words = lowerWords(name);
  return saysWord(name, CLEANS_UP, 'anywhere') || (words.at(-2) === 'on' && words.at(-1) === 'error');
}

/**
 * Why a call given the empty context cleans up, by a name: its callee's (`Disconnect(…)`), or the
 * name of the function declaring it (`cleanupFailedSnapshot`): clean-up is meant to run once the
 * context in scope is done (a failed stream is why it runs), and given it the call would fail at
 * once then (netbird's proxy, left marked connected after a failed snapshot). The reason.
 */
export function cleanupByName(call: Node, source: CancellationSource): string | undefined {
  const given = call.parent?.type === 'argument_list' ? call.parent.parent : undefined;
  const callee = given?.childForFieldName('function')?.text ?? '';
  // Not for a receiver's context, which lives as long as what the call would close.
  if (UNDOES.test(callee) && source.kind !== 'ctx-field') {
    return `the call undoes a connection or a registration (${callee}), a clean-up: it is meant to run even once ${source.expr} is done (a failed stream is often why it runs), and given ${source.expr} it would fail at once then, leaving in place what it would undo`;
  }
  const named = ancestors(call).find((a) => a.type === 'function_declaration' || a.type === 'method_declaration');
  const name = named?.childForFieldName('name')?.text;
  if (!name || !saysCleanup(name)) return undefined;
  return `the call is in ${name}, named for cleaning up: clean-up is meant to run even once ${source.expr} is done (the failure that ended ${source.expr} is often why it runs), and given ${source.expr} this call would fail at once then`;
}
