import { calledName } from '../../src/go/called-functions.js';
import type { PackageIndex } from '../../src/go/package-index.js';
import { receiverOf } from '../../src/go/declarations.js';
import { firstLine, insideLiteral, onOwnPath, type Node } from '../../src/go/syntax.js';
import { beforeStart, startingFunction } from './waited-for.js';

// A mark the starter sets before the goroutine (a map entry, a flag, an in-flight count), cleared
// outside a defer in a function of the package the goroutine calls, one or more calls deep.

/** How many calls deep the goroutine's calls are followed. */
const DEPTH = 4;
/** At most this many names are looked up for one goroutine. */
const MOST_NAMES = 48;

type Kind = 'entry' | 'flag' | 'count' | 'value';
/** The marks set before the go statement, by the field they are set on: kind → the values set. */
type Marks = Map<string, Map<Kind, Set<string>>>;

/** A value a status or guard is set to: a literal, or a constant named so (`StatusRunning`, `job.Done`). */
const SETTLED = /^(true|false|\d+|"[^"\n]*"|`[^`\n]*`|(\w+\.)?[A-Z]\w*)$/;

/** Builtins, conversions and locks: calls doing no work of the program's that could panic. */
const NO_WORK = /^(len|cap|make|new|append|copy|min|max|delete|string|int\d*|uint\d*|byte|rune|bool|float\d+)$|\.(R?Lock|R?Unlock)$/;

/**
 * The marks the function starting the goroutine sets on fields before it: `h.running[id] = true`,
 * `b.busy.CompareAndSwap(false, true)`, `t.inflight.Add(1)`; and a flag a method of the package it
 * calls there swaps (`if c.updates.maybeBegin() {`, whose `l.state.CompareAndSwap(…)` marks the
 * work loop running: franz-go's metadata updates) or a map entry it sets (`c.reserve(id)`).
 */
function marksBefore(go: Node, index: PackageIndex): Marks {
  const marks: Marks = new Map();
  const add = (field: string, kind: Kind, value = '') => {
    const kinds = marks.get(field) ?? new Map<Kind, Set<string>>();
    marks.set(field, kinds.set(kind, (kinds.get(kind) ?? new Set()).add(value.trim())));
  };
  const text = beforeStart(go);
  const starter = startingFunction(go);
  const recv = starter?.type === 'method_declaration' ? receiverOf(starter)?.name : undefined;
  for (const m of text.matchAll(/[\w)\]]\.(\w+)\[[^\]\n]*\]\s*=(?!=)\s*([^\n;]+)/g)) add(m[1], 'entry', m[2]);
  for (const m of text.matchAll(/[\w)\]]\.(\w+)\.(LoadOrStore|Store)\(\s*[^,()\n]+,/g)) add(m[1], 'entry');
  for (const m of text.matchAll(flagSet('CompareAndSwap|Swap|Store'))) add(m[1] ?? m[2], 'flag');
  for (const name of new Set(Array.from(text.matchAll(/\.(\w+)\(/g), (m) => m[1]))) {
    const texts: string[] = [];
    index.functionsNamed(name, true, (decl) => (texts.push(decl), false));
    for (const m of texts.flatMap((t) => [...t.matchAll(flagSet('CompareAndSwap|Swap'))])) add(m[1] ?? m[2], 'flag');
    // Or, a method of the starter's own receiver, an entry it sets (`c.reserve(id)`, whose
    // `c.pending[id] = true` marks the request running: kraken's request cache).
    if (!recv || !new RegExp(`(?<![\\w.])${recv}\\.${name}\\(`).test(text)) continue;
    for (const m of texts.flatMap((t) => [...t.matchAll(/[\w)\]]\.(\w+)\[[^\]\n]*\]\s*=(?!=)\s*([^\n;]+)/g)])) add(m[1], 'entry', m[2]);
  }
  for (const m of text.matchAll(/[\w)\]]\.(\w+)(?:\.Add\(\s*1\s*\)|\.Inc\(\)|\+\+)|\batomic\.Add\w*\(\s*&[\w.]*\.(\w+)\s*,\s*1\s*\)/g)) add(m[1] ?? m[2], 'count');
  for (const m of text.matchAll(/[\w)\]]\.(\w+)\s*=(?!=)\s*([^\n;]+)/g)) if (SETTLED.test(m[2].trim()) && m[2].trim() !== 'false' && m[2].trim() !== '0') add(m[1], 'value', m[2]);
  return marks;
}

/** A flag set on a field by one of these atomic operations (`b.busy.CompareAndSwap(…)`, `atomic.StoreInt32(&r.running, …)`): the field's name in group 1 or 2. */
function flagSet(ops: string): RegExp {
  return new RegExp(`[\\w)\\]]\\.(\\w+)\\.(?:${ops})\\(|\\batomic\\.(?:${ops})\\w*\\(\\s*&[\\w.]*\\.(\\w+)\\s*,`, 'g');
}

const ENTRY = 'the entry for good (a job marked running, refused from then on as already running)';
const COUNT = 'the count raised for good (no more work started, or a drain waiting, while it is up)';

/** The field a selector names (`h.running` → `running`), or undefined for another expression. */
function fieldOf(n: Node | null | undefined): string | undefined {
  const e = n?.type === 'unary_expression' && n.childForFieldName('operator')?.text === '&' ? n.childForFieldName('operand') : n;
  return e?.type === 'selector_expression' ? e.childForFieldName('field')!.text : undefined;
}

/** What a statement of a callee undoes of the marks, as a reason says it, with what a skip would leave. */
function clearOf(n: Node, marks: Marks): { does: string; leaves: string } | undefined {
  const kinds = (target: Node | null | undefined) => marks.get(fieldOf(target) ?? '');
  if (n.type === 'call_expression') {
    const fn = n.childForFieldName('function')!;
    const args = n.childForFieldName('arguments')?.namedChildren ?? [];
    const text = n.text.replace(/\s/g, '');
    if (fn.text === 'delete' && kinds(args[0])?.has('entry')) return { does: `deletes from ${args[0].text}`, leaves: ENTRY };
    const on = fn.type === 'selector_expression' ? fn.childForFieldName('operand') : undefined;
    const method = fn.type === 'selector_expression' ? fn.childForFieldName('field')!.text : '';
    if (method === 'Delete' && kinds(on)?.has('entry')) return { does: `runs ${firstLine(n.text)}`, leaves: ENTRY };
    const unset = /^(false|0)$/.test(args.at(-1)?.text ?? '');
    // `again = !l.state.CompareAndSwap(state, stateUnstarted)`: the flag handed back, whatever the values.
    if (method === 'CompareAndSwap' && kinds(on)?.has('flag')) return { does: `runs ${n.text}`, leaves: 'the flag set for good (the work refused from then on as already running)' };
    if (unset && ((method === 'Store' && kinds(on)?.has('flag')) || (/^atomic\.Store\w*$/.test(fn.text) && kinds(args[0])?.has('flag')))) return { does: `runs ${n.text}`, leaves: 'the flag set for good (the work refused from then on as already running)' };
    if (((method === 'Add' && /\(-1\)$/.test(text)) || method === 'Dec') && kinds(on)?.has('count')) return { does: `lowers ${on!.text} (${n.text})`, leaves: COUNT };
    if (/^atomic\.Add\w*$/.test(fn.text) && /,-1\)$/.test(text) && kinds(args[0])?.has('count')) return { does: `lowers ${args[0].text.replace(/^&/, '')} (${n.text})`, leaves: COUNT };
    return undefined;
  }
  if (n.type === 'dec_statement' && kinds(n.namedChild(0))?.has('count')) return { does: `lowers ${n.namedChild(0)!.text} (${n.text})`, leaves: COUNT };
  if (n.type !== 'assignment_statement' || n.childForFieldName('left')?.namedChildCount !== 1) return undefined;
  const left = n.childForFieldName('left')!.namedChild(0)!;
  const value = n.childForFieldName('right')?.namedChild(0)?.text ?? '';
  if (!SETTLED.test(value)) return undefined;
  const entry = left.type === 'index_expression' ? kinds(left.childForFieldName('operand'))?.get('entry') : undefined;
  if (entry && entry.size > 0 && ![...entry].some((v) => v === value || v === '')) return { does: `sets ${left.text} = ${value}`, leaves: `the entry at ${[...entry][0]} for good (the work taken from then on as still running)` };
  const set = kinds(left)?.get('value');
  if (set && !set.has(value)) return { does: `sets ${left.text} = ${value}`, leaves: `${left.text} at ${[...set][0]} for good (the work taken from then on as still running)` };
  return undefined;
}

/** Statements and calls of a body that run on its own path: not deferred, not started apart, not in a literal. */
function ownNodes(body: Node): Node[] {
  return body
    .descendantsOfType(['call_expression', 'assignment_statement', 'dec_statement'])
    .filter((n) => onOwnPath(n, body));
}

/** A call doing work of the program's, which could panic. */
function works(n: Node): boolean {
  return n.type === 'call_expression' && !NO_WORK.test(n.childForFieldName('function')?.text ?? '');
}

/** A call as a reason shows it: its first line, a long one's arguments left out. */
function shown(call: Node): string {
  return call.text.includes('\n') || call.text.length > 60 ? `${call.childForFieldName('function')!.text}(…)` : call.text;
}

/**
 * A mark the function starting the goroutine sets on a field before it (an entry of a map, a
 * flag swapped, a count raised, a status), undone after some work, outside a defer, in a function
 * of the package the goroutine calls, one or more calls deep (`h.finishRefresh(userID)`, which
 * deletes from `h.running`, after `h.refreshUserFeeds` in its caller: a miniflux variant's
 * per-user refresh guard, recovered, answered "already running" for good). Why, as a refusal's
 * reason.
 */
export function clearInCallee(undeferred: Node[], go: Node, body: Node, index: PackageIndex): string | undefined {
  const marks = marksBefore(go, index);
  if (marks.size === 0) return undefined;
  const own = ownNodes(body);
  type Step = { fn: Node; workBefore: boolean; in?: string };
  let level: Step[] = undeferred
    .filter((f) => !insideLiteral(f, body))
    .map((f) => ({ fn: f, workBefore: own.some((n) => works(n) && n.endIndex <= f.startIndex) }));
  const seen = new Set<string>();
  for (let depth = 0; depth < DEPTH && level.length > 0; depth++) {
    const next: Step[] = [];
    for (const step of level) {
      const named = calledName(step.fn);
      const key = named && `${named.method ? '.' : ''}${named.name}`;
      if (!named || seen.has(key!) || seen.size >= MOST_NAMES) continue;
      seen.add(key!);
      for (const decl of index.functionsNamed(named.name, named.method)) {
        const callee = decl.childForFieldName('body');
        if (!callee) continue;
        let workSeen = step.workBefore;
        for (const n of ownNodes(callee)) {
          const clear = workSeen ? clearOf(n, marks) : undefined;
          if (clear) return reason(step, clear, go);
          if (n.type === 'call_expression') next.push({ fn: n.childForFieldName('function')!, workBefore: workSeen, in: `${named.name}()` });
          if (works(n)) workSeen = true;
        }
      }
    }
    level = next;
  }
  return undefined;
}

function reason(step: { fn: Node; in?: string }, clear: { does: string; leaves: string }, go: Node): string {
  const starter = startingFunction(go)?.childForFieldName('name')?.text ?? 'the function starting it';
  const reached = step.in ? `which the goroutine reaches (in ${step.in})` : 'which the goroutine calls';
  return `${shown(step.fn.parent!)}, ${reached}, ${clear.does} outside a defer, undoing what ${starter} set before starting it: a panic before it, recovered, would skip it and leave ${clear.leaves} where the process used to crash`;
}
