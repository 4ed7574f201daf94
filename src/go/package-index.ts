import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import type Parser from 'tree-sitter';
import { codeWords } from './find-by-text.js';
import type { Node } from './syntax.js';

/** Broad kinds of Go types, enough to pick zero values and copy strategies. */
export type TypeKind =
  | 'struct'
  | 'interface'
  | 'pointer'
  | 'slice'
  | 'map'
  | 'chan'
  | 'func'
  | 'array'
  | 'basic-number'
  | 'basic-string'
  | 'basic-bool'
  | 'named'
  | 'type-param'
  | 'unknown';

export interface FieldDecl {
  name: string;
  /** Source text of the field's type. */
  type: string;
  typeNode: Node;
  embedded: boolean;
}

export interface TypeDecl {
  name: string;
  /** Kind of the declared type's syntax (a `named` kind refers to another type by name). */
  kind: TypeKind;
  typeNode: Node;
  fields: FieldDecl[];
  isAlias: boolean;
  file: string;
}

export interface MethodDecl {
  name: string;
  receiverType: string;
  pointerReceiver: boolean;
  node: Node;
  file: string;
}

export const NUMBER_TYPES = new Set([
  'int', 'int8', 'int16', 'int32', 'int64', 'uint', 'uint8', 'uint16', 'uint32', 'uint64', 'uintptr',
  'float32', 'float64', 'complex64', 'complex128', 'byte', 'rune',
]);

/** The kind of a type expression, from its syntax alone. */
export function kindOfTypeNode(node: Node): TypeKind {
  switch (node.type) {
    case 'struct_type': return 'struct';
    case 'interface_type': return 'interface';
    case 'pointer_type': return 'pointer';
    case 'slice_type': return 'slice';
    case 'map_type': return 'map';
    case 'channel_type': return 'chan';
    case 'function_type': return 'func';
    case 'array_type': return 'array';
    case 'parenthesized_type': return node.namedChild(0) ? kindOfTypeNode(node.namedChild(0)!) : 'unknown';
    case 'type_identifier': {
      const t = node.text;
      if (NUMBER_TYPES.has(t)) return 'basic-number';
      if (t === 'string') return 'basic-string';
      if (t === 'bool') return 'basic-bool';
      if (t === 'error' || t === 'any') return 'interface';
      return 'named';
    }
    case 'qualified_type':
    case 'generic_type':
      return 'named';
    default:
      return 'unknown';
  }
}

/**
 * Declarations of one Go package (one directory, one package clause): struct types with their
 * fields, other named types, and methods per receiver type. Lazy: sibling files are kept as
 * text and parsed only when a name asked for occurs in them, so most files of a package are
 * never parsed for it. Shared by every codemod that asks, once per package.
 */
export class PackageIndex {
  /** Type specs by name; the declaration is built on first lookup. */
  private readonly specs = new Map<string, { spec: Node; file: string; decl?: TypeDecl }>();
  private readonly methods = new Map<string, MethodDecl[]>();
  /** Added files whose methods are not indexed yet: done when a lookup may need them. */
  private readonly unindexedMethods = new Map<string, Parser.Tree>();
  /** Added files whose tree leaves some functions out, with their text: parsed whole if their methods are asked for. */
  private readonly partial = new Map<string, string>();
  readonly files: string[] = [];
  private readonly pending = new Map<string, string>();
  private readonly extraTexts: string[] = [];
  private words: Set<string> | undefined;
  /** Lookups already run over the pending files, until a file is pending again. */
  private readonly searched = new Set<string>();

  /** `sources`: the other files of the package, path → text; `parse` turns one into a tree. */
  constructor(
    private readonly sources: Map<string, string> = new Map(),
    private readonly parse: (text: string) => Parser.Tree | undefined = () => undefined,
  ) {
    for (const [path, text] of sources) this.pending.set(path, text);
  }

  /** Parse, once, every pending file whose text passes the test (tests already run on the same files are skipped). */
  private load(key: string, test: (text: string, path: string) => boolean): void {
    if (this.searched.has(key)) return;
    this.searched.add(key);
    for (const [path, text] of [...this.pending]) {
      if (!test(text, path)) continue;
      this.pending.delete(path);
      const tree = this.parse(text);
      if (tree && !tree.rootNode.hasError) this.addFile(path, tree);
    }
  }

  /** The declaration of a named type of this package. */
  type(name: string): TypeDecl | undefined {
    if (!this.specs.has(name) && /^\w+$/.test(name)) {
      // `type Name …` at the start of a line: parse that declaration alone, not its whole file.
      const alone = new RegExp(`^type[ \\t]+${name}\\b`, 'm');
      // Otherwise declared as `type Name …` elsewhere, or as a line `Name …` of a `type ( … )` group.
      const single = new RegExp(`\\btype\\s+${name}\\b`);
      const grouped = new RegExp(`^\\s*${name}\\b`, 'm');
      this.load(`type ${name}`, (text, path) => {
        const at = alone.exec(text);
        const decl = at ? declarationAt(text, at.index) : undefined;
        const tree = decl ? this.parse(`package p\n\n${decl}\n`) : undefined;
        if (tree && !tree.rootNode.hasError && this.addTypes(path, tree).includes(name)) return false;
        return single.test(text) || (/\btype\s*\(/.test(text) && grouped.test(text));
      });
    }
    return this.declaration(name);
  }

  /** The declaration of a type whose spec is indexed, built once. */
  private declaration(name: string): TypeDecl | undefined {
    const found = this.specs.get(name);
    if (!found || found.decl) return found?.decl;
    const { spec, file } = found;
    const typeNode = spec.childForFieldName('type')!;
    found.decl = {
      name,
      kind: kindOfTypeNode(typeNode),
      typeNode,
      fields: typeNode.type === 'struct_type' ? structFields(typeNode) : [],
      isAlias: spec.type === 'type_alias',
      file,
    };
    return found.decl;
  }

  /** Methods declared on a type (pointer or value receiver) anywhere in the package. */
  methodsOf(typeName: string): MethodDecl[] {
    if (/^\w+$/.test(typeName)) {
      const receiver = new RegExp(`func\\s*\\([^)]*\\b${typeName}\\b`);
      this.load(`methods ${typeName}`, (text) => receiver.test(text));
      for (const [file, text] of [...this.partial]) {
        if (!receiver.test(text)) continue;
        this.partial.delete(file);
        const whole = this.parse(text);
        if (!whole || whole.rootNode.hasError) continue;
        this.forgetMethods(file);
        this.unindexedMethods.set(file, whole);
      }
      for (const [file, tree] of [...this.unindexedMethods]) if (receiver.test(tree.rootNode.text)) this.indexMethods(file, tree);
    }
    return this.methods.get(typeName) ?? [];
  }

  /**
   * Whether a name is taken anywhere in the package (or in `extra`, a file's current text): a
   * name absent from every text is free without collecting the package's words.
   */
  nameTaken(name: string, extra?: string): boolean {
    const texts = [...this.sources.values(), ...this.extraTexts, ...(extra === undefined ? [] : [extra])];
    if (!texts.some((t) => t.includes(name))) return false;
    return this.names.has(name) || (extra !== undefined && codeWords(extra).has(name));
  }

  /** Every word of the package's text: a superset of its identifiers, for picking names that cannot collide. */
  get names(): Set<string> {
    if (!this.words) {
      this.words = new Set<string>();
      for (const text of [...this.sources.values(), ...this.extraTexts]) for (const w of codeWords(text)) this.words.add(w);
    }
    return this.words;
  }

  /**
   * Drop what a file contributed and keep only its text, to be parsed again if a later lookup
   * needs it: the file being processed is indexed from its tree, then let go so the package
   * does not hold every processed file's tree until its last file is done.
   */
  release(file: string, text: string): void {
    if (!this.files.includes(file)) return;
    this.files.splice(this.files.indexOf(file), 1);
    for (const [name, found] of this.specs) if (found.file === file) this.specs.delete(name);
    this.unindexedMethods.delete(file);
    this.partial.delete(file);
    this.forgetMethods(file);
    this.pending.set(file, text);
    this.searched.clear();
  }

  /** `partialText`: the file's text when `tree` leaves some of its functions out. */
  addFile(file: string, tree: Parser.Tree, partialText?: string): void {
    if (partialText !== undefined) this.partial.set(file, partialText);
    this.files.push(file);
    this.pending.delete(file);
    if (!this.sources.has(file)) {
      this.extraTexts.push(partialText ?? tree.rootNode.text);
      this.words = undefined;
    }
    this.addTypes(file, tree);
    this.unindexedMethods.set(file, tree);
  }

  private forgetMethods(file: string): void {
    for (const [type, list] of this.methods) {
      const kept = list.filter((m) => m.file !== file);
      if (kept.length) this.methods.set(type, kept);
      else this.methods.delete(type);
    }
  }

  private indexMethods(file: string, tree: Parser.Tree): void {
    this.unindexedMethods.delete(file);
    for (const m of tree.rootNode.namedChildren.filter((n) => n.type === 'method_declaration')) {
      const recv = receiverOf(m);
      const name = m.childForFieldName('name')?.text;
      if (!recv || !name) continue;
      const list = this.methods.get(recv.typeName) ?? [];
      list.push({ name, receiverType: recv.typeName, pointerReceiver: recv.pointer, node: m, file });
      this.methods.set(recv.typeName, list);
    }
  }

  /** Index the top-level type declarations of a file's tree (no walk over the whole tree); their names. */
  private addTypes(file: string, tree: Parser.Tree): string[] {
    const names: string[] = [];
    const specs = tree.rootNode.namedChildren.filter((n) => n.type === 'type_declaration').flatMap((d) => d.namedChildren.filter((s) => s.type === 'type_spec' || s.type === 'type_alias'));
    for (const spec of specs) {
      const name = spec.childForFieldName('name')?.text;
      if (!name || !spec.childForFieldName('type')) continue;
      this.specs.set(name, { spec, file });
      names.push(name);
    }
    return names;
  }

  /** Fields of a struct type, following embedded structs of the same package (depth-first). */
  fieldsOf(typeName: string, seen = new Set<string>()): FieldDecl[] {
    const decl = this.type(typeName);
    if (!decl || seen.has(typeName)) return [];
    seen.add(typeName);
    if (decl.kind === 'named') return this.fieldsOf(baseTypeName(decl.typeNode.text), seen);
    const out = [...decl.fields];
    for (const f of decl.fields) if (f.embedded) out.push(...this.fieldsOf(baseTypeName(f.type), seen));
    return out;
  }

  /** The kind of a named type after following in-package definitions; 'unknown' if not declared here. */
  underlyingKind(typeName: string, seen = new Set<string>()): TypeKind {
    const decl = this.type(typeName);
    if (!decl || seen.has(typeName)) return 'unknown';
    seen.add(typeName);
    if (decl.kind !== 'named') return decl.kind;
    const node = decl.typeNode;
    if (node.type === 'type_identifier' || node.type === 'generic_type') {
      return this.underlyingKind(baseTypeName(node.text), seen);
    }
    return 'unknown';
  }
}

/**
 * The text of the declaration starting at `start` (`type T struct {…}`): up to the first line
 * break outside brackets, strings and comments. Undefined when the text ends first.
 */
export function declarationAt(text: string, start: number): string | undefined {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '\n' && depth === 0) return text.slice(start, i);
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === '/' && text[i + 1] === '/') {
      const eol = text.indexOf('\n', i);
      if (eol === -1) return undefined;
      i = eol - 1;
    } else if (c === '/' && text[i + 1] === '*') {
      i = text.indexOf('*/', i + 2);
      if (i === -1) return undefined;
      i++;
    } else if (c === '`') {
      i = text.indexOf('`', i + 1);
      if (i === -1) return undefined;
    } else if (c === '"' || c === "'") {
      for (i++; i < text.length && text[i] !== c; i++) if (text[i] === '\\') i++;
    }
    if (depth < 0) return undefined;
  }
  return undefined;
}

/** `*Foo[T]` -> `Foo`. */
export function baseTypeName(typeText: string): string {
  return typeText.replace(/^[*\s]+/, '').replace(/\[.*$/s, '').trim();
}

export function structFields(struct: Node): FieldDecl[] {
  const list = struct.namedChildren.find((n) => n.type === 'field_declaration_list');
  if (!list) return [];
  const fields: FieldDecl[] = [];
  for (const decl of list.namedChildren.filter((n) => n.type === 'field_declaration')) {
    const typeNode = decl.childForFieldName('type');
    if (!typeNode) continue;
    const names = decl.childrenForFieldName('name').filter((n) => n.type === 'field_identifier');
    if (names.length === 0) {
      fields.push({ name: baseTypeName(typeNode.text).replace(/^.*\./, ''), type: typeNode.text, typeNode, embedded: true });
    }
    for (const n of names) fields.push({ name: n.text, type: typeNode.text, typeNode, embedded: false });
  }
  return fields;
}

export interface Receiver {
  name: string | undefined;
  typeName: string;
  pointer: boolean;
}

export function receiverOf(method: Node): Receiver | undefined {
  const list = method.childForFieldName('receiver');
  const param = list?.namedChildren.find((n) => n.type === 'parameter_declaration');
  const typeNode = param?.childForFieldName('type');
  if (!param || !typeNode) return undefined;
  const name = param.childForFieldName('name')?.text;
  return {
    name: name === '_' ? undefined : name,
    typeName: baseTypeName(typeNode.text),
    pointer: typeNode.type === 'pointer_type',
  };
}

/** The other Go files of the package `file` belongs to (same directory, same package clause), path → text. */
export function packageSources(file: string, packageName: string, read: (path: string) => string = (p) => readFileSync(p, 'utf8')): Map<string, string> {
  const dir = dirname(file);
  const isTest = file.endsWith('_test.go');
  const out = new Map<string, string>();
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.go') && (isTest || !n.endsWith('_test.go')));
  } catch {
    return out;
  }
  for (const name of names) {
    const path = join(dir, name);
    if (basename(path) === basename(file)) continue;
    try {
      const text = read(path);
      const m = /^\s*package\s+([A-Za-z_][A-Za-z0-9_]*)/m.exec(stripComments(text.slice(0, 64 * 1024)));
      if (m && m[1] === packageName) out.set(path, text);
    } catch {
      // an unreadable sibling contributes nothing; its own run reports it
    }
  }
  return out;
}

function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/[^\n]*/g, '');
}
