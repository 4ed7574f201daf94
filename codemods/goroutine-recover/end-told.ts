import { isFunctionType } from '../../src/go/called-functions.js';
import type { PackageIndex } from '../../src/go/package-index.js';
import { declarationOf, selectedField } from '../../src/go/scope.js';
import { firstLine, onOwnPath, type Node } from '../../src/go/syntax.js';
import { owedCallAfterWork } from './owed-call.js';
import { markReadAfterWork } from './read-marks.js';
import { LOGS } from './loop-then-log.js';

// A goroutine that tells, after its work and outside a defer, that the work ended: through a
// function value named for it (`t.onClose()`), or a flag others read, stored last
// (`atomic.StoreUint32(&t.closed, 1)`). A recovered panic in the work would skip both.

/** A function value named for telling that something ended: `onClose`, `onDone`, `onExit`, `doneFn`, `closedCallback`. */
const TELLS_END = /^(on(Clos|Done|Exit|Finish|Stop|End|Complet|Shut|Terminat|Quit)\w*|(done|finished|closed|stopped|exited)(Fn|Func|Callback|Cb|CB|Hook)?|\w+(Done|Finished|Closed|Stopped|Exited)(Fn|Func|Callback|Cb|CB|Hook))$/;

/** A call that only reports: a log line, or an error handed to an accumulator (`acc.AddError(err)`). */
function reportsOnly(call: Node): boolean {
  return LOGS.test(call.text) || /(^|\.)AddError$/.test(call.childForFieldName('function')!.text);
}

/** A flag telling others the work ended, runs or made its result ready: `closed`, `isDone`, `stopped`, `running`, `loaded`, `ready`. */
const END_FLAG = /^(is|has)?_?(closed|done|stopped|finished|running|terminated|exited|loaded|ready|initiali[sz]ed|started|complete|completed|connected|listening|alive)$/i;

/** The call of a statement that is a call alone (`t.onClose()`), else undefined. */
function callOf(st: Node): Node | undefined {
  const call = st.type === 'expression_statement' ? st.namedChild(0) : undefined;
  return call?.type === 'call_expression' ? call : undefined;
}

/** A call of a function value (a field, a parameter or a local of a function type) named for telling that the work ended. */
function tellsEnd(call: Node, index: PackageIndex): boolean {
  const fn = call.childForFieldName('function')!;
  const name = fn.type === 'selector_expression' ? fn.childForFieldName('field')!.text : fn.type === 'identifier' ? fn.text : '';
  if (!TELLS_END.test(name)) return false;
  if (fn.type === 'selector_expression') {
    const field = selectedField(fn, index);
    return !!field && isFunctionType(field.typeNode, index);
  }
  const found = declarationOf(fn.text, fn);
  if (!found) return false;
  if ('param' in found) return isFunctionType(found.param.typeNode, index);
  return found.local.value?.type === 'func_literal' || (!!found.local.typeNode && isFunctionType(found.local.typeNode, index));
}

/**
 * An atomic store to a flag named for the end (`atomic.StoreUint32(&t.closed, 1)`, `s.done.Store(true)`),
 * or an add to one (`task.isdone.Add(1)`, polled by `IsDone()`: ooni's oonimkall task): the flag.
 */
function endFlagStored(call: Node): string | undefined {
  const fn = call.childForFieldName('function')!.text;
  const flag = /^atomic\.(Store|Add)\w*$/.test(fn) ? call.childForFieldName('arguments')?.namedChildren[0]?.text.replace(/^&\s*/, '') : /^([\w.]+)\.(Store|Add)$/.exec(fn)?.[1];
  return flag && END_FLAG.test(flag.split('.').pop()!) ? flag : undefined;
}

/** Whether a statement runs work of the program's: a call outside a deferred or started one. */
function works(st: Node, body: Node): boolean {
  if (st.type === 'defer_statement' || st.type === 'go_statement') return false;
  const calls = st.type === 'call_expression' ? [st] : st.descendantsOfType('call_expression');
  return calls.some((c) => onOwnPath(c, body));
}

/**
 * After some work, outside a defer, a call of a function value named for telling that the work
 * ended (`t.onClose()`, a field its owner sets, that `Run` and the CLI wait on), or a last atomic
 * store to a flag others read (`atomic.StoreUint32(&t.closed, 1)`, a /ready check's "stream
 * terminated"): recovered, a panic in the work would skip them (benthos' stream, whose output's
 * WaitForClose panicked, left its owner waiting for good). Why, as a refusal's reason.
 */
export function endToldAfterWork(stmts: Node[], body: Node, index: PackageIndex): string | undefined {
  const own = stmts.filter((st) => st.type !== 'comment');
  return endTold(stmts, body, index) ?? markReadAfterWork(own, own.findIndex((st) => works(st, body)), body.parent!, index) ?? owedCallAfterWork(body);
}

function endTold(stmts: Node[], body: Node, index: PackageIndex): string | undefined {
  const own = stmts.filter((st) => st.type !== 'comment');
  const firstWork = own.findIndex((st) => works(st, body));
  if (firstWork < 0) return undefined;
  const told = own.slice(firstWork + 1).map(callOf).find((c) => c && tellsEnd(c, index));
  // The flag's store last, or followed only by such calls, other such stores and reports
  // (`acc.AddError(errors.New("disconnected from bus"))`: telegraf's KNX listener).
  let stored: Node | undefined;
  for (let i = own.length - 1; i > firstWork; i--) {
    const call = callOf(own[i]);
    if (call && endFlagStored(call)) stored = call;
    else if (!call || !(tellsEnd(call, index) || reportsOnly(call))) break;
  }
  if (!told && !stored) return undefined;
  const line = (n: Node) => `${firstLine(n.text)} (line ${n.startPosition.row + 1})`;
  const flag = stored && endFlagStored(stored);
  const callback = told && `${line(told)}, a function value named for telling that its work ended`;
  const what = [callback && `calls ${callback}`, stored && `ends with ${line(stored)}, a flag others read (${flag})`].filter(Boolean).join(', and ');
  const after = [told && 'whoever waits to hear of the end (a Run waiting for it to stop) would wait forever', stored && `${flag} would keep its old value, telling its readers the work still runs,`].filter(Boolean).join(', and ');
  return `the goroutine ${what}, outside a defer after its work: recovered, a panic in the work would skip ${told && stored ? 'them' : 'it'}, and ${after} where the process used to crash`;
}
