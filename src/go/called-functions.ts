import { baseTypeName } from './declarations.js';
import type { PackageIndex } from './package-index.js';
import type { Node } from './syntax.js';
import { declaredType, importedName, operandType, ownMethodsOnly, receiverInText, standardInterface, typeNamed, type ReceiverType } from './receiver-types.js';
import { declarationOf, positionalParams, type Param } from './scope.js';
import { functionFieldTargets } from './function-fields.js';

/** How many calls deep a goroutine's work is followed into the package's functions. */
const CALL_DEPTH = 6;
/** At most this many names are looked up for one goroutine. */
const MOST_NAMES = 48;

/**
 * Bodies of the package's functions named like the calls' functions (methods of any receiver,
 * for `x.m`, but of x's type only where its declaration tells it: receiver-types.ts), and of
 * those they call in turn, up to CALL_DEPTH calls deep: a goroutine that
 * runs `p.handleNewPeerWithBackoff()`, which calls `p.handleNewPeer()`, which sends, shows the
 * send. Only functions whose text could show a wait are parsed; the others are followed by
 * their text. `via`: the function a body belongs to, as the goroutine reaches it (`f()`),
 * undefined for the goroutine's own function when it is called directly (`go f()`, not `direct`).
 */
export function calledBodies(calls: Node[], index: PackageIndex, direct: boolean): { body: Node; via?: string }[] {
  return followCalls(calls, index, direct, (text) => MAY_WAIT.test(text));
}

/** The bodies of every function of the package the calls reach, followed as `calledBodies` follows them, each with the call it is reached by. */
export function everyCalledBody(calls: Node[], index: PackageIndex): { body: Node; via?: string }[] {
  return followCalls(calls, index, true, () => true);
}

/**
 * The first function the calls reach (as `calledBodies` follows them) whose declaration's text
 * passes `test`, with the call it is reached by: `{ text, via }`. With `throughFields`, calls
 * through a field of a function type are followed too (see functionFieldTargets), where finding
 * more only holds a fix back: their literals' calls on values of unknown type go by name.
 */
export function calledTextWhere(calls: Node[], index: PackageIndex, test: (text: string) => boolean, throughFields = false): { text: string; via: string } | undefined {
  let found: { text: string; via: string } | undefined;
  followCalls(
    calls,
    index,
    true,
    (text, via) => {
      if (!found && test(text)) found = { text, via: via! };
      return false;
    },
    throughFields,
  );
  return found;
}

/** Follows the calls as `calledBodies` says; `parse` sees each declaration's text and says whether to parse it. */
function followCalls(calls: Node[], index: PackageIndex, direct: boolean, parse: (text: string, via?: string) => boolean, throughFields = false): { body: Node; via?: string }[] {
  const out: { body: Node; via?: string }[] = [];
  const seen = new Set<string>();
  let level: FollowedCall[] = calls.flatMap((c) => {
    // `time.Now().Add(d)`, `klog.Flush()`: another package's, not a function of this one.
    if (c.type === 'selector_expression' && rootedAtImport(c.childForFieldName('operand')!)) return [];
    const named = calledName(c);
    const operand = named?.method ? c.childForFieldName('operand')! : undefined;
    const receiver = operand ? operandType(operand, index) : undefined;
    const implementing = operand && receiver === undefined ? standardInterface(declaredType(operand, index) ?? '') : undefined;
    return named && receiver !== false ? [{ ...named, receiver, implementing, via: direct ? `${c.text}()` : undefined }] : [];
  });
  for (let depth = 0; depth < CALL_DEPTH && level.length > 0; depth++) {
    const next: typeof level = [];
    for (const { name, method, receiver, implementing, via } of level) {
      const key = `${method ? `${receiver ?? implementing?.name ?? ''}.` : ''}${name}`;
      if (seen.has(key) || seen.size >= MOST_NAMES) continue;
      seen.add(key);
      const texts: string[] = [];
      // `socket.Listen()` on a `*TServerSocket`: that type's Listen, not another type's of the name.
      const ofReceiver = (text: string) => (!receiver || receiverInText(text)?.type === receiver) && (!implementing || hasMethods(receiverInText(text)?.type, implementing.methods, index));
      let declarations = index.functionsNamed(name, method, (text) => {
        if (!ofReceiver(text)) return false;
        texts.push(text);
        return parse(text, via);
      });
      // None of its own: promoted from a type it embeds, maybe, so any of the name.
      if (receiver && texts.length === 0 && !ownMethodsOnly(receiver, index)) {
        declarations = index.functionsNamed(name, method, (text) => {
          texts.push(text);
          return parse(text, via);
        });
      }
      out.push(...declarations.flatMap((d) => d.childForFieldName('body') ?? []).map((body) => ({ body, via })));
      // No method of the name: a field of a function type, maybe, run through what is put in it.
      const targets = throughFields && method && texts.length === 0 ? functionFieldTargets(name, index) : undefined;
      for (const literal of targets?.literals ?? []) {
        const text = literal.text;
        texts.push(text);
        const body = literal.childForFieldName('body');
        if (body && parse(text, via)) out.push({ body, via });
      }
      next.push(...(targets?.named ?? []).map((t) => ({ ...t, via })));
      for (const text of texts) next.push(...callsInText(text, index).map((c) => ({ ...c, via: `${c.name}()` })));
    }
    level = next;
  }
  return out;
}

/** A call followed by name: a method's with its receiver's type where that is known, or the standard interface it is declared as. */
interface FollowedCall {
  name: string;
  method: boolean;
  receiver?: string;
  implementing?: { name: string; methods: string[] };
  via?: string;
}

/** Whether a type of the package has all these methods: declared by itself, or maybe promoted from a type it embeds. */
function hasMethods(type: string | undefined, methods: string[], index: PackageIndex): boolean {
  if (!type || !ownMethodsOnly(type, index)) return true;
  return methods.every((m) => index.method(type, m));
}

/** An operand whose leftmost name is an imported package's (`time` in `time.Now().Add`), through calls and selectors. */
function rootedAtImport(operand: Node): boolean {
  let n: Node | null = operand;
  while (n && (n.type === 'call_expression' || n.type === 'selector_expression')) {
    n = n.type === 'call_expression' ? n.childForFieldName('function') : n.childForFieldName('operand');
  }
  return n?.type === 'identifier' && importedName(n);
}

/** The name a call's function goes by: `f` (a function), `x.m` (a method `m`, whatever x is). */
export function calledName(fn: Node): { name: string; method: boolean } | undefined {
  if (fn.type === 'identifier') return { name: fn.text, method: false };
  // `returnErrOnce.Do(…)`: a sync.Once's, not a method `Do` of the package (dskit's ReplicationSet.Do).
  if (fn.type === 'selector_expression' && fn.childForFieldName('field')!.text === 'Do' && /[oO]nce$/.test(fn.childForFieldName('operand')!.text)) return undefined;
  if (fn.type === 'selector_expression') return { name: fn.childForFieldName('field')!.text, method: true };
  return undefined;
}

/**
 * Where a call hands a value on: for `f(a, ch)` (or `x.f(a, ch)`) and `ch`, each of the package's
 * functions (or methods) of that name, with the name of the parameter `ch` lands in.
 */
export function parametersGiven(call: Node, arg: string, index: PackageIndex): { callee: string; decl: Node; param: string }[] {
  const position = (call.childForFieldName('arguments')?.namedChildren ?? []).findIndex((a) => a.text === arg);
  const fn = call.childForFieldName('function');
  const named = position < 0 || !fn ? undefined : calledName(fn);
  if (!named || named.name === 'append') return [];
  return index.functionsNamed(named.name, named.method).flatMap((decl) => {
    const param = positionalParams(decl)[position];
    return param && param !== '_' ? [{ callee: named.name, decl, param }] : [];
  });
}

/**
 * The package's calls of a function or method declaration, by its name: only calls with as many
 * arguments as it has parameters (any number for a variadic one), and for a method, none on an
 * operand of another type the package knows, for another type's method of the name is not a
 * call of it (a getter, `reply.GetChunks()`; toxiproxy's `proxy.Start()` for its link's `Start(…)`),
 * unless that type embeds the method's own and so has it.
 * A function's are plain calls (`f(…)`), not of a method of the name. `where`: as for callsNamed.
 */
export function callsOf(fn: Node, index: PackageIndex, where?: (declaration: string) => boolean): Node[] {
  const name = fn.childForFieldName('name')?.text;
  if (!name) return [];
  const count = positionalParams(fn).length;
  const variadic = /\.\.\./.test(fn.childForFieldName('parameters')?.text ?? '');
  const own = fn.type === 'method_declaration' ? receiverInText(fn.text)?.type : undefined;
  return index.callsNamed(name, where).filter((c) => {
    if (!variadic && c.childForFieldName('arguments')?.namedChildCount !== count) return false;
    const callee = c.childForFieldName('function')!;
    if (fn.type === 'function_declaration') return callee.type === 'identifier';
    if (callee.type !== 'selector_expression') return true;
    // `slices.Collect(…)`: another package's function, not the method.
    if (rootedAtImport(callee.childForFieldName('operand')!)) return false;
    const type = operandType(callee.childForFieldName('operand')!, index);
    return type === undefined || type === own || (typeof type === 'string' && own !== undefined && promotes(type, own, name, index));
  });
}

/**
 * Whether a type of the package has the method `name` of `own` promoted from an embedded field
 * (`type Raft struct { raftState; … }`, then `r.goFunc(r.run)`), not a method of its own so named.
 */
function promotes(type: string, own: string, name: string, index: PackageIndex): boolean {
  if (!index.fieldsOf(type).some((f) => f.embedded && baseTypeName(f.type) === own)) return false;
  return !index.functionsNamed(name, true).some((decl) => receiverInText(decl.text)?.type === type);
}

/**
 * The package's calls of the function or method that declares `param` (as callsOf finds them),
 * each with the argument it hands that parameter. Undefined for a function literal's parameter.
 */
export function callsHanding(param: Param, index: PackageIndex): { callee: string; calls: { call: Node; arg: Node | undefined }[] } | undefined {
  const fn = param.fn;
  const callee = fn.childForFieldName('name')?.text;
  if (!callee || (fn.type !== 'function_declaration' && fn.type !== 'method_declaration')) return undefined;
  const position = positionalParams(fn).indexOf(param.name);
  return { callee, calls: callsOf(fn, index).map((call) => ({ call, arg: call.childForFieldName('arguments')?.namedChildren[position] })) };
}

/**
 * The function literals the package's callers hand to the function-typed parameter a call names
 * (`handler()`, where `startHandler(func() error { … })` is a call of the function declaring
 * `handler`), each with the parameter and the function it belongs to, by name.
 */
export function literalsHandedTo(callee: Node, index: PackageIndex): { literal: Node; param: string; callee: string }[] {
  const found = callee.type === 'identifier' ? declarationOf(callee.text, callee) : undefined;
  if (!found || !('param' in found)) return [];
  // Or of a function type the package declares (`transitionFunc containerTransitionFunc`: the ECS agent's task manager).
  const type = found.param.typeNode;
  if (!isFunctionType(type, index)) return [];
  const handing = callsHanding(found.param, index);
  return (handing?.calls ?? []).flatMap(({ arg }) => (arg?.type === 'func_literal' ? [{ literal: arg, param: callee.text, callee: handing!.callee }] : []));
}

/** A function type, written out (`func() error`) or named by the package (`ProcessFunc[T]`, `containerTransitionFunc`). */
export function isFunctionType(type: Node, index: PackageIndex): boolean {
  return type.type === 'function_type' || index.underlyingKind(baseTypeName(type.text)) === 'func';
}

/** A word every wait that `waitsOnOthers` and `delayedStart` find is spelled with: a body without one shows none. */
export const MAY_WAIT = /\bfor\b|\bselect\b|<-|Serve|\bWait\b|\bDone\b|\bSleep\b|\bUntil\b/;

/**
 * The calls a function's text makes, by name (`f(`, `.m(`), past its signature; keywords and
 * builtins left out. A method's calls on its receiver (`p.m(`) or on a field of it (`p.conn.m(`)
 * carry the type they are made on, where it is the package's; none made on a type the package
 * cannot declare methods of.
 */
function callsInText(text: string, index: PackageIndex): FollowedCall[] {
  const body = text.indexOf('{');
  const out: FollowedCall[] = [];
  const code = withoutGoroutines(text.slice(body === -1 ? 0 : body));
  const own = receiverInText(text);
  for (const m of code.matchAll(/(\.)?\b([A-Za-z_]\w*)\s*\(/g)) {
    if (!m[1] && NOT_CALLS.has(m[2])) continue;
    // `go jm.worker()`: run by a goroutine of its own, not by the one followed.
    if (/(^|[^\w.])go\s+[\w.]*$/.test(code.slice(Math.max(0, m.index! - 120), m.index!))) continue;
    // `time.Now().Add(d)`, `strings.Split(s, ",")`: the standard library's, not a method of the package.
    if (m[1] && STANDARD.has(chainRoot(code, m.index!))) continue;
    if (!m[1]) {
      out.push({ name: m[2], method: false });
      continue;
    }
    // The operand's text, at most two names before the call: a tail of the code is enough.
    const before = code.slice(Math.max(0, m.index! - 200), m.index);
    const onReceiver = own?.name ? typeInText(before, own as { name: string; type: string }, index) : undefined;
    const typed = onReceiver ?? { receiver: undefined, implementing: parameterInterface(text.slice(0, body), before) };
    if (typed.receiver !== false) out.push({ name: m[2], method: true, receiver: typed.receiver, implementing: typed.implementing });
  }
  return out;
}

/** A function's text with the literals it starts on goroutines of their own (`go func() { … }()`) left out. */
function withoutGoroutines(code: string): string {
  let out = '';
  let at = 0;
  for (const m of code.matchAll(/(^|[^\w.])go\s+func\s*\(/g)) {
    if (m.index! < at) continue;
    const open = code.indexOf('{', m.index!);
    let depth = 0;
    let end = -1;
    for (let i = open; open !== -1 && i < code.length; i++) {
      if (code[i] === '{') depth++;
      else if (code[i] === '}' && --depth === 0) {
        end = i + 1;
        break;
      }
    }
    if (end === -1) break;
    out += code.slice(at, m.index! + m[1].length);
    at = end;
  }
  return out + code.slice(at);
}

/** The standard interface a parameter the call's operand ending `before` names is declared as in the signature (`c` in `func serve(c net.Conn)`). */
function parameterInterface(signature: string, before: string): FollowedCall['implementing'] {
  const name = /(?<![\w.)\]])(\w+)$/.exec(before)?.[1];
  const declared = name ? parameterTypeIn(signature, name) : undefined;
  return declared ? standardInterface(declared) : undefined;
}

/** The type a signature's text declares a parameter of, when it is a name (`net.Conn`, `*rutil.Cache`, `int`): `c` in `func serve(a, c net.Conn)`. */
export function parameterTypeIn(signature: string, name: string): string | undefined {
  return new RegExp(`[(,]\\s*${name}(?:\\s*,\\s*\\w+)*\\s+(\\*?[\\w.]+)\\s*[,)]`).exec(signature)?.[1];
}

/**
 * What a call's operand ending `before` is, when it is a method's receiver `own` or a field of it:
 * as ReceiverType says, or the standard interface a field is declared as.
 */
function typeInText(before: string, own: { name: string; type: string }, index: PackageIndex): Pick<FollowedCall, 'implementing'> & { receiver: ReceiverType } | undefined {
  const m = /(?<![\w.)\]])(\w+)(?:\.(\w+))?$/.exec(before);
  if (!m || m[1] !== own.name) return undefined;
  if (!m[2]) return { receiver: typeNamed(own.type, index) };
  const field = index.fieldsOf(own.type).find((f) => f.name === m[2]);
  if (!field) return undefined;
  const receiver = typeNamed(field.type, index);
  return { receiver, implementing: receiver === undefined ? standardInterface(field.type) : undefined };
}

/**
 * A call of a standard package's function or a method down a chain from one (`os.Open(path)`,
 * `time.Now().Add(d)`): not a call of the package's function or method of the name.
 */
export function callsStandardPackage(call: Node): boolean {
  const fn = call.childForFieldName('function');
  if (fn?.type !== 'selector_expression') return false;
  const code = fn.text;
  const root = chainRoot(code, code.lastIndexOf('.'));
  return (STANDARD.has(root) || NOT_LOCAL.has(root)) && !declarationOf(root, call);
}

/** More standard packages, whose names a local may take: a call is theirs where no local is so named. */
const NOT_LOCAL = new Set('sql exec net json ioutil syscall signal'.split(' '));

/**
 * Standard packages, as code names them, that code seldom names a variable after: a call chain
 * starting at one stays in the standard library (`path`, `list`, `log` or `url` may be locals).
 */
const STANDARD = new Set('time strings bytes fmt sync atomic errors context os io strconv math filepath http slog utf8 unicode bufio regexp reflect runtime base64 hex binary sha256 md5 crc32 gzip zlib tls x509 slices maps'.split(' '));

/** The leftmost name of the call chain whose `.` is at `dot` (`time` for `time.Now().Add`), back through calls and selectors. */
function chainRoot(code: string, dot: number): string {
  let j = dot - 1;
  for (;;) {
    if (code[j] === ')') {
      for (let depth = 0; j >= 0; j--) {
        if (code[j] === ')') depth++;
        else if (code[j] === '(' && --depth === 0) break;
      }
      j--;
    }
    const end = j + 1;
    while (j >= 0 && /\w/.test(code[j])) j--;
    const name = code.slice(j + 1, end);
    if (code[j] !== '.' || name === '') return name;
    j--;
  }
}

export const NOT_CALLS = new Set(
  'func if for switch select return go defer range make new len cap append copy delete panic recover print println close clear min max complex real imag string int int8 int16 int32 int64 uint uint8 uint16 uint32 uint64 uintptr byte rune bool float32 float64 error any'.split(' '),
);
