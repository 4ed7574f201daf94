import type { PackageIndex } from '../../src/go/package-index.js';
import { declarationOf, selectedField } from '../../src/go/scope.js';
import { contains, enclosingFunction, firstLine, type Node } from '../../src/go/syntax.js';

// Marks others read, set last by a goroutine after its work, outside a defer: an entry of a
// sync.Map the package loads (`r.segments.Store(name, true)`, polled by `Load(name)`), or a state
// field the package loads atomically (`atomic.StoreInt32(&j.state, 2)`). A recovered panic in the
// work would skip the mark.

/** A field holding the work's state: `state`, `status`. */
const STATE_FIELD = /^(state|status)$/i;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The call of a statement that is a call alone, else undefined. */
function callOf(st: Node): Node | undefined {
  const call = st.type === 'expression_statement' ? st.namedChild(0) : undefined;
  return call?.type === 'call_expression' ? call : undefined;
}

/** Whether a type's text is sync.Map or a pointer to one. */
const isSyncMap = (type: string | undefined) => !!type && /^\*?sync\.Map$/.test(type.replace(/\s/g, ''));

/**
 * `m.Store(k, v)`, `m.LoadOrStore(k, v)` or `m.Swap(k, v)` on a sync.Map, a field (read with
 * `.field.Load(`/`.Range(` somewhere in the package) or a captured local or parameter (read so in
 * the function declaring it): how the package reads it, `m.Load` or `m.Range`.
 */
function syncMapMarked(call: Node, literal: Node, index: PackageIndex): string | undefined {
  const fn = call.childForFieldName('function')!;
  if (fn.type !== 'selector_expression' || !/^(Store|LoadOrStore|Swap)$/.test(fn.childForFieldName('field')!.text)) return undefined;
  const map = fn.childForFieldName('operand')!;
  if (map.type === 'selector_expression') {
    const field = selectedField(map, index);
    if (!field || !isSyncMap(field.type)) return undefined;
    const read = ['Load', 'Range'].find((m) => index.anyTextMatches(new RegExp(`\\.${escape(field.name)}\\.${m}\\(`)));
    return read && `${map.text}.${read}`;
  }
  if (map.type !== 'identifier') return undefined;
  const found = declarationOf(map.text, map);
  if (!found) return undefined;
  const decl = 'local' in found ? found.local.decl : found.param.fn;
  if (contains(literal, decl)) return undefined;
  const typed = 'param' in found ? isSyncMap(found.param.typeNode.text) : isSyncMap(found.local.typeNode?.text) || /^(&?sync\.Map\{\s*\}|new\(sync\.Map\))$/.test(found.local.value?.text ?? '');
  const around = 'param' in found ? found.param.fn : enclosingFunction(decl);
  const read = around && ['Load', 'Range'].find((m) => new RegExp(`(^|[^\\w.])${escape(map.text)}\\.${m}\\(`).test(around.text));
  return typed && read ? `${map.text}.${read}` : undefined;
}

/** An atomic store to a field named `state` or `status` the package loads atomically: the field. */
function stateStored(call: Node, index: PackageIndex): string | undefined {
  const fn = call.childForFieldName('function')!.text;
  const field = /^atomic\.Store\w*$/.test(fn) ? call.childForFieldName('arguments')?.namedChildren[0]?.text.replace(/^&\s*/, '') : /^([\w.]+)\.Store$/.exec(fn)?.[1];
  const name = field?.includes('.') ? field.split('.').pop()! : undefined;
  if (!name || !STATE_FIELD.test(name)) return undefined;
  const e = escape(name);
  return index.anyTextMatches(new RegExp(`atomic\\.Load\\w*\\(\\s*&[\\w.()\\[\\]]*\\.${e}\\s*\\)|\\.${e}\\.Load\\(\\)`)) ? field : undefined;
}

/**
 * The goroutine's own statements ending, after its work (`firstWork`, an index into `own`) and
 * outside a defer, with a store to an entry of a sync.Map the package reads (livego's recorder:
 * `r.segments.Store(name, true)`, which WaitSegment polls with `Load(name)`; recovered, a panic in
 * the flush left the segment unmarked and WaitSegment waiting for good), or an atomic store to a
 * state field the package loads. Why, as a refusal's reason.
 */
export function markReadAfterWork(own: Node[], firstWork: number, literal: Node, index: PackageIndex): string | undefined {
  if (firstWork < 0) return undefined;
  for (let i = own.length - 1; i > firstWork; i--) {
    const call = callOf(own[i]);
    if (!call) return undefined;
    const line = `${firstLine(call.text)} (line ${call.startPosition.row + 1})`;
    const read = syncMapMarked(call, literal, index);
    if (read) return `the goroutine ends with ${line}, marking an entry of a sync.Map the package reads (${read}), outside a defer after its work: recovered, a panic in the work would skip it, and the entry would never be stored, telling its readers the work still runs (one polling ${read} for it would wait for good) where the process used to crash`;
    const state = stateStored(call, index);
    if (state) return `the goroutine ends with ${line}, a state field the package loads (${state}), outside a defer after its work: recovered, a panic in the work would skip it, and ${state} would keep its old value, telling its readers the work still runs, where the process used to crash`;
  }
  return undefined;
}
