import type { Codemod, FileContext, RawFinding } from '../../src/engine/types.js';
import { cancellationSources } from '../../src/go/cancellation.js';
import { packageName } from '../../src/go/imports.js';
import { callsOf } from '../../src/go/find-by-text.js';
import { enclosingLoops } from '../../src/go/loops.js';
import { ancestors, FUNCTION_TYPES, touchesError, type Node } from '../../src/go/syntax.js';
import { docs } from './docs.js';
import { mayHaveMethod } from '../../src/go/text-signals.js';

/** `context.Background()` handed straight to a call: after `(` or `,` (or the end of a block comment). */
const BACKGROUND_ARGUMENT = /[(,/]\s*\w+\.Background\s*\(/;

/** A context can be in scope: the file names the type, derives one, or has methods (receiver fields). */
const mayHaveContextSource = (text: string) => text.includes('.Context') || text.includes('.With') || mayHaveMethod(text);

export const ctxPropagate: Codemod = {
  id: 'ctx-propagate',
  title: 'context.TODO() where a context is in scope becomes that context',
  docs,
  severity: 'warning',
  enabledByDefault: true,
  options: [
    { name: 'aggressive', type: 'boolean', default: false, description: 'also replace context.Background() passed straight to a call' },
  ],
  prefilter: (text) =>
    text.includes('"context"') && (/\.TODO\s*\(/.test(text) || (text.includes('.Background') && BACKGROUND_ARGUMENT.test(text))) && mayHaveContextSource(text),
  // As couldHaveContext: a function that is a method, names the context type or derives a context.
  triggers: (text) => /\.(TODO|Background)\s*\(/.test(text) && mayHaveContextSource(text),
  find,
};

/**
 * Cheap test before the full scope walk (large test files call context.Background() hundreds
 * of times): some enclosing function is a method, takes a context, or derives one.
 */
function couldHaveContext(call: Node, pkg: string, seen: Map<number, boolean>): boolean {
  for (const fn of [...ancestors(call)].filter((a) => FUNCTION_TYPES.has(a.type))) {
    let known = seen.get(fn.id);
    if (known === undefined) {
      const params = fn.childForFieldName('parameters')?.text ?? '';
      known = fn.type === 'method_declaration' || params.includes(`${pkg}.Context`) || fn.childForFieldName('body')?.text.includes(`${pkg}.With`) === true;
      seen.set(fn.id, known);
    }
    if (known) return true;
  }
  return false;
}

/**
 * Whether the statement the call is part of assigns `name` again with `=`
 * (`ctx, cancel = context.WithCancel(context.Background())`); a `:=` in a block of its own
 * declares a new variable, and the call still sees the one around it.
 */
function reassigns(call: Node, name: string): boolean {
  for (const a of ancestors(call)) {
    if (a.type === 'assignment_statement') return (a.childForFieldName('left')?.namedChildren ?? []).some((n) => n.text === name);
    if (a.type.endsWith('_statement') || a.type === 'short_var_declaration' || FUNCTION_TYPES.has(a.type)) return false;
  }
  return false;
}

function find(ctx: FileContext): RawFinding[] {
  const pkg = packageName(ctx.tree, 'context');
  if (!pkg) return [];
  // No context can be in scope in a file that never names the type nor derives one (receiver
  // fields of another file are named there: check the package only when methods could use one).
  const mayHaveSource = ctx.source.includes(`${pkg}.Context`) || ctx.source.includes(`${pkg}.With`) || /\nfunc \(/.test(ctx.source);
  if (!mayHaveSource) return [];
  const out: RawFinding[] = [];
  const seen = new Map<number, boolean>();
  const calls = [...callsOf(ctx.tree.rootNode, ctx.source, `${pkg}.TODO`), ...callsOf(ctx.tree.rootNode, ctx.source, `${pkg}.Background`)].sort((a, b) => a.startIndex - b.startIndex);
  for (const call of calls) {
    const kind = call.childForFieldName('function')!.text === `${pkg}.TODO` ? 'TODO' : 'Background';
    if (touchesError(call) || call.childForFieldName('arguments')!.namedChildCount > 0) continue;
    // Background() is a deliberate choice as often as not: only when handed straight to a call.
    if (kind === 'Background' && call.parent?.type !== 'argument_list') continue;
    if (!couldHaveContext(call, pkg, seen)) continue;
    const source = cancellationSources(call, ctx.tree, ctx.packageIndex).find((s) => s.isContext);
    if (!source) continue;
    const message = `${call.text} while ${source.expr} (${source.label}) is in scope: its cancellation and deadline do not reach this call`;
    // `ctx = context.WithValue(ctx, k, v)` derives a parameter's context, as it should; a local
    // made fresh again, or a reassignment that runs on each pass of a loop, would chain each new
    // context to the last one, cancelled by then.
    if (reassigns(call, source.expr) && (source.kind === 'ctx-local' || enclosingLoops(call).length > 0)) {
      out.push({ start: call.startIndex, end: call.endIndex, message, reason: `the statement makes a new ${source.expr}: built on the one it replaces, it would start out done once that was cancelled (a retry's fresh context)` });
      continue;
    }
    const fix = { description: `use ${source.expr}`, edits: [{ start: call.startIndex, end: call.endIndex, text: source.expr }] };
    if (kind === 'TODO' || ctx.options.aggressive === true) out.push({ start: call.startIndex, end: call.endIndex, message, fix });
    else out.push({ start: call.startIndex, end: call.endIndex, message, reason: 'context.Background() may be meant to outlive the caller (fixed with --aggressive)', severity: 'info' });
  }
  return out;
}
