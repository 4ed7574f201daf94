import { same, type Node } from '../../../src/go/syntax.js';

/** `pprof.WithLabels(…)`, `pprof.Do(…)` or `pprof.SetGoroutineLabels(…)` when `call` is the context it is given, as written up to its paren. */
export function labelsBase(call: Node): string | undefined {
  const list = call.parent;
  const fn = list?.type === 'argument_list' && same(list.namedChildren[0], call) ? list.parent?.childForFieldName('function')?.text : undefined;
  return fn && /^pprof\.(WithLabels|Do|SetGoroutineLabels)$/.test(fn) ? `${fn}()` : undefined;
}
