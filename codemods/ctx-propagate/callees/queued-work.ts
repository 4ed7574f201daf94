import type { PackageIndex } from '../../../src/go/package-index.js';
import { nameWords } from '../../../src/go/name-words.js';
import type { Node } from '../../../src/go/syntax.js';
import { unseenMethodGiven } from './unseen-method.js';

/** A method named for handing work to a queue: `Add`, `Push`, `Submit`, `Schedule`, `Dispatch`, `Put`, `Enqueue`, `Post`. */
const QUEUES_WORK = /^(Add|Push|Submit|Schedule|Dispatch|Put|Enqueue|Post)$/;

/**
 * A receiver named for a queue or what runs queued work: its last word (`c.queue`, `s.jobQueue`,
 * `workqueue`, `s.scheduler`, `d.dispatcher`, `p.workerPool`, `w.workers`), or `q` alone. Not
 * `wg`, `metrics`, `list`, `h`, nor `c.queueMetrics` (a metric of the queue, not the queue).
 */
const QUEUE_WORD = /^(\w*queues?|q|schedulers?|dispatchers?|pools?|workers?)$/i;

/**
 * The call the empty context is given to, when it is a method named for handing work to a queue
 * (QUEUES_WORK) called on a receiver named for one (QUEUE_WORD), and the package declares no
 * function or method of that name, so its body is code goconc cannot see: work handed to a queue
 * outlives the call that queued it, and runs with the context it was given (chasquid's
 * `c.queue.Add(context.Background(), …)`, whose delivery loop, started with the DATA command's
 * context, stopped once the client hung up, the mail accepted with 250 and never delivered). As
 * written up to its paren. Only for the parameter's or a local's context, as startsUnseen.
 */
export function queuedUnseen(call: Node, index: PackageIndex): string | undefined {
  return unseenMethodGiven(call, index, (name, fn) => {
    if (!QUEUES_WORK.test(name)) return false;
    const operand = fn.childForFieldName('operand')!;
    const receiver = operand.type === 'selector_expression' ? operand.childForFieldName('field')!.text : operand.type === 'identifier' ? operand.text : undefined;
    const last = receiver ? nameWords(receiver).at(-1) : undefined;
    return !!last && QUEUE_WORD.test(last);
  });
}
