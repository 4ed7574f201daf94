import { declarationOf } from '../../../src/go/scope.js';
import { unparen, type Node } from '../../../src/go/syntax.js';
import type { PackageIndex } from '../../../src/go/package-index.js';
import { zeroValue } from '../../../src/go/results.js';

/**
 * What a receive from a closed channel hands its reader, for a reason's words: `a nil error`,
 * `""`, `false`, by the element type the channel's declaration (`make(chan string)`, a parameter
 * `out chan<- string`) gives; `fallback` when the code does not say (ooni's address tee, a `chan
 * string`, was said to leave "a nil error").
 */
export function zeroRead(chan: Node, index: () => PackageIndex, fallback: string): string {
  const elem = chan.type === 'identifier' ? elementType(chan) : undefined;
  if (!elem) return fallback;
  if (elem.text === 'error') return 'a nil error';
  const zero = zeroValue(elem, index());
  return zero === undefined ? fallback : `${zero}, for a chan ${elem.text}`;
}

function elementType(chan: Node): Node | undefined {
  const found = declarationOf(chan.text, chan);
  let type: Node | null | undefined;
  if (found && 'param' in found) type = found.param.typeNode;
  else if (found && 'local' in found) {
    type = found.local.typeNode;
    const value = !type && found.local.value ? unparen(found.local.value) : undefined;
    if (value?.type === 'call_expression' && value.childForFieldName('function')?.text === 'make') {
      type = value.childForFieldName('arguments')?.namedChildren[0];
    }
  }
  return type?.type === 'channel_type' ? type.childForFieldName('value') ?? undefined : undefined;
}
