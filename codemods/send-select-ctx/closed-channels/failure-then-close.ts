import { ancestors, closedOnExit, contains, enclosingFunction, same, type Node } from '../../../src/go/syntax.js';

/**
 * A send in the branch of `if err != nil` (`if err := scanner.Err(); err != nil`) whose value is
 * the error or built from it (`err`, `"ERROR: scan: " + err.Error()`, `fmt.Sprintf("…: %v", err)`,
 * `result{err: err}`), on a channel the function closes on its way out (`defer close(c)`, its own
 * defer): skipped, it leaves the reader only the close, read as a clean end, and the failure is
 * lost (kratos' jsonnet worker: truncated output passed for success). The test, the value and
 * the close.
 */
export function failureThenClose(send: Node): { test: string; value: string; close: string } | undefined {
  const fn = enclosingFunction(send);
  const value = send.childForFieldName('value');
  if (!fn || !value) return undefined;
  const chan = send.childForFieldName('channel')!.text.replace(/\s/g, '');
  const close = closedOnExit(fn).find((c) => c.text.replace(/\s/g, '') === chan);
  if (!close) return undefined;
  for (const a of ancestors(send)) {
    if (same(a, fn)) break;
    const consequence = a.type === 'if_statement' ? a.childForFieldName('consequence') : undefined;
    if (!consequence || !contains(consequence, send)) continue;
    const cond = a.childForFieldName('condition')!;
    const tested = /^(\w+)!=nil(&&.*)?$/.exec(cond.text.replace(/\s/g, ''))?.[1];
    if (!tested || !/err/i.test(tested)) continue;
    // Not a field's name (`err:` of `result{err: e}`).
    const isKey = (id: Node) => id.parent?.type === 'literal_element' && id.parent.parent?.type === 'keyed_element' && same(id.parent.parent.namedChild(0), id.parent);
    const uses = value.type === 'identifier' ? [value] : value.descendantsOfType('identifier');
    if (uses.some((id) => id.text === tested && !isKey(id))) return { test: `if ${cond.text}`, value: value.text, close: `close(${close.text})` };
  }
  return undefined;
}
