import { loopShape, loopStatement } from '../../src/go/loops.js';
import { declarationOf } from '../../src/go/scope.js';
import { unparen } from '../../src/go/syntax.js';
import type { Spawn } from './detect.js';
import { spawnedFunction } from './detect.js';

/**
 * `for d := range deliveries` over what an AMQP channel's `Consume`/`ConsumeWithContext` gave,
 * after the function set that channel's prefetch (`sub.Qos(t.qos, 0, false)`, not 0), with each
 * goroutine acknowledging its delivery (`Ack`, `Nack`, `Reject`): the broker sends no more than
 * the prefetch of unacknowledged deliveries, so no more goroutines than that run at once. Bounded
 * already, by the broker (hatchet's queue consumers: a bound of GOMAXPROCS cut the throughput of
 * handlers waiting on a database 27-fold).
 */
export function boundedByPrefetch(spawn: Spawn): boolean {
  const loop = spawn.loops[0];
  const over = loopShape(loop).over;
  if (over?.type !== 'identifier') return false;
  const found = declarationOf(over.text, loopStatement(loop));
  const value = found && 'local' in found && found.local.value ? unparen(found.local.value) : undefined;
  const consume = value?.type === 'call_expression' ? value.childForFieldName('function') : undefined;
  if (consume?.type !== 'selector_expression' || !/^Consume(WithContext)?$/.test(consume.childForFieldName('field')?.text ?? '')) return false;
  const channel = consume.childForFieldName('operand')!.text;
  const qos = spawn.fn
    .descendantsOfType('call_expression')
    .find((c) => c.endIndex <= value!.startIndex && c.childForFieldName('function')?.text === `${channel}.Qos` && c.childForFieldName('arguments')?.namedChildren[0]?.text !== '0');
  const body = spawnedFunction(spawn.go);
  const acks = body?.type === 'func_literal' && /\.(Ack|Nack|Reject)\(/.test(body.text);
  return !!qos && acks;
}
