import { ancestors, type Node } from '../../../src/go/syntax.js';
import { givesSource } from './given-source.js';

/**
 * A send in a loop that takes its values from a stream opened with the source (`metricStream, err
 * := c.client.StreamRawMetrics(ctx, req)`, then `for { resp, e := metricStream.Recv(); … for _, m
 * := range resp.Metrics { metricsChan <- m } }`): once the source is done the stream ends, and the
 * loop with it by its own way out; a select would drop values already received that the reader
 * still takes (keda's raw metrics stream). The receive, as written.
 */
export function streamedWithSource(send: Node, contexts: string[]): string | undefined {
  for (const loop of ancestors(send).filter((a) => a.type === 'for_statement')) {
    const recv = loop.descendantsOfType('call_expression').find((c) => c.startIndex < send.startIndex && /\.Recv(Msg)?$/.test(c.childForFieldName('function')?.text ?? '') && givesSource(c, contexts));
    if (recv) return recv.text;
  }
  return undefined;
}
