import { receiverOf } from '../../src/go/declarations.js';
import { regexEscaped } from '../../src/go/find-by-text.js';
import type { PackageIndex } from '../../src/go/package-index.js';
import { ancestors, enclosingFunction, firstLine, type Node } from '../../src/go/syntax.js';

// A goroutine that ends by storing its outcome in a field a loop of the package polls for: named
// for what it does or not (`c.fill(spec)`), the store is how the goroutine tells its end.

/**
 * The goroutine's last statement calls a method of the package (`c.fill(loadKernelSpec())`) whose
 * body assigns a field of its receiver (`c.kernelTypes = s`), and a `for` loop of the package waits
 * for that field: reads it, directly or through a method of the type reading it (`c.kernel()`),
 * and sleeps (`time.Sleep`), or waits on a cond with the field in its condition
 * (`for c.spec == nil { c.cond.Wait() }`). cilium/ebpf's kernel-spec cache, variant: recovered,
 * a panic left WaitKernel polling forever where the crash used to make the failure seen. The call,
 * the field, and the poll's first line and function.
 */
export function polledOutcome(stmts: Node[], go: Node, index: PackageIndex): { call: string; field: string; poll: string; poller: string } | undefined {
  const last = stmts.filter((s) => s.type !== 'comment').at(-1);
  const call = last?.type === 'expression_statement' ? last.namedChild(0) : undefined;
  const fn = call?.type === 'call_expression' ? call.childForFieldName('function') : undefined;
  if (fn?.type !== 'selector_expression') return undefined;
  const name = fn.childForFieldName('field')!.text;
  // Called on the receiver of the method starting it, of that type; otherwise, only a name one type declares.
  const starter = ancestors(go).find((a) => a.type === 'method_declaration');
  const own = starter && receiverOf(starter)?.name === fn.childForFieldName('operand')!.text ? receiverOf(starter)!.typeName : undefined;
  const methods = index.functionsNamed(name, true).filter((m) => !own || receiverOf(m)?.typeName === own);
  if (new Set(methods.map((m) => receiverOf(m)?.typeName)).size !== 1) return undefined;
  for (const method of methods) {
    const recv = receiverOf(method);
    const body = method.childForFieldName('body')?.text ?? '';
    if (!recv?.name) continue;
    for (const set of body.matchAll(new RegExp(`(?<![\\w.])${regexEscaped(recv.name)}\\.(\\w+)\\s*=[^=]`, 'g'))) {
      const poll = pollOf(index, recv.typeName, set[1]);
      if (poll) return { call: `${fn.text}(…)`, field: `${recv.name}.${set[1]}`, ...poll };
    }
  }
  return undefined;
}

/** A `for` loop of the package waiting for the field of the type to be set: its first line and function's name. */
function pollOf(index: PackageIndex, typeName: string, field: string): { poll: string; poller: string } | undefined {
  const reads = new RegExp(`\\.${field}\\b(?!\\s*=[^=])`);
  // Methods of the type that read the field without setting it (`kernel()` returning c.kernelTypes).
  const getters = index.methodsWhere(typeName, (text) => reads.test(text) && !new RegExp(`\\.${field}\\s*=[^=]`).test(text)).map((m) => m.name);
  for (const wait of index.nodesMatching(/(?<![\w.])time\.Sleep\(|\.Wait\(\)/g)) {
    const loop = ancestors(wait).find((a) => a.type === 'for_statement');
    if (!loop) continue;
    // The field read by name in a method of the type; through a getter of it anywhere.
    const inType = ancestors(loop).some((a) => a.type === 'method_declaration' && receiverOf(a)?.typeName === typeName);
    const readsField = (text: string) => (inType && reads.test(text)) || getters.some((g) => new RegExp(`\\.${g}\\(`).test(text));
    const sleeps = wait.text.startsWith('time');
    const cond = loop.namedChildren.find((c) => c.type !== 'block' && c.type !== 'comment')?.text ?? '';
    if (sleeps ? !readsField(loop.text) : !readsField(cond)) continue;
    const fn = enclosingFunction(loop);
    const waitCall = sleeps ? 'time.Sleep(…)' : `${wait.parent?.text ?? ''}`;
    return { poll: cond ? `for ${firstLine(cond)} { … }` : `for { … ${waitCall} }`, poller: fn?.childForFieldName('name')?.text ?? 'a function' };
  }
  return undefined;
}
