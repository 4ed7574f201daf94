import { declarationOf } from '../../../src/go/scope.js';
import type { Node } from '../../../src/go/syntax.js';

/**
 * A Prometheus collector's metric channel (`ch chan<- prometheus.Metric`, as `Collect` and the
 * collectors it calls are given it): the registry reads every metric until `Collect` returns, so
 * the send never waits on a reader that has gone, and a select would drop metrics once a
 * collection's context is done (a collection timeout). The parameter's type, if so.
 */
export function collectorMetricChannel(send: Node): string | undefined {
  const chan = send.childForFieldName('channel');
  if (chan?.type !== 'identifier') return undefined;
  const found = declarationOf(chan.text, send);
  const type = found && 'param' in found ? found.param.typeNode.text.replace(/\s+/g, ' ') : undefined;
  return type && /^(chan<- |chan )\w+\.Metric$/.test(type) && /^(chan<- |chan )prometheus\./.test(type) ? type : undefined;
}
