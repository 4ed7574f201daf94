import type { CancellationSource } from '../../../src/go/cancellation.js';
import { receiverOf } from '../../../src/go/declarations.js';
import { declarationOf } from '../../../src/go/scope.js';
import { firstLine, type Node } from '../../../src/go/syntax.js';
import { STOPS } from './cancelled-by-stop.js';
import { failureKept } from './cleanup.js';
import { ENDS_LIFE, saysWord } from './cleanup-words.js';
import { ignoredDelivery } from './ignored-delivery.js';
import { isStopHook } from '../../../src/go/stop-hooks.js';

// A method that ends its receiver's life (`Close`, `Stop`, `Shutdown`…) with the receiver's own
// context in scope (`w.ctx`, or a local taken from it): its owner commonly cancels that context as
// it shuts down, before calling the clean-up, so given it, a context-honouring call in the
// clean-up fails at once and what it was to close is left open (v2ray's WireguardOutbound.Close,
// whose storage.Get failed and left the session unclosed). A hook its runner calls as the value
// stops (`OnStop`, `OnClose`, `OnShutdown`) ends it as well: go-actor calls OnStop once the actor's
// context has ended. A delivery whose failure is ignored (`w.out.Send(…)`, its error dropped) would
// lose what it delivers without a word (a go-actor batcher variant: its last batch lost on stop).

/** Whether a method's name says it ends its value's life: its first word, or first two run together (`TearDown`, `CleanUp`), one of ENDS_LIFE (not `Closed`, `Stopwatch`), the name starting as STOPS says or with clean, release or dispose. */
function endsLife(name: string): boolean {
  return (STOPS.test(name) || /^(clean|release|dispose)/i.test(name)) && saysWord(name, ENDS_LIFE, 'start');
}

/** The receiver's field the context is, or is taken from (`ctx := w.ctx`, `ctx := context.WithValue(w.ctx, …)`), as written. */
function receiverContext(call: Node, source: CancellationSource, receiver: string): string | undefined {
  if (source.kind === 'ctx-field') return source.expr;
  if (source.kind !== 'ctx-local') return undefined;
  const found = declarationOf(source.expr, call);
  const value = found && 'local' in found ? found.local.value?.text ?? '' : '';
  return new RegExp(`^(?:\\w+\\.With\\w*\\(\\s*)?(${receiver}\\.\\w+)\\b(?!\\s*\\()`).exec(value)?.[1];
}

/** Why the call, in a method ending its receiver's life, may not be given the receiver's context: the reason, in full. */
export function cleanupMethodContext(call: Node, source: CancellationSource): string | undefined {
  if (source.fn.type !== 'method_declaration') return undefined;
  const method = source.fn.childForFieldName('name')!.text;
  const receiver = receiverOf(source.fn);
  // Only a call whose failure the method checks (`stateIfc, err := storage.Get(…)`), or one
  // delivering data whose failure it ignores: not a logger's (`log.G(context.TODO()).Errorf(…)`),
  // which reads values and does not fail.
  if (!receiver?.name || !(endsLife(method) || isStopHook(method))) return undefined;
  const delivery = failureKept(call) ? undefined : ignoredDelivery(call);
  if (!failureKept(call) && !delivery) return undefined;
  const field = receiverContext(call, source, receiver.name);
  if (!field) return undefined;
  const given = call.parent?.type === 'argument_list' ? call.parent.parent : undefined;
  const what = given ? `${given.childForFieldName('function')!.text}(…)` : firstLine(call.text);
  const taken = field === source.expr ? field : `${source.expr}, taken from ${field},`;
  const role = isStopHook(method) ? 'is a hook run as the receiver stops' : "ends the receiver's life";
  if (delivery) {
    return `${receiver.typeName}.${method} ${role}, and ${taken} is the receiver's own context, which its owner commonly cancels before calling ${method}: given it, ${delivery} would fail at once then, and with its error ignored, what it delivers would be dropped without a word`;
  }
  return `${receiver.typeName}.${method} ${role}, and ${taken} is the receiver's own context, which its owner commonly cancels as it shuts down, before calling ${method}: given it, ${what} would fail at once then, and the clean-up after its check be skipped`;
}

/**
 * Why the call, in a function undoing work that failed or was cancelled (`Abort`, `Rollback`,
 * `Revert`, `Discard`), may not be given its context parameter: its caller commonly hands it the
 * context of the work it undoes, done by then (an upload's, cancelled by an interrupt), and the
 * empty context lets the undoing reach its server anyway (rclone's S3 chunk writer, whose
 * AbortMultipartUpload, given ctx, failed at once and left the upload's parts stored).
 */
export function undoingContext(call: Node, source: CancellationSource): string | undefined {
  if (source.kind !== 'ctx-param' || !failureKept(call)) return undefined;
  const name = source.fn.childForFieldName('name')?.text ?? '';
  if (!/^(Abort|Rollback|Revert|Discard|Undo)(?![a-z])/i.test(name)) return undefined;
  const given = call.parent?.type === 'argument_list' ? call.parent.parent : undefined;
  const what = given ? `${given.childForFieldName('function')!.text}(…)` : firstLine(call.text);
  return `${name} undoes work that failed or was cancelled, and its caller commonly hands it that work's context, done by then: the empty context lets ${what} run anyway, and given ${source.expr} it would fail at once and leave behind what it was to undo`;
}
