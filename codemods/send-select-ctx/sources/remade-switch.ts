import type { CancellationSource } from '../../../src/go/cancellation.js';
import { receiverOf } from '../../../src/go/declarations.js';
import { regexEscaped } from '../../../src/go/find-by-text.js';
import type { FileContext } from '../../../src/engine/types.js';

/**
 * A done-channel field that a method of the same type makes anew on its receiver (`r.stop =
 * make(chan struct{})` in `StartTicker`), not a constructor (`New…`): the switch of one start,
 * thrown by its stop, and nil before the first. A send selecting on it would give up whenever that
 * start is stopped, while callers outside it still wait for the value (tyk's reload machinery:
 * manual ticks after StopTicker were dropped). The method and the assignment, e.g.
 * `StartTicker() (r.stop = make(chan struct{}))`.
 */
export function remadeByMethod(source: CancellationSource, ctx: FileContext): string | undefined {
  const typeName = source.kind === 'done-field' ? receiverOf(source.fn)?.typeName : undefined;
  if (!typeName) return undefined;
  const field = source.expr.slice(source.expr.lastIndexOf('.') + 1);
  const made = new RegExp(`(?<![\\w.])(\\w+)\\.${regexEscaped(field)}\\s*=\\s*make\\(\\s*chan\\b[^\\n]*`, 'g');
  for (const text of ctx.packageIndex().allTexts()) {
    for (const m of text.matchAll(made)) {
      // The method it is in (the last `func` line before it), on a receiver of the type, named as assigned.
      const at = text.lastIndexOf('\nfunc ', m.index!);
      const header = at < 0 ? undefined : /^\nfunc\s+\(\s*(\w+)\s+\*?\s*(\w+)\s*\)\s*(\w+)/.exec(text.slice(at, at + 200));
      if (header && header[1] === m[1] && header[2] === typeName && !/^[nN]ew/.test(header[3])) return `${header[3]}() (${m[0].trim()})`;
    }
  }
  return undefined;
}
