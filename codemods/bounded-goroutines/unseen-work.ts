import { dirname } from 'node:path';
import { moduleFor } from '../../src/engine/go-module.js';
import type { FileContext } from '../../src/engine/types.js';
import { declarationOf } from '../../src/go/scope.js';
import { unparen, type Node } from '../../src/go/syntax.js';
import { importName, importSpecs, isStandard } from '../../src/go/imports.js';
import { declaresName } from '../../src/go/top-level-names.js';
import { everyCalledBody } from '../../src/go/called-functions.js';
import { packageShowsCall } from '../../src/go/interface-calls.js';
import { boundChosen } from './network.js';

/**
 * With the default bound, the number of CPUs, a goroutine's methods must be ones goconc can read:
 * the package's own, the standard library's types', logging and metric updates. A method it
 * cannot read (an interface's, another module's type's, a function kept in a field), or another
 * package's function named for waiting (`backoff.Retry`), may wait on a peer, a subprocess or a
 * reply, and the number of CPUs says nothing of how many may wait at once: bounded, work meant to
 * run side by side would run in turns, or wait for good on work that cannot start (sliver's
 * envelope writes, gophish's `w.mailer.Queue(msc)`, knative's `w.routine()`). Function values
 * passed in and other packages' functions are read as the loop's work. The first such call, as
 * written up to its paren; undefined when max-concurrency chose the bound.
 * `spawned`: the goroutine's literal, if it has one, else the function it runs.
 */
export function unseenWork(bodies: { body: Node; via?: string }[], spawned: { literal?: Node; called: Node[]; own?: Node }, ctx: FileContext): string | undefined {
  if (boundChosen(ctx)) return undefined;
  const imports = importNames(ctx);
  // `go client.WriteEnvelope(e)`, `eg.Go(w.routine)`: the function the goroutine runs.
  const direct = spawned.literal ? undefined : spawned.called.find((fn) => fn.type === 'selector_expression' && !readable(fn, fn, imports, ctx, spawned.own));
  if (direct) return `${direct.text}(…)`;
  // A function kept in a field, taken one by one (`for _, f := range a.readyFn { eg.Go(f) }`:
  // gotenberg's readiness waits, each polling under a timeout of its own, ran in turns).
  for (const fn of spawned.called) {
    const field = fn.type === 'identifier' ? rangedOverField(fn) : undefined;
    if (field) return `${fn.text}(…), from ${field}`;
  }
  // The package's functions it calls, all of them (\`bodies\` has only those whose text may wait).
  const seen = new Set(bodies.map(({ body }) => body.id));
  // Not the loop's own function again (goroutineBodies says why).
  const reached = [...bodies, ...everyCalledBody(spawned.called, ctx.packageIndex()).filter(({ body }) => !seen.has(body.id) && body.parent?.text !== spawned.own?.text)];
  for (const { body, via } of reached) {
    for (const call of body.descendantsOfType('call_expression')) {
      const callee = unparen(call.childForFieldName('function')!);
      if (callee.type !== 'selector_expression' || readable(callee, call, imports, ctx, spawned.own)) continue;
      return via ? `${callee.text}(…), in ${via}` : `${callee.text}(…)`;
    }
  }
  return undefined;
}

/** The field a function value is ranged from (`f` in `for _, f := range a.readyFn`), as written. */
function rangedOverField(fn: Node): string | undefined {
  const found = declarationOf(fn.text, fn);
  const decl = found && 'local' in found ? found.local.decl : undefined;
  const over = decl?.type === 'range_clause' ? decl.childForFieldName('right') : undefined;
  return over?.type === 'selector_expression' ? over.text : undefined;
}

/**
 * Whether goconc can tell what a call `x.m(…)` runs, or that it does not wait. Only methods are
 * judged: a function value passed in or kept in a local (`process(item)`) is the caller's choice,
 * as the loop is, and another package's function (`aws.ToString(s)`, `model.LabelValue(v)`) is
 * most often a helper or a conversion.
 */
function readable(callee: Node, call: Node, imports: ImportNames, ctx: FileContext, own?: Node): boolean {
  const method = callee.childForFieldName('field')!.text;
  const operand = unparen(callee.childForFieldName('operand')!);
  // `pkg.Func(…)`: a name the function does not declare, an import's (`orcraft` may name
  // ".../go/raft") unless the package declares it (`var client = …`).
  // Not one named for waiting (`backoff.Retry(op, b)`, `wait.PollImmediate(…)`: m3's health waits).
  // Not one of another package of the same module either (orchestrator's `go
  // orcraft.PublishCommand(…)`, a raft apply, and `go inst.ReadTopologyInstance(key)`, a MySQL
  // read): the module's own work, which goconc reads one package at a time, unless named for
  // computing a value (`strutil.SanitizeLabelName(…)`).
  if (operand.type === 'identifier' && !declarationOf(operand.text, call) && (imports.all.has(operand.text) || !declaresName(ctx.packageIndex(), operand.text))) {
    if (imports.sameModule.has(operand.text)) return COMPUTES.test(method);
    return imports.standard.has(operand.text) || !WAITING.test(method);
  }
  if (KNOWN_METHODS.has(method) || METRICS.test(method) || (LOG_CALLS.test(method) && LOGGER.test(operand.text))) return true;
  // The package's own method of that name, read by the other checks; not when the value is of an
  // interface type (a caller's publisher may hand the message back to the loop: watermill's
  // router, whose package also declares a no-op `disabledPublisher.Publish`) or another package's.
  if (packageShowsCall(callee, method, true, ctx.packageIndex(), own)) return true;
  // A method of a standard-library type, by the declared type of the value (`var b strings.Builder`, `mu *sync.Mutex`).
  const qualifier = operand.type === 'identifier' ? /^[*&]?(?:new\()?(\w+)\./.exec(typeWritten(operand.text, call) ?? '')?.[1] : undefined;
  return !!qualifier && imports.standard.has(qualifier);
}

/**
 * The type of a local or parameter as written, or the value it is made from (`&sync.WaitGroup{}`);
 * for a range variable, the element type of what it ranges over (`c` over `cmds []*exec.Cmd`).
 */
function typeWritten(name: string, at: Node, depth = 0): string | undefined {
  const found = declarationOf(name, at);
  if (!found) return undefined;
  if ('param' in found) return found.param.typeNode.text;
  const { decl, typeNode, value } = found.local;
  if (typeNode || value) return (typeNode ?? value)!.text;
  // The value of `for _, c := range cmds` (not its index or key).
  const isValue = decl.type === 'range_clause' && decl.childForFieldName('left')?.namedChildren[1]?.text === name;
  const ranged = isValue ? decl.childForFieldName('right') : null;
  if (ranged?.type !== 'identifier' || depth > 2) return undefined;
  return /^(?:\[\d*\]|map\[[^\]]*\])(.+)$/.exec(typeWritten(ranged.text, decl, depth + 1) ?? '')?.[1];
}

interface ImportNames {
  standard: Set<string>;
  all: Set<string>;
  sameModule: Set<string>;
}

/**
 * The names the file's imports go by (`all`), those of the standard library among them, with the
 * usual names of those the package's other files may import (`standard`), and those of packages
 * of the file's own module (`sameModule`).
 */
function importNames(ctx: FileContext): ImportNames {
  const standard = new Set(STANDARD_NAMES);
  const all = new Set(STANDARD_NAMES);
  const sameModule = new Set<string>();
  const module = moduleFor(dirname(ctx.path))?.path;
  for (const spec of importSpecs(ctx.tree)) {
    if (spec.alias === '_' || spec.alias === '.') continue;
    const name = spec.alias ?? importName(spec.path);
    all.add(name);
    if (isStandard(spec.path)) standard.add(name);
    else standard.delete(name);
    if (module && (spec.path === module || spec.path.startsWith(`${module}/`))) sameModule.add(name);
  }
  return { standard, all, sameModule };
}

const STANDARD_NAMES = ['atomic', 'base64', 'binary', 'bits', 'bufio', 'bytes', 'cmp', 'context', 'errors', 'filepath', 'fmt', 'hex', 'json', 'log', 'maps', 'math', 'path', 'rand', 'reflect', 'regexp', 'runtime', 'slices', 'slog', 'sort', 'strconv', 'strings', 'sync', 'time', 'unicode', 'utf8', 'sha256', 'sha1', 'md5', 'crc32', 'fnv', 'io', 'os', 'debug', 'big', 'xml', 'gzip', 'zlib', 'tar', 'zip', 'csv', 'template', 'html', 'url', 'mime', 'testing', 'unsafe', 'heap', 'list', 'ring', 'sha512', 'hmac', 'subtle', 'x509', 'pem', 'rsa', 'ecdsa', 'ed25519', 'aes', 'cipher', 'signal', 'syscall', 'exec', 'fs', 'user', 'iter'];

/** Another package's function named for waiting or retrying until something happens. */
const WAITING = /^(Retry|Poll|Wait|Until|Backoff|Eventually|Await)/;

/** A function named for computing a value from its arguments, not for doing work. */
const COMPUTES = /^(Sanitize|To|Format|Parse|Must|Is|Has|Equal|Compare|Min|Max|Escape|Quote|Clean|Join|Split|Trim|Hash|Encode|Decode|Marshal|Unmarshal|Contains|Normalize|Clone|Wrap|Errorf)([A-Z0-9]\w*)?$/;

/** A value that is a logger, as written: `log.G(ctx)`, `s.logger`, `logrus.WithError(err)`. */
const LOGGER = /log|Log|^l$|^lg$|klog|zap|\.G\(|\bWith\w*\(/;
/** Logging calls, on a value that is a logger: `log.G(ctx).Infof`, `logrus.WithError(err)`, `s.logger.Warn`. */
const LOG_CALLS = /^(Print|Fatal|Panic|Info|Debug|Warn|Warning|Error|Trace|Log|Notice)(f|ln|w|S|Context|Ctx)?$|^With(Error|Field|Fields|Values|Name)$|^(V|Sugar|Named)$/;

/** Methods of the standard library's types and of the usual metric and error values, named so the name says they do not wait. */
const KNOWN_METHODS = new Set([
  'Done', 'Add', 'Lock', 'Unlock', 'RLock', 'RUnlock', 'Load', 'Store', 'Swap', 'CompareAndSwap', 'LoadOrStore', 'LoadAndDelete', 'Delete', 'Range',
  'String', 'Error', 'Unwrap', 'Is', 'As', 'Len', 'Cap', 'Bytes', 'Reset', 'Grow', 'WriteString', 'WriteByte', 'WriteRune', 'Truncate',
  'Inc', 'Dec', 'Observe', 'Set', 'Sub', 'WithLabelValues', 'With', 'Since', 'Unix', 'UnixNano', 'Before', 'After', 'Equal', 'IsZero', 'Seconds', 'Milliseconds',
  'Errorf', 'Fatalf', 'Logf', 'Helper', 'Fail', 'FailNow', 'Cleanup', 'Err', 'Value', 'Deadline', 'Key', 'Int', 'Float', 'Elem', 'Interface', 'Kind', 'Type', 'Name',
  'Format', 'Clone', 'Hex', 'Encoded',
]);

/** Metric updates: `counter.Inc()`, `o.ObserveInt64(…)`, `h.RecordValue(…)`. */
const METRICS = /^(Observe|Record|Inc|Dec|Add|Set)[A-Z0-9]\w*$/;
