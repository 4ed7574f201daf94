import { declarationOf } from './scope.js';
import { ancestors, enclosingFunction, FUNCTION_TYPES, same, type Node } from './syntax.js';

/** The loops enclosing node inside its own function, innermost first (labelled or not). */
export function enclosingLoops(node: Node): Node[] {
  const out: Node[] = [];
  for (const a of ancestors(node)) {
    if (FUNCTION_TYPES.has(a.type)) break;
    if (a.type === 'for_statement') out.push(a);
  }
  return out;
}

/**
 * The loops that run `node` again on each iteration, innermost first: not one whose range
 * expression or initializer holds it (`for range time.Tick(d)` evaluates the call once).
 */
export function loopsRepeating(node: Node): Node[] {
  return enclosingLoops(node).filter((loop) => {
    const header = loop.namedChildren.find((c) => c.type === 'range_clause' || c.type === 'for_clause');
    const once = header?.type === 'range_clause' ? header.childForFieldName('right') : header?.childForFieldName('initializer');
    return !once || node.startIndex < once.startIndex || node.endIndex > once.endIndex;
  });
}

/** Loops enclosing `node` that do not also enclose `decl`: they repeat `node` but not `decl`. */
export function loopsBetween(node: Node, decl: Node): Node[] {
  const out: Node[] = [];
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === 'for_statement') {
      if (decl.startIndex >= p.startIndex && decl.endIndex <= p.endIndex) break;
      out.push(p);
    }
  }
  return out;
}

/** The statement a loop stands as: the loop, or the labelled statement wrapping it. */
export function loopStatement(loop: Node): Node {
  return loop.parent?.type === 'labeled_statement' ? loop.parent : loop;
}

export type LoopKind = 'range' | 'counted' | 'forever' | 'conditional';

export interface LoopShape {
  kind: LoopKind;
  /** What a range loop ranges over; the bound of a counted loop (`i < n` → n). */
  over?: Node;
  /** Names the loop clause declares (range keys/values, the counter). */
  variables: string[];
}

export function loopShape(loop: Node): LoopShape {
  const clause = loop.namedChildren.find((c) => c.type === 'for_clause' || c.type === 'range_clause');
  if (!clause) {
    const cond = loop.namedChildren.find((c) => c.type !== 'block' && c.type !== 'comment');
    return { kind: cond ? 'conditional' : 'forever', variables: [] };
  }
  if (clause.type === 'range_clause') {
    const left = clause.childForFieldName('left');
    const declares = clause.children.some((c) => c.type === ':=');
    return { kind: 'range', over: clause.childForFieldName('right') ?? undefined, variables: declares && left ? left.namedChildren.map((n) => n.text).filter((n) => n !== '_') : [] };
  }
  const init = clause.childForFieldName('initializer');
  const cond = clause.childForFieldName('condition');
  const vars = init?.type === 'short_var_declaration' ? init.childForFieldName('left')!.namedChildren.map((n) => n.text) : [];
  const bound = cond?.type === 'binary_expression' && ['<', '<=', '!=', '>', '>='].includes(cond.childForFieldName('operator')?.text ?? '') ? cond.childForFieldName('right') ?? undefined : undefined;
  return { kind: cond ? 'counted' : 'forever', over: bound, variables: vars };
}

const INT_TYPE = /^u?int(8|16|32|64)?$/;

/** `x` of `int32(x)` (a conversion to an integer type), else the node itself. */
function intConversionArg(node: Node): Node {
  const args = node.type === 'call_expression' ? node.childForFieldName('arguments')?.namedChildren : undefined;
  return args?.length === 1 && INT_TYPE.test(node.childForFieldName('function')?.text ?? '') ? args[0] : node;
}

/** A loop bound named like a number of workers rather than of items. */
function countsWorkers(name: string): boolean {
  return !/len|count|items|size/i.test(name) || /worker|concurren|parallel|pool|goroutine|thread|procs/i.test(name);
}

/**
 * True when a loop runs a fixed number of times that is not the size of some data: a constant
 * (`i < 4`, `range 2`), or a count held in a variable that is not a length (`i < workers`).
 * Such a loop starts a fixed set of workers, not a goroutine per item.
 */
/** Text of the outermost function around `node` declares `name` an integer, by a cheap test. */
function mayDeclareInt(node: Node, name: string): boolean {
  let fn: Node | undefined;
  for (const a of ancestors(node)) if (FUNCTION_TYPES.has(a.type)) fn = a;
  if (!fn) return false;
  return new RegExp(`\\b${name}\\s*(:?=\\s*(\\d|[\\w.]+\\s*[-+*/%]\\s*\\d|min\\s*\\(|runtime\\.(GOMAXPROCS|NumCPU)\\b)|u?int(8|16|32|64)?\\b)|\\b${name}(\\s*,\\s*\\w+)*\\s+u?int(8|16|32|64)?\\b`).test(fn.text);
}

export function isFixedCountLoop(loop: Node): boolean {
  const shape = loopShape(loop);
  if (shape.kind === 'range') {
    const over = shape.over && intConversionArg(shape.over);
    if (over?.type === 'int_literal') return true;
    // Over a slice written out in the code (`tasks := []func() error{publicSrv, adminSrv, courier}`):
    // as many goroutines as it has elements, fixed when the code was written.
    if (over && writtenOut(over, loop)) return true;
    // A field named for workers (`range c.opt.NumPutBlobWorkers`, an int, or `range p.workers`):
    // a set of workers either way.
    if (over?.type === 'selector_expression') return /worker|goroutine|thread/i.test(over.childForFieldName('field')?.text ?? '');
    // `range runtime.NumCPU()` (mtg's event stream), `range min(n, runtime.GOMAXPROCS(0))`.
    if (over?.type === 'call_expression') return isWorkerCount(over);
    if (over?.type !== 'identifier') return false;
    if (/^(n|workers?|numWorkers|concurrency|parallelism|poolSize|size|count|limit)$/i.test(over.text)) return true;
    // Named for workers as the field is (`range maxInsertWorkers`: mongorestore's insert pool).
    if (/[a-z](Workers?|Goroutines|Threads)$/.test(over.text)) return true;
    if (intConstantOfFile(over)) return true;
    // Over an integer (`nsubs := 4`, a parameter `mp int`, `workerCount := min(concurrency,
    // len(ids))`): a number of goroutines, judged as `for i := 0; i < mp; i++` is.
    // Looked up only when the functions around it could declare it so (`n := 4`, `n int`).
    if (!mayDeclareInt(loop, over.text)) return false;
    const decl = declarationOf(over.text, loop);
    const isInt = !!decl && ('param' in decl ? INT_TYPE.test(decl.param.typeNode.text) : isIntValue(decl.local.value) || INT_TYPE.test(decl.local.typeNode?.text ?? '') || (decl.local.value?.type === 'call_expression' && isWorkerCount(decl.local.value)));
    return isInt && countsWorkers(over.text);
  }
  if (shape.kind !== 'counted' || !shape.over) return false;
  return isWorkerCount(shape.over);
}

/**
 * A slice or array literal, or a local declared with one that the function never assigns again
 * (but to another slice written out) or appends to: its length is fixed in the code.
 */
function writtenOut(over: Node, loop: Node): boolean {
  const literal = (n: Node | null | undefined) => n?.type === 'composite_literal' && /^\[/.test(n.childForFieldName('type')?.text ?? '');
  if (literal(over)) return true;
  if (over.type !== 'identifier') return false;
  const decl = declarationOf(over.text, loop);
  if (!decl || !('local' in decl) || !literal(decl.local.value)) return false;
  const fn = ancestors(decl.local.decl).find((a) => FUNCTION_TYPES.has(a.type));
  const name = over.text;
  if (!fn) return false;
  // Set again only to other slices written out (`tasks = []task{a, b, c}` when a password is set).
  const rewritten = fn.descendantsOfType('assignment_statement').filter((a) => {
    const [left, right] = [a.childForFieldName('left'), a.childForFieldName('right')];
    return left?.text === name && right?.namedChildCount === 1 && literal(right.namedChild(0));
  });
  const rest = [decl.local.decl, ...rewritten].reduce((text, n) => text.replace(n.text, ''), fn.text);
  return !new RegExp(`(?<![\\w.])${name}\\s*(=[^=]|\\[[^\\]]*\\]\\s*=[^=])|append\\(\\s*${name}\\b|&${name}\\b`).test(rest);
}

/**
 * A name the file declares a constant of a number written out (`const NUM_PARTITIONS = 4`), and
 * no local or parameter of the function hides: a count fixed in the code (hatchet's partitions).
 */
function intConstantOfFile(name: Node): boolean {
  if (name.type !== 'identifier' || declarationOf(name.text, name)) return false;
  const specs = name.tree.rootNode.descendantsOfType('const_spec');
  return specs.some((spec) => spec.childForFieldName('name')?.text === name.text && spec.childForFieldName('value')?.namedChildren[0]?.type === 'int_literal');
}

/** An integer by its form: a literal, or arithmetic with one (\`expectBlocked + 1\`). */
function isIntValue(value: Node | undefined): boolean {
  if (value?.type === 'int_literal') return true;
  if (value?.type !== 'binary_expression' || !/^[-+*/%]$/.test(value.childForFieldName('operator')?.text ?? '')) return false;
  return [value.childForFieldName('left'), value.childForFieldName('right')].some((side) => side?.type === 'int_literal' || isIntValue(side ?? undefined));
}

/**
 * A count of workers: a literal, a name that says so, GOMAXPROCS or NumCPU, one of those give or
 * take a constant (`n-1`), or the `min` of one and something else (`min(concurrency, jobs)`).
 */
function isWorkerCount(expr: Node): boolean {
  const bound = intConversionArg(expr);
  if (bound.type === 'int_literal' || intConstantOfFile(bound)) return true;
  if (bound.type === 'identifier' || bound.type === 'selector_expression') return countsWorkers(bound.text);
  // `n-1` (n-1 goroutines and one more run in place), `workers+1`.
  if (bound.type === 'binary_expression' && /^[-+]$/.test(bound.childForFieldName('operator')?.text ?? '')) {
    const [left, right] = [bound.childForFieldName('left')!, bound.childForFieldName('right')!];
    return (right.type === 'int_literal' && isWorkerCount(left)) || (left.type === 'int_literal' && isWorkerCount(right));
  }
  if (bound.type !== 'call_expression') return false;
  if (bound.childForFieldName('function')?.text === 'min') return (bound.childForFieldName('arguments')?.namedChildren ?? []).some(isWorkerCount);
  return /GOMAXPROCS|NumCPU/.test(bound.text);
}

/**
 * Whether a loop's body can leave it: a return or goto, or a break of this loop (unlabeled and
 * not inside an inner loop, switch or select, or naming its label). `break blocks` out of an
 * inner loop does not leave it.
 */
export function leavesLoop(loop: Node): boolean {
  const body = loop.childForFieldName('body');
  if (!body) return true;
  // A return of a function literal inside (`MetaWalkMut(func(…) error { …; return nil })`) leaves that literal only.
  const fn = enclosingFunction(loop);
  if (/\b(return|goto)\b/.test(body.text) && body.descendantsOfType(['return_statement', 'goto_statement']).some((s) => same(enclosingFunction(s), fn))) return true;
  return body.descendantsOfType('break_statement').some((b) => breaksOut(b, loop));
}

/** A `for {` with no clause (labelled or not) and no goto: the loop and the breaks that leave it. */
export function endlessLoopBreaks(stmt: Node): { loop: Node; breaks: Node[] } | undefined {
  const loop = stmt.type === 'labeled_statement' ? stmt.namedChildren.find((c) => c.type === 'for_statement') : stmt;
  if (loop?.type !== 'for_statement' || loop.namedChildren.some((c) => c.type !== 'block' && c.type !== 'comment') || /\bgoto\b/.test(loop.text)) return undefined;
  return { loop, breaks: loop.descendantsOfType('break_statement').filter((b) => breaksOut(b, loop)) };
}

/** Whether a break statement breaks this loop: it names the loop's label, or, unlabeled, no inner loop, switch or select stands between. */
export function breaksOut(b: Node, loop: Node): boolean {
  const target = b.namedChild(0)?.text;
  const label = loop.parent?.type === 'labeled_statement' ? loop.parent.childForFieldName('label')?.text : undefined;
  if (target) return target === label;
  return same(ancestors(b).find((a) => BREAKABLE.has(a.type)), loop);
}

const BREAKABLE = new Set(['for_statement', 'expression_switch_statement', 'type_switch_statement', 'select_statement', 'func_literal']);
