import type { FileContext } from '../../src/engine/types.js';
import type { PackageIndex } from '../../src/go/package-index.js';
import { declarationOf, positionalParams, type Param } from '../../src/go/scope.js';
import { unparen, type Node } from '../../src/go/syntax.js';
import { callsOf, isFunctionType } from '../../src/go/called-functions.js';
import type { Spawn } from './detect.js';
import { spawned } from './goroutine-bodies.js';
import { boundChosen } from './network.js';

/**
 * Why the default bound may stall goroutines that call function values their function's caller
 * hands it (see passedFunctionValue), if they do; undefined when max-concurrency chose the bound.
 * Checked after the reasons that say more (a doc comment saying the work runs at once, tasks piped
 * to each other by the callers).
 */
export function passedFunctionsReason(spawn: Spawn, ctx: FileContext): string | undefined {
  if (boundChosen(ctx)) return undefined;
  const { literal, called } = spawned(spawn);
  for (const fn of called) {
    const passed = passedFunctionValue(unparen(fn), literal, ctx.packageIndex());
    if (passed) return `the goroutines call function values the caller hands in (${fn.text}(…), ${passed}), code this package does not show: one may wait on what the caller does only once this function returns (a sync target streaming to a consumer served then), and bounded, the function would wait for a free slot for good; the default bound, the number of CPUs, says nothing of how many may wait at once; set max-concurrency to bound them on purpose, once none of them waits on the code that starts them`;
  }
  return undefined;
}

/**
 * Where a function value a goroutine calls comes from, when that is a parameter of the function
 * that starts it, whose code the package does not show: the parameter itself (`fn(item)`, `fn
 * func(T)`), an item ranged from it (`for _, f := range fs`, `fs ...func(string, []byte) error`:
 * atlas' MemDir syncs, streaming to a consumer its caller serves only after WriteFile returns) or
 * an element of it (`fs[i]()`). The package shows that code when each of its calls of the function
 * hands a function literal, or a function or method of its own, there; not when one hands a field
 * or a value of its own caller (`d.syncAll(name, data, d.syncTo...)`), or when the package never
 * calls it (an exported helper, given its callers' code). As written, e.g. `from the parameter fs`.
 * `literal`: the goroutine's function literal, whose own parameters stand for their arguments.
 */
export function passedFunctionValue(fn: Node, literal: Node | undefined, index: PackageIndex): string | undefined {
  const element = fn.type === 'index_expression' ? unparen(fn.childForFieldName('operand')!) : undefined;
  const name = element ?? fn;
  if (name.type !== 'identifier') return undefined;
  const source = sourceOf(name, literal);
  if (!source) return undefined;
  const { param, ranged } = source;
  const type = param.typeNode;
  const variadic = type.parent?.type === 'variadic_parameter_declaration';
  // Called itself: of a function type. Ranged over or indexed: a slice or map of one (a variadic
  // parameter's type is its element's).
  // A single function parameter applied to each item (`handle(req)`) is the caller's choice of
  // work, as the loop is: read as the loop's work, not refused here.
  if (!ranged && !element) return undefined;
  const itemType = variadic ? type : elementType(type);
  if (!itemType || !isFunctionType(itemType, index) || shownByCallers(param, variadic, index)) return undefined;
  return ranged ? `from the parameter ${param.name}` : `an element of the parameter ${param.name}`;
}

/**
 * The parameter of a function declaration or method a name stands for, directly or as the item a
 * range over it declares, through one of the goroutine literal's own parameters (`go func(f
 * func()) { f() }(f)`).
 */
function sourceOf(name: Node, literal: Node | undefined, depth = 0): { param: Param; ranged: boolean } | undefined {
  const found = declarationOf(name.text, name);
  if (!found || depth > 2) return undefined;
  if ('param' in found) {
    const argument = literal && found.param.fn === literal ? argumentFor(found.param.name, literal) : undefined;
    if (argument) return argument.type === 'identifier' ? sourceOf(argument, undefined, depth + 1) : undefined;
    const decl = found.param.fn.type;
    return decl === 'function_declaration' || decl === 'method_declaration' ? { param: found.param, ranged: false } : undefined;
  }
  const { decl } = found.local;
  // The value of `for _, f := range fs`, not its index or key.
  if (decl.type !== 'range_clause') return undefined;
  const over = unparen(decl.childForFieldName('right')!);
  if (decl.childForFieldName('left')?.namedChildren[1]?.text !== name.text || over.type !== 'identifier') return undefined;
  const from = declarationOf(over.text, decl);
  const fn = from && 'param' in from ? from.param.fn.type : undefined;
  return fn === 'function_declaration' || fn === 'method_declaration' ? { param: (from as { param: Param }).param, ranged: true } : undefined;
}

/** The argument a goroutine literal called where it stands (`go func(f func()) {…}(f)`) hands its parameter. */
function argumentFor(param: string, literal: Node): Node | undefined {
  const call = literal.parent;
  if (call?.type !== 'call_expression' || call.childForFieldName('function')?.id !== literal.id) return undefined;
  const position = positionalParams(literal).indexOf(param);
  return position < 0 ? undefined : call.childForFieldName('arguments')?.namedChildren[position];
}

/** The element type of a slice or map type as written (`[]func()`, `map[string]func()`). */
function elementType(type: Node): Node | undefined {
  if (type.type === 'slice_type' || type.type === 'array_type') return type.childForFieldName('element') ?? undefined;
  return type.type === 'map_type' ? (type.childForFieldName('value') ?? undefined) : undefined;
}

/**
 * Whether the package calls the function declaring `param` and every call hands it code the
 * package shows: a function literal, a function or method of the package, or (for a slice) a
 * composite literal of those, or (for a variadic parameter) any number of those, not spread.
 */
function shownByCallers(param: Param, variadic: boolean, index: PackageIndex): boolean {
  const fn = param.fn;
  const callee = fn.childForFieldName('name')?.text;
  if (!callee) return false;
  const params = positionalParams(fn);
  const position = variadic ? params.length - 1 : params.indexOf(param.name);
  if (position < 0) return false;
  const calls = callsOf(fn, index);
  if (calls.length === 0) return false;
  return calls.every((call) => {
    const args = call.childForFieldName('arguments')?.namedChildren ?? [];
    const handed = variadic ? args.slice(position) : args.slice(position, position + 1);
    return handed.length > 0 && handed.every((a) => shownValue(unparen(a), index));
  });
}

/** A function literal, a function or method the package declares, or a composite literal of those. */
function shownValue(value: Node, index: PackageIndex): boolean {
  if (value.type === 'func_literal') return true;
  if (value.type === 'identifier') return !declarationOf(value.text, value) && index.functionsNamed(value.text, false).length > 0;
  if (value.type === 'selector_expression') return index.functionsNamed(value.childForFieldName('field')!.text, true).length > 0;
  if (value.type !== 'composite_literal') return false;
  const elements = value.childForFieldName('body')?.namedChildren ?? [];
  return elements.every((e) => {
    const v = e.type === 'keyed_element' ? e.namedChildren[e.namedChildren.length - 1] : e;
    const inner = v?.type === 'literal_element' ? v.namedChild(0) : v;
    return !!inner && shownValue(unparen(inner), index);
  });
}
