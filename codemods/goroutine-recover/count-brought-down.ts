import type { PackageIndex } from '../../src/go/package-index.js';
import { calledName } from '../../src/go/called-functions.js';
import { regexEscaped } from '../../src/go/find-by-text.js';
import { firstLine, LOG_CALL, onOwnPath, type Node } from '../../src/go/syntax.js';
import { withoutDeferred } from './skipped-work.js';

// A goroutine ending, after its work and outside a defer, with a call of a function or method of
// the package that brings down an atomic count the package reads elsewhere (`p.decrWaitsAndIncrRecvs()`,
// whose `p.wrCounter.Add(decrLoIncrHi)` lowers the waits `_background` polls in `for p.loadWaits()
// != 0`: valkey-go's abandoned Do, a variant with a user hook run first). Recovered, a panic in the
// work would skip it: the count would stay up and its waiters (a Close) wait for good.

/** An atomic add in a function's text, outside a defer: the counter, as written, and the add. */
const ATOMIC_ADD = /\b([\w.]+)\.Add\(\s*([^()\n]*(?:\([^()\n]*\))?)\s*\)|\batomic\.Add(?:U?Int(?:32|64)|Uintptr)\(\s*&?([\w.]+)\s*,\s*([^()\n]*(?:\([^()\n]*\))?)\s*\)/g;

/** Whether an added value lowers the count: negative (`-1`), a complement (`^uint64(0)`), or a constant of the package so declared or named (`decrLo`). */
function lowers(value: string, fnName: string, index: PackageIndex): boolean {
  const v = value.trim();
  if (/^-/.test(v) || /^\^/.test(v)) return true;
  if (!/^\w+$/.test(v)) return false;
  if (/^dec/i.test(v) || index.anyTextMatches(new RegExp(`\\b${v}\\s*(\\w+\\s*)?=\\s*(-|\\^)`))) return true;
  // Named for it by the function that adds it (`decrWaits`), given a constant, not a literal.
  return /^dec(r|rement)?([A-Z_]|$)/.test(fnName) && !/^\d/.test(v);
}

/** In the function's text, outside a defer: the add lowering a count the package reads (`.Load()`), with the counter. */
function countDownIn(text: string, fnName: string, index: PackageIndex): { add: string; counter: string } | undefined {
  for (const m of withoutDeferred(text).matchAll(ATOMIC_ADD)) {
    const counter = m[1] ?? m[3];
    const field = counter.split('.').pop()!;
    if (!counter.includes('.') && !m[3]) continue;
    if (!lowers(m[2] ?? m[4], fnName, index)) continue;
    const f = regexEscaped(field);
    if (!index.anyTextMatches(new RegExp(`\\.${f}\\.Load\\(\\)|atomic\\.Load\\w*\\(\\s*&[\\w.]*\\b${f}\\s*\\)`))) continue;
    return { add: m[0], counter };
  }
  return undefined;
}

/** Why a goroutine ending with such a call must not be recovered, if so. */
export function countBroughtDownLast(stmts: Node[], body: Node, index: PackageIndex): string | undefined {
  const last = stmts.filter((s) => s.type !== 'comment').at(-1);
  const call = last?.type === 'expression_statement' ? last.namedChild(0) : undefined;
  if (call?.type !== 'call_expression') return undefined;
  const named = calledName(call.childForFieldName('function')!);
  if (!named) return undefined;
  // After some work of its own (a call, a log's aside).
  const worked = body.descendantsOfType('call_expression').some((c) => c.endIndex <= call.startIndex && onOwnPath(c, body) && !LOG_CALL.test(c.childForFieldName('function')?.text ?? ''));
  if (!worked) return undefined;
  for (const decl of index.functionsNamed(named.name, named.method)) {
    const found = countDownIn(decl.text, named.name, index);
    if (found) return `the goroutine ends with ${firstLine(call.text)} (line ${call.startPosition.row + 1}), which brings down ${found.counter} (${found.add}), a count others wait on, outside a defer: after a recovered panic it would stay up and its waiters wait for good where the process used to crash`;
  }
  return undefined;
}
