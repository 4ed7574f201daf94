import { regexEscaped } from '../../../src/go/find-by-text.js';
import type { PackageIndex } from '../../../src/go/package-index.js';
import { ancestors } from '../../../src/go/syntax.js';

const MADE = String.raw`\w+\.With(?:Cancel|Timeout|Deadline)\w*\(`;

/**
 * Where `text` makes the context `ctx` with a cancel it keeps (`ctx, cancel :=
 * context.WithTimeout(…)`, not `ctx, _ :=`): the cancel's name, and the offset of the match.
 */
export function cancelMadeWith(ctx: string, text: string): { cancel: string; at: number } | undefined {
  const made = new RegExp(String.raw`\b${regexEscaped(ctx)}\s*,\s*(\w+)\s*:?=\s*${MADE}`).exec(text);
  return made && made[1] !== '_' ? { cancel: made[1], at: made.index } : undefined;
}

/**
 * The field of `typeName` holding the cancel function of its context field `field`: one assigned
 * from the same `context.WithCancel` (`c.ctx, c.cancel = context.WithCancel(…)`, or
 * `ctx, cancel := context.WithCancel(…)` then `&Client{ctx: ctx, cancel: cancel}` or `c.ctx = ctx;
 * c.cancel = cancel` in one function). Where the package sets the field nowhere goconc sees, the
 * field named after it (`ctx` → `cancel`, `streamCtx` → `streamCancel`) if the type declares it
 * as a context.CancelFunc. Undefined otherwise, or where the places setting the field disagree.
 */
export function pairedCancelField(typeName: string, field: string, index: PackageIndex): string | undefined {
  const f = regexEscaped(field);
  const found = new Set<string>();
  for (const text of index.allTexts()) {
    for (const m of text.matchAll(new RegExp(String.raw`\.${f}\s*,\s*[\w.]+\.(\w+)\s*:?=\s*${MADE}`, 'g'))) found.add(m[1]);
  }
  // `ctx, cancel := context.WithCancel(…)` in a function that keeps both in fields.
  const pair = new RegExp(String.raw`\b(\w+)\s*,\s*(\w+)\s*:?=\s*${MADE}`, 'g');
  const setsField = new RegExp(String.raw`(?<![\w.])${f}\s*:|\.${f}\s*=[^=]`);
  const makers = index.nodesMatching(new RegExp(pair.source, 'g'), () => 0, (decl) => setsField.test(decl));
  const seen = new Set<number>();
  for (const node of makers) {
    const fn = ancestors(node).find((a) => a.type === 'function_declaration' || a.type === 'method_declaration' || a.type === 'func_literal');
    if (!fn || seen.has(fn.startIndex)) continue;
    seen.add(fn.startIndex);
    for (const m of fn.text.matchAll(pair)) {
      const [ctxName, cancelName] = [regexEscaped(m[1]), regexEscaped(m[2])];
      const literal = new RegExp(String.raw`\b${regexEscaped(typeName)}\s*\{[^]*?(?<![\w.])${f}\s*:\s*${ctxName}\b`).test(fn.text);
      const assigned = new RegExp(String.raw`\.${f}\s*=\s*${ctxName}\s*$`, 'm').test(fn.text);
      if (!literal && !assigned) continue;
      const kept = literal
        ? new RegExp(String.raw`(?<![\w.])(\w+)\s*:\s*${cancelName}\s*[,}\n]`).exec(fn.text)?.[1]
        : new RegExp(String.raw`\.(\w+)\s*=\s*${cancelName}\s*$`, 'm').exec(fn.text)?.[1];
      if (kept) found.add(kept);
    }
  }
  if (found.size === 1) return [...found][0];
  if (found.size > 1 || index.allTexts().some((text) => setsField.test(text))) return undefined;
  return namedPair(typeName, field, index);
}

/** `ctx` → `cancel`, `fooCtx` → `fooCancel`, when the type declares that field as a cancel function. */
function namedPair(typeName: string, field: string, index: PackageIndex): string | undefined {
  const m = /^(\w*?)(ctx|Ctx|context|Context)$/.exec(field);
  if (!m) return undefined;
  const name = `${m[1]}${m[1] ? 'Cancel' : 'cancel'}`;
  const decl = index.fieldsOf(typeName).find((fd) => fd.name === name);
  return decl && /^(\w+\.CancelFunc|\w+\.CancelCauseFunc|func\(\))$/.test(decl.type.replace(/\s/g, '')) ? name : undefined;
}
