import type { FileContext } from '../../src/engine/types.js';
import { callsHanding } from '../../src/go/called-functions.js';
import { loopShape, loopStatement } from '../../src/go/loops.js';
import type { PackageIndex } from '../../src/go/package-index.js';
import { declarationOf } from '../../src/go/scope.js';
import { contains, enclosingFunction, type Node } from '../../src/go/syntax.js';
import type { Spawn } from './detect.js';
import { spawned } from './goroutine-bodies.js';

/**
 * A loop over a slice of functions its function is given (`runTasks(tasks []func())`, each
 * goroutine calling its item), where a caller in the package hands it a slice literal (or one
 * it builds with `append`) of functions that hand values to each other through one channel: one
 * sends on it, another receives (opencensus's stages, joined by unbuffered channels: bounded,
 * the producer and transformer held the slots blocked on their sends, and the consumer never
 * started). Event-bus handlers, which share no channel, are not this shape.
 */
export function pipedTasks(spawn: Spawn, ctx: FileContext): string | undefined {
  const loop = spawn.loops.find((l) => loopShape(l).kind === 'range');
  const over = loop ? loopShape(loop).over : undefined;
  if (!loop || over?.type !== 'identifier') return undefined;
  const statement = loopStatement(loop);
  const decl = declarationOf(over.text, statement);
  if (!decl || !('param' in decl) || decl.param.fn !== spawn.fn) return undefined;
  if (!callsItem(spawn, new Set(loopShape(loop).variables), statement)) return undefined;
  const index = ctx.packageIndex();
  for (const { call, arg } of callsHanding(decl.param, index)?.calls ?? []) {
    const elements = arg ? sliceElements(arg, call) : [];
    const tasks = elements.flatMap((e) => taskOf(e, index));
    const shared = sharedChannel(tasks);
    if (!shared) continue;
    const caller = enclosingFunction(call)?.childForFieldName('name')?.text ?? 'a caller';
    const callee = spawn.fn.childForFieldName('name')?.text ?? 'the function';
    return `${callee}'s ${over.text} come from its callers, and ${caller} hands it ${shared.names}, which hand values to each other through ${shared.channel}: a bound could run some without the others, which would then wait forever`;
  }
  return undefined;
}

/** The goroutine calls its item: the loop variable, or the goroutine literal's parameter it is passed as. */
function callsItem(spawn: Spawn, items: Set<string>, statement: Node): boolean {
  const { literal } = spawned(spawn);
  const started = spawn.go.type === 'go_statement' ? spawn.go.namedChild(0) : undefined;
  const calls = [...(started ? [started] : []), ...(literal?.descendantsOfType('call_expression') ?? [])];
  return calls.some((c) => {
    const fn = c.childForFieldName('function');
    if (fn?.type !== 'identifier' || !items.has(fn.text)) return false;
    const d = declarationOf(fn.text, c);
    return !!d && ('local' in d ? contains(statement, d.local.decl) : contains(statement, d.param.fn));
  });
}

/** The elements of a slice literal, or of a local made from one and grown with `append`. */
function sliceElements(arg: Node, at: Node): Node[] {
  const ofLiteral = (lit: Node | undefined) =>
    lit?.type === 'composite_literal' ? (lit.childForFieldName('body')?.namedChildren ?? []).map((e) => (e.type === 'literal_element' ? e.namedChild(0)! : e)) : [];
  if (arg.type === 'composite_literal') return ofLiteral(arg);
  if (arg.type !== 'identifier') return [];
  const d = declarationOf(arg.text, at);
  if (!d || !('local' in d)) return [];
  const fn = enclosingFunction(at);
  const appended = (fn?.descendantsOfType('call_expression') ?? [])
    .filter((c) => c.childForFieldName('function')?.text === 'append' && c.childForFieldName('arguments')?.namedChildren[0]?.text === arg.text)
    .flatMap((c) => c.childForFieldName('arguments')!.namedChildren.slice(1));
  return [...ofLiteral(d.local.value), ...appended];
}

interface Task {
  node: Node;
  sends: Set<string>;
  receives: Set<string>;
}

/** A function literal, or a function of the package by name, with the channels it sends on and receives from (declared outside it). */
function taskOf(element: Node, index: PackageIndex): Task[] {
  const fn = element.type === 'func_literal' ? element : element.type === 'identifier' && !declarationOf(element.text, element) ? index.functionsNamed(element.text, false)[0] : undefined;
  const body = fn?.childForFieldName('body');
  if (!fn || !body) return [];
  const outside = (name: string, at: Node) => {
    if (!/^[\w.]+$/.test(name)) return false;
    const d = declarationOf(name.split('.')[0], at);
    return !d || !contains(fn, 'local' in d ? d.local.decl : d.param.fn === fn ? fn.childForFieldName('parameters')! : d.param.fn);
  };
  const sends = new Set(body.descendantsOfType('send_statement').map((s) => [s.childForFieldName('channel')!.text, s] as const).filter(([c, s]) => outside(c, s)).map(([c]) => c));
  const receives = new Set<string>();
  for (const u of body.descendantsOfType('unary_expression')) {
    const operand = u.childForFieldName('operand')!;
    if (u.childForFieldName('operator')?.text === '<-' && outside(operand.text, u)) receives.add(operand.text);
  }
  for (const r of body.descendantsOfType('range_clause')) {
    const right = r.childForFieldName('right');
    if (right && outside(right.text, r)) receives.add(right.text);
  }
  return [{ node: element, sends, receives }];
}

/** The channels one task sends on and another receives from, with the tasks that use them, as written. */
function sharedChannel(tasks: Task[]): { channel: string; names: string } | undefined {
  const channels = [...new Set(tasks.flatMap((a) => [...a.sends].filter((c) => tasks.some((b) => b !== a && b.receives.has(c)))))];
  if (channels.length === 0) return undefined;
  const using = tasks.filter((t) => channels.some((c) => t.sends.has(c) || t.receives.has(c)));
  const named = using.filter((t) => t.node.type === 'identifier').map((t) => t.node.text);
  const literals = using.length - named.length;
  const parts = [...named, ...(literals === 0 ? [] : [literals === 1 ? 'a function literal' : `${literals} function literals`])];
  return { channel: listed(channels), names: listed(parts) };
}

function listed(names: string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
