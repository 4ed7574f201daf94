import type { CancellationSource } from '../../../src/go/cancellation.js';
import { regexEscaped } from '../../../src/go/find-by-text.js';
import type { PackageIndex } from '../../../src/go/package-index.js';
import { paramsOf } from '../../../src/go/scope.js';

/**
 * For a context parameter `source`: its function is a poll condition (`func (p *poller) poll(ctx
 * context.Context) (bool, error)`) the package hands to a poller (`wait.PollUntilContextTimeout(
 * context.TODO(), interval, p.MaxTime, true, p.poll)`). A poller may run it once more when its
 * deadline has passed (the first try of an immediate poll, the last one), and the empty context
 * inside is what lets that try count; given the poll's context, it would fail at once
 * (controller-runtime's envtest, its webhooks found by a last lookup reported as a timeout). The
 * reason, or undefined.
 */
export function pollCondition(source: CancellationSource, index: PackageIndex): string | undefined {
  if (source.kind !== 'ctx-param') return undefined;
  const name = source.fn.childForFieldName('name')?.text;
  const results = source.fn.childForFieldName('result')?.text.replace(/\b\w+\s+(?=bool|error)/g, '').replace(/\s/g, '');
  if (paramsOf(source.fn).length !== 1 || results !== '(bool,error)') return undefined;
  // A condition written in place (`wait.PollUntilContextTimeout(ctx, 2*time.Second, Timeout(),
  // true, func(ctx context.Context) (bool, error) { … })`): its context ends with the poll's own
  // timeout, meant for the waiting (vcluster's wait for its pod, whose crash logs, read inside with
  // the empty context, were lost to that timeout).
  const call = source.fn.type === 'func_literal' && source.fn.parent?.type === 'argument_list' ? source.fn.parent.parent : undefined;
  const inPlace = call?.type === 'call_expression' ? call.childForFieldName('function')?.text : undefined;
  if (inPlace && /(^|\.)\w*(Poll|Until|Retry|Wait)\w*$/.test(inPlace)) {
    return `${source.expr} is the context ${inPlace} hands the condition written in place, ending with the poll's own timeout, meant for the waiting: given it, the call would stop when the waiting times out (or fail at once on a last try past the deadline), where the empty context let it finish`;
  }
  if (!name) return undefined;
  const handed = new RegExp(`\\b\\w*(Poll|Until|Retry|Wait)\\w*\\([^\\n]*[\\s,(](?:\\w+\\.)?${regexEscaped(name)}\\s*\\)`);
  const text = index.allTexts().find((t) => handed.test(t));
  const poller = text ? handed.exec(text)![0] : undefined;
  return poller ? `${name} is a poll condition, handed to a poller (${poller}): a poller may run it once more when its deadline has passed (the first try of an immediate poll, or the last), and given ${source.expr}, the poll's context, that try would fail at once where the empty context let it count` : undefined;
}
