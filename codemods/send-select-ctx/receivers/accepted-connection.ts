import { declarationOf } from '../../../src/go/scope.js';
import { firstLine, type Node } from '../../../src/go/syntax.js';

/**
 * A connection the function accepted that the send hands on, as the value or a field of it
 * (`conns <- conn`, `ch <- acceptRes{conn: rawConn}` with `conn, err := l.Accept(ctx)`): the
 * receiver serves and closes it, and a send giving up would drop it unclosed, its client left
 * hanging. The name and the accept, e.g. `conn (conn, err := l.Accept(ctx), line 47)`.
 */
export function handsOnAcceptedConnection(send: Node): string | undefined {
  const value = send.childForFieldName('value');
  if (!value) return undefined;
  const names = value.type === 'identifier' ? [value] : value.descendantsOfType('identifier');
  for (const name of names) {
    const found = declarationOf(name.text, send);
    const decl = found && 'local' in found ? found.local.decl : undefined;
    if (decl && /\.Accept\w*\s*\(/.test(decl.childForFieldName('right')?.text ?? '')) {
      return `${name.text} (${firstLine(decl.text)}, line ${decl.startPosition.row + 1})`;
    }
  }
  return undefined;
}
