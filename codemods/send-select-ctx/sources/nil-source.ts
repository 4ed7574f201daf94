import type { FileContext } from '../../../src/engine/types.js';
import type { CancellationSource } from '../../../src/go/cancellation.js';
import { fieldMayBeNil } from '../../../src/go/composite-literals.js';
import { testTextsBeside } from '../../../src/go/module-packages.js';
import { caseReceiving } from '../../../src/go/receive-shapes.js';
import { ancestors, same, type Node } from '../../../src/go/syntax.js';

/**
 * Why a context parameter or field may be nil where the send runs, if it may: the method only
 * hands it to a call (not the context package's) that makes its own context of it
 * (`ctx := option.buildContext(o.parent)`), or, for a field, the package builds the type without
 * it (`&ObservableImpl{iterable: it}`) and never sets it later (RxGo, where `o.parent` is often nil),
 * or tests it against nil. Not where the send is in a case of a select that also waits on
 * `<-source.Done()`: a select calls every case's Done() first, and a nil context would have
 * panicked there already (prysm's sync loops).
 */
export function mayBeNil(source: CancellationSource, ctx: FileContext, send: Node): string | undefined {
  if (source.kind !== 'ctx-field' && source.kind !== 'ctx-param') return undefined;
  if (inSelectOnDone(send, source)) return undefined;
  const expr = source.expr.replace(/[.]/g, '\\.');
  // A context by its name (`ctx`, `opCtx`, `context`) made by a call given the source.
  // Not the source made again under its own name (`ctx = trace.ContextWithSpan(ctx, span)`).
  const wrap = new RegExp(`(?<![\\w.])(ctx|\\w*Ctx|context)\\s*:?=\\s*([\\w.]+)\\([^()\\n]*\\b${expr}\\b(?!\\.)[^()\\n]*\\)`, 'g');
  const wrapped = [...source.fn.text.matchAll(wrap)].find((m) => m[1] !== source.expr && !/^\w+\.With\w*$/.test(m[2]))?.[0];
  const what = source.kind === 'ctx-field' ? 'field' : 'parameter';
  if (wrapped) return `the function reads ${source.expr} into ${wrapped} and uses that instead: the ${what} may be nil`;
  // Or the package tests the field against nil (`if client.Context != nil { req = req.WithContext(
  // client.Context) }`: gophercloud's provider client, whose constructor leaves it unset).
  const tested = source.kind === 'ctx-field' ? new RegExp(`(?<![\\w.])${expr}\\s*[!=]=\\s*nil\\b`) : undefined;
  const test = tested ? ctx.packageIndex().allTexts().map((t) => tested.exec(t)?.[0]).find(Boolean) : undefined;
  if (test) return `the package tests the field against nil (${test}): it may be unset`;
  const unset = fieldMayBeNil(source, ctx.packageIndex());
  if (unset) return `the package builds ${unset.typeName} without ${unset.field} (${unset.literal}), and the function building it does not set it: the field may be nil, at least until another method sets it`;
  // Or its tests do (velero's micro services, built bare to drive their callbacks): they would panic where the send waited.
  const inTests = ctx.path.endsWith('_test.go') ? undefined : fieldMayBeNil(source, ctx.packageIndex(), false, testTextsBeside(ctx.path));
  return inTests ? `the package's tests build ${inTests.typeName} without ${inTests.field} (${inTests.literal}), and do not set it: the field is nil under those tests, where the send used to wait` : undefined;
}

/** Whether `send` is in a case of a select (of its own function) that has a case `<-source.Done()`. */
function inSelectOnDone(send: Node, source: CancellationSource): boolean {
  for (const a of ancestors(send)) {
    if (same(a, source.fn) || a.type === 'func_literal') return false;
    if (a.type === 'communication_case' && a.parent?.type === 'select_statement' && caseReceiving(a.parent, `<-${source.expr}.Done()`)) return true;
  }
  return false;
}
