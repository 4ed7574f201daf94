import type { CancellationSource } from '../../../src/go/cancellation.js';
import { regexEscaped } from '../../../src/go/find-by-text.js';
import { ancestors, contains, same, type Node } from '../../../src/go/syntax.js';

// A call in a function literal handed to a connection wrapper (`b.WithFilerClient(false, func(client
// filer_pb.SeaweedFilerClient) error { … })`, `WithGrpcClient`, `withConn`) that is not handed the
// context in scope: the wrapper runs the literal on a connection it keeps, with a context of its
// own, and reads the literal's error to judge that connection. Given the caller's context, a
// caller giving up would look like a broken connection, closed under every other caller
// (seaweedfs' broker, whose FindBrokerLeader, cancelled, closed the filer connection the other
// RPCs shared).

/** A wrapper named for running code with a client or connection. */
const WRAPPER = /(^|\.)[Ww]ith\w*(Client|Conn|Connection|Session|Channel)$/;

/** Why the call keeps its empty context: the reason, in full. */
export function inConnectionWrapper(call: Node, source: CancellationSource): string | undefined {
  for (const literal of ancestors(call).filter((a) => a.type === 'func_literal')) {
    if (!contains(source.fn, literal) || same(literal, source.fn)) break;
    const given = literal.parent?.type === 'argument_list' ? literal.parent.parent : undefined;
    const callee = given?.type === 'call_expression' ? given.childForFieldName('function')?.text ?? '' : '';
    if (!WRAPPER.test(callee)) continue;
    const args = given!.childForFieldName('arguments')!.namedChildren;
    if (args.some((a) => !same(a, literal) && new RegExp(`(?<![\\w.])${regexEscaped(source.expr)}\\b`).test(a.text))) return undefined;
    return `the call is in a function literal handed to ${callee}(…), not given ${source.expr}: it runs the literal on a connection it keeps, with a context of its own, and reads the literal's error to judge that connection; given ${source.expr}, a caller giving up would look like a broken connection, closed under every other caller`;
  }
  return undefined;
}
