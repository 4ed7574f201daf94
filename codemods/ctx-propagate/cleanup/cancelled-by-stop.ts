import type { CancellationSource } from '../../../src/go/cancellation.js';
import { receiverOf } from '../../../src/go/declarations.js';
import type { PackageIndex } from '../../../src/go/package-index.js';
import type { Node } from '../../../src/go/syntax.js';
import { CLEANUP, deletionCommand } from './cleanup.js';
import { CLOSING } from './closed-after-loop.js';
import { UNDOES_FAILED } from '../unusable-context/failure-branch.js';

/** A method named for stopping its value: `Close`, `Stop`, `Shutdown`, `Disconnect`… */
export const STOPS = /^(Close|Stop|Shutdown|Teardown|Terminate|Destroy|Drain|Disconnect)\w*$/i;

/**
 * The call is a clean-up (\`db.Close(context.Background())\`, or a name of the clean-up list) and the
 * context in scope is a receiver's field whose cancel, kept in a field beside it, a method of the
 * type named for stopping calls (\`s.cancel()\` in \`Store.Close\`): the clean-up is meant to run
 * however the work around it ends, and given that field it would fail at once exactly when the
 * value shuts down (litestream's \`Store.RegisterDB\` closing a duplicate DB, its final sync cut
 * short). The cancel call and the stopping method, e.g. \`s.cancel() in Store.Close\`.
 */
export function cancelledByStop(given: Node | undefined, source: CancellationSource, index: PackageIndex): string | undefined {
  const callee = given?.childForFieldName('function')?.text ?? '';
  if (source.kind !== 'ctx-field' || !(CLOSING.test(callee) || UNDOES_FAILED.test(callee) || CLEANUP.test(callee) || deletionCommand(given))) return undefined;
  const typeName = receiverOf(source.fn)?.typeName;
  if (!typeName) return undefined;
  const cancels = cancelFields(typeName, source.expr.slice(source.expr.lastIndexOf('.') + 1), index);
  if (cancels.length === 0) return undefined;
  for (const method of index.methodsWhere(typeName, (decl) => cancels.some((c) => decl.includes(`.${c}(`)))) {
    const recv = receiverOf(method.node)?.name;
    if (!recv || !STOPS.test(method.name)) continue;
    const body = method.node.childForFieldName('body')?.text ?? '';
    const cancel = cancels.find((c) => new RegExp(`(?<![\\w.])${recv}\\.${c}\\(\\)`).test(body));
    if (cancel) return `${recv}.${cancel}() in ${typeName}.${method.name}`;
  }
  return undefined;
}

/**
 * The fields of the type that cancel its context: typed \`context.CancelFunc\`, a \`func()\` named
 * for cancelling (litestream's \`cancel func()\`), or set beside the context field
 * (\`s.ctx, s.cancel = context.WithCancel(…)\`).
 */
function cancelFields(typeName: string, ctxField: string, index: PackageIndex): string[] {
  const fields = index.fieldsOf(typeName);
  const beside = new RegExp(`\\b(\\w+)\\.${ctxField}\\s*,\\s*\\1\\.(\\w+)\\s*=\\s*\\w+\\.With(Cancel|Timeout|Deadline)`, 'g');
  const paired = new Set(index.allTexts().flatMap((t) => [...t.matchAll(beside)].map((m) => m[2])));
  return fields
    .filter((f) => /(^|\.)Cancel(Cause)?Func$/.test(f.type) || (/^func\(\s*\)$/.test(f.type.trim()) && /cancel/i.test(f.name)) || paired.has(f.name))
    .map((f) => f.name);
}
