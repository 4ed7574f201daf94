import type { CancellationSource } from '../../../src/go/cancellation.js';
import { REGISTERS } from '../../../src/go/registering-calls.js';
import { ancestors, same, type Node } from '../../../src/go/syntax.js';

// A callback registered to run later, on each change or event: it runs long after the function
// that registered it, and that function's context may be done by then.

/** A literal taking an `os.Signal` (`func(sig os.Signal) { … }`): run when the process gets one, at exit. */
const TAKES_SIGNAL = /\bos\.Signal\b/;

/** When each later run comes, by what registers it. */
function when(name: string): string {
  if (/Exit|Shutdown|^Listen$/.test(name)) return 'at exit';
  if (/^(Subscribe|Watch|Notify)/.test(name)) return 'on each change';
  if (/^Handle|Handler/.test(name)) return 'on each request or event';
  return 'on each event';
}

/**
 * Why a call in a function literal handed to a call registering it (`confReaderTmp.
 * SubscribeConfigChanges(func(conf *config.Type) error { … })`) is not to be given the context of
 * the function around the registration, a parameter or local of it: the literal runs later, on
 * each change, when that context may be done (benthos' studio pull runner, whose config resets,
 * given bootstrapConfigReader's ctx, stopped the old stream with a done context). A context that
 * is the literal's own parameter is not this one (the literal is then where it belongs).
 */
export function registeredCallback(call: Node, source: CancellationSource): string | undefined {
  if (source.kind !== 'ctx-param' && source.kind !== 'ctx-local') return undefined;
  for (const literal of ancestors(call).filter((a) => a.type === 'func_literal')) {
    if (same(literal, source.fn)) break;
    const given = literal.parent?.type === 'argument_list' ? literal.parent.parent : undefined;
    const callee = given?.childForFieldName('function')?.text ?? '';
    const name = callee.split('.').at(-1) ?? '';
    const onSignal = given && TAKES_SIGNAL.test(literal.childForFieldName('parameters')?.text ?? '');
    if (!REGISTERS.test(name) && !onSignal) continue;
    const owner = source.fn.childForFieldName('name')?.text;
    const whose = owner ? `${owner}()'s` : "the function literal's around it";
    return `the call is in a function literal handed to ${callee}(…), which keeps it to run later (${onSignal ? 'on a signal, at exit' : when(name)}): by then ${source.expr}, ${whose}, may be done, and given ${source.expr} those later runs would fail`;
  }
  return undefined;
}
