import { baseTypeName } from './declarations.js';
import { importName, importSpecs } from './imports.js';
import type { PackageIndex } from './package-index.js';
import { constructedTypeName, declarationOf, declaredTypeName, selectedField } from './scope.js';
import { unparen, type Node } from './syntax.js';

/**
 * The type a method call's receiver has, as far as its declaration tells: the name of a type the
 * package declares (whose own methods are the only ones the call can run), `false` for one whose
 * methods the package cannot declare (`*time.Timer`, a `string`), or undefined when not known
 * (an interface, a type parameter, an imported type that may be an interface, an expression):
 * then any method of the name may be the one called.
 */
export type ReceiverType = string | false | undefined;

/** The type of a method call's operand (`socket` in `socket.Listen()`, `p.conn` in `p.conn.Close()`), as ReceiverType says. */
export function operandType(operand: Node, index: PackageIndex): ReceiverType {
  // `proxy.NewSock5ModeServer(…).Start()`: the value another package's constructor makes.
  if (operand.type === 'call_expression' && madeByOtherPackage(operand, true)) return false;
  if (operand.type !== 'selector_expression' && operand.type !== 'identifier') return undefined;
  const declared = declaredType(operand, index);
  if (declared !== undefined) return typeNamed(declared, index);
  if (operand.type !== 'identifier') return undefined;
  const name = operand.text;
  const found = declarationOf(name, operand);
  // The value lined up with the name, or the one call giving several (`svc, started := daemon.NewService()`).
  const right = found && 'local' in found && found.local.decl.type === 'short_var_declaration' ? found.local.decl.childForFieldName('right')?.namedChildren : undefined;
  const given = found && 'local' in found ? (found.local.value ?? (right?.length === 1 && right[0].type === 'call_expression' ? right[0] : undefined)) : undefined;
  if (given && madeByOtherPackage(given, true)) return false;
  // `wg := sync.WaitGroup{}`, `&sync.WaitGroup{}`: a literal of another package's type, no interface.
  const literal = given?.type === 'unary_expression' ? given.namedChild(0) : given;
  if (literal?.type === 'composite_literal' && /^\w+\.\w+$/.test(literal.childForFieldName('type')?.text ?? '')) return false;
  // `&T{…}`, or the package's function returning one named type (`s := newServer()`).
  const named = declaredTypeName(name, operand) ?? constructedTypeName(name, operand, index);
  return named ? typeNamed(named, index) : undefined;
}

/**
 * Whether a value is another package's: made by its constructor (`timer := time.NewTimer(d)`:
 * cadence's onebox, where `go matchingService.Start()`, a service that runs until stopped, is not
 * the package's own Start of the name), or by any function of the standard library (`l, err :=
 * net.Listen(…)`), or, one step on, by a method of such a value (`nconn, err := l.Accept()`:
 * gortsplib's tests, whose `nconn.Close()` is not the package's own Close).
 */
function madeByOtherPackage(given: Node, followValue: boolean): boolean {
  const value = unparen(given);
  const callee = value.type === 'call_expression' ? value.childForFieldName('function') : undefined;
  const pkg = callee?.type === 'selector_expression' ? callee.childForFieldName('operand') : undefined;
  if (pkg?.type !== 'identifier') return false;
  if (importedName(pkg)) {
    const path = importSpecs(pkg.tree).find((s) => (s.alias ?? importName(s.path)) === pkg.text)?.path ?? '';
    return /^New/.test(callee!.childForFieldName('field')!.text) || !path.split('/')[0].includes('.');
  }
  const found = followValue ? declarationOf(pkg.text, pkg) : undefined;
  const right = found && 'local' in found && found.local.decl.type === 'short_var_declaration' ? found.local.decl.childForFieldName('right')?.namedChildren : undefined;
  const made = found && 'local' in found ? (found.local.value ?? (right?.length === 1 ? right[0] : undefined)) : undefined;
  return !!made && madeByOtherPackage(made, false);
}

/**
 * The type an operand's declaration writes, as written: a field's (`h.publisher`), a parameter's,
 * a typed local's, a method receiver's. Undefined for a local declared without a type (`x := …`)
 * and where no declaration is found.
 */
export function declaredType(operand: Node, index: PackageIndex): string | undefined {
  if (operand.type === 'selector_expression') return selectedField(operand, index)?.type.trim();
  if (operand.type !== 'identifier') return undefined;
  const found = declarationOf(operand.text, operand);
  if (found && 'param' in found) return found.param.typeNode.text;
  if (found && 'local' in found) return found.local.typeNode?.text;
  return declaredTypeName(operand.text, operand);
}

/** As ReceiverType says, for a type as written: `*TServerSocket`, `*time.Timer`, `io.Writer`. */
export function typeNamed(text: string, index: PackageIndex): ReceiverType {
  const written = text.trim();
  const base = baseTypeName(written);
  if (!/^\w+(\.\w+)?$/.test(base)) return undefined;
  // A pointer to another package's type points to no interface; the type itself may be one (`io.Writer`, `net.Conn`).
  if (base.includes('.')) return written.startsWith('*') || STANDARD_STRUCTS.test(base) ? false : undefined;
  if (BASIC.has(base)) return false;
  const decl = index.type(base);
  if (!decl || decl.kind === 'interface') return undefined;
  return base;
}

/**
 * Whether only the methods the type declares itself can be the one called: not where it may
 * promote another's (a struct embedding a type, a type defined as another).
 */
export function ownMethodsOnly(type: string, index: PackageIndex): boolean {
  const decl = index.type(type);
  if (!decl || decl.kind === 'named') return false;
  return !decl.fields.some((f) => f.embedded);
}

/** The receiver's type name a method declaration's text starts with (`func (p *TServerSocket) Listen`: TServerSocket). */
export function receiverInText(text: string): { name: string | undefined; type: string } | undefined {
  const m = /^func\s*\(\s*(?:(\w+)\s+)?\*?\s*(\w+)/.exec(text);
  return m ? { name: m[1], type: m[2] } : undefined;
}

/** An identifier naming an imported package, not a local hiding it. */
export function importedName(n: Node): boolean {
  if (declarationOf(n.text, n)) return false;
  return importSpecs(n.tree).some((s) => s.alias !== '_' && s.alias !== '.' && (s.alias ?? importName(s.path)) === n.text);
}

/** Standard library types that are no interface, declared by value (`var wg sync.WaitGroup`). */
const STANDARD_STRUCTS = /^(sync\.(WaitGroup|Mutex|RWMutex|Once|Cond|Map|Pool)|time\.(Timer|Ticker|Time|Duration)|bytes\.Buffer|strings\.Builder|atomic\.(Bool|Int32|Int64|Uint32|Uint64|Uintptr|Value|Pointer))$/;

/** The predeclared types other than `error` (an interface): none has a method the package declares. */
const BASIC = new Set('bool string int int8 int16 int32 int64 uint uint8 uint16 uint32 uint64 uintptr byte rune float32 float64 complex64 complex128'.split(' '));

/**
 * A standard interface a value is declared as (`conn net.Conn`), with its methods: a call on it
 * runs the method of a type having them all, not any of the package's methods of the name
 * (sarama's `b.conn.Close()` is not its producer's `Close`). Undefined for other types, and for
 * interfaces of one method, which any type of the name may implement.
 */
export function standardInterface(written: string): { name: string; methods: string[] } | undefined {
  const name = written.trim();
  const methods = STANDARD_INTERFACES[name];
  return methods ? { name, methods: methods.split(' ') } : undefined;
}

const STANDARD_INTERFACES: Record<string, string> = {
  'net.Conn': 'Read Write Close LocalAddr RemoteAddr SetDeadline SetReadDeadline SetWriteDeadline',
  'net.PacketConn': 'ReadFrom WriteTo Close LocalAddr SetDeadline SetReadDeadline SetWriteDeadline',
  'net.Listener': 'Accept Close Addr',
  'io.ReadCloser': 'Read Close',
  'io.WriteCloser': 'Write Close',
  'io.ReadWriteCloser': 'Read Write Close',
  'io.ReadWriter': 'Read Write',
  'http.ResponseWriter': 'Header Write WriteHeader',
  'context.Context': 'Deadline Done Err Value',
};
