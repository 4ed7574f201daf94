import type { FileContext } from '../../src/engine/types.js';
import { criticalSections, type CriticalSection } from '../../src/go/lock-regions.js';
import { receiverOf, type FieldDecl } from '../../src/go/declarations.js';
import type { Node } from '../../src/go/syntax.js';
import type { Rewrite } from './rewrites.js';
import { tearsDownOnly } from './tears-down.js';

/** A field a section may use and still be only waiting: a flag (a counter is data others read). */
const FLAG = /^bool$/;

/**
 * No fix, where a copy was planned, when another method of the type takes the same mutex only to
 * wait for whoever holds it (see waitsForHolder): the loop's calls hold the lock, so it waits for them.
 */
export function unlessWaitedFor(plan: Rewrite, typeName: string, cs: CriticalSection, ranged: FieldDecl, method: Node, ctx: FileContext): Rewrite {
  if (!plan.ok) return plan;
  const w = waitsForHolder(typeName, cs, ranged, method, ctx);
  if (!w) return plan;
  const after = w.close
    ? `(it could run ${w.close} while one still runs and uses what it closes)`
    : `(it could return, and its caller tear down what they use, while one still runs)`;
  return { ok: false, reason: `${w.name} also locks ${w.mutex} without touching ${w.recv}.${ranged.name} (${w.what}): it takes the lock to wait for what holds it, and unlocked before the calls, ${w.name} would no longer wait for them ${after}` };
}

/**
 * Another method of the type whose section under the same mutex (its write lock, when the loop
 * holds a read lock) is empty or only sets or tests flags of the receiver
 * (`s.stopped = true`; bool fields) that the loop's section does not read, calling
 * nothing and sending nothing: it holds the lock for no data, but to wait for, or keep out of,
 * whoever holds it — the loop's calls included (podman's shutdown Stop waited so for a running
 * handler; after a copy it returned mid-handler and its caller tore down what the handler used).
 */
function waitsForHolder(typeName: string, cs: CriticalSection, ranged: FieldDecl, method: Node, ctx: FileContext): { name: string; mutex: string; recv: string; what: string; close?: string } | undefined {
  const mutex = cs.mutex.slice(cs.recv.length);
  const index = ctx.packageIndex();
  const fields = index.fieldsOf(typeName);
  // What the loop's section reads, and what the receiver's methods it calls read (one call deep).
  const read = new Set([ranged.name, ...fieldsRead(cs.inside, cs.recv)]);
  for (const name of [...read]) {
    const callee = index.method(typeName, name);
    const recv = callee && receiverOf(callee.node)?.name;
    const body = callee?.node.childForFieldName('body');
    if (recv && body) fieldsRead([body], recv).forEach((f) => read.add(f));
  }
  for (const m of index.methodsWhere(typeName, (text) => /Lock\s*\(\s*\)/.test(text))) {
    if (m.name === method.childForFieldName('name')?.text) continue;
    for (const other of criticalSections(m.node, index)) {
      if (other.mutex.slice(other.recv.length) !== mutex || (cs.read && other.read)) continue;
      // Or, a wait-then-tear-down: it only closes what the loop's calls may use (resty's Close).
      const down = flagsUsed(other.inside, other.recv, fields) ? undefined : tearsDownOnly(other.inside, other.recv);
      if (down && ![...down.fields].some((f) => read.has(f))) {
        return { name: m.name, mutex: other.mutex, recv: other.recv, what: `its section only tears down ${[...down.fields].map((f) => `${other.recv}.${f}`).join(', ')}`, close: down.close };
      }
      const used = flagsUsed(other.inside, other.recv, fields);
      if (!used || [...used].some((f) => read.has(f))) continue;
      const what = used.size === 0 ? 'its section is empty' : `its section uses only ${[...used].map((f) => `${other.recv}.${f}`).join(', ')}`;
      return { name: m.name, mutex: other.mutex, recv: other.recv, what };
    }
  }
  return undefined;
}

/**
 * The receiver's flag fields the statements use (`s.stopped`), or undefined when they
 * do more: call or send anything, start a goroutine, or use the receiver otherwise (another field,
 * a method of it, itself handed on).
 */
function flagsUsed(stmts: Node[], recv: string, fields: FieldDecl[]): Set<string> | undefined {
  const used = new Set<string>();
  for (const s of stmts) {
    if (['call_expression', 'send_statement', 'go_statement', 'defer_statement', 'func_literal'].some((t) => s.type === t || s.descendantsOfType(t).length > 0)) return undefined;
    for (const id of s.type === 'identifier' ? [s] : s.descendantsOfType('identifier')) {
      if (id.text !== recv) continue;
      const sel = id.parent;
      if (sel?.type !== 'selector_expression' || sel.childForFieldName('operand')?.id !== id.id) return undefined;
      const name = sel.childForFieldName('field')!.text;
      const field = fields.find((f) => !f.embedded && f.name === name);
      if (!field || !FLAG.test(field.type)) return undefined;
      used.add(name);
    }
  }
  return used;
}

/** The names after the receiver in the statements (`s.handlers`, `s.stopped`, `s.notify` of `s.notify()`). */
function fieldsRead(stmts: Node[], recv: string): string[] {
  return stmts
    .flatMap((s) => [s, ...s.descendantsOfType('selector_expression')])
    .filter((sel) => sel.type === 'selector_expression' && sel.childForFieldName('operand')?.text === recv)
    .map((sel) => sel.childForFieldName('field')!.text);
}
