import type Parser from 'tree-sitter';
import { baseTypeName, declarationAt, kindOfTypeNode, receiverOf, structFields, type FieldDecl, type MethodDecl, type TypeDecl, type TypeKind } from './declarations.js';
import { FileFunctions } from './file-functions.js';
import { TypeTexts } from './type-texts.js';
import type { Node } from './syntax.js';

/** What a declaration parsed alone is preceded by, to make a file of it. */
const ALONE_PREFIX = 'package p\n\n';

/**
 * Declarations of one Go package (one directory, one package clause): struct types with their
 * fields, other named types, and methods per receiver type. Lazy: sibling files are kept as
 * text and parsed only when a name asked for occurs in them (a type or a method from its
 * declaration alone), so most files of a package are never parsed for it. Shared by every
 * codemod that asks, once per package.
 */
export class PackageIndex {
  /** Type specs by name; the declaration is built on first lookup. */
  private readonly specs = new Map<string, { spec: Node; file: string; decl?: TypeDecl }>();
  readonly files: string[] = [];
  private readonly pending = new Map<string, string>();
  /** The latest text of each added file (the one being processed: not among `sources`). */
  private readonly addedTexts = new Map<string, string>();
  /** Single methods looked up by `method`, by `Type.Name`; forgotten when the package's text changes. */
  private readonly singleMethods = new Map<string, MethodDecl | undefined>();
  /** Functions looked up by `functionsNamed`, by name; forgotten when the package's text changes. */
  private readonly functionsByName = new Map<string, { decl: string; node?: Node }[]>();
  /** Calls looked up by `callsNamed`, by name; forgotten when the package's text changes. */
  private readonly callsByName = new Map<string, Node[]>();
  private readonly functionsOfFile = new Map<string, FileFunctions>();
  /** Lookups already run over the pending files, until a file is pending again. */
  private readonly searched = new Set<string>();
  /**
   * Declarations parsed alone, by their text: lookups by different names often land in the same
   * functions (a third of them on etcd, moby and prometheus), each parsed once.
   */
  private readonly alone = new Map<string, Parser.Tree | undefined>();
  private readonly typeTexts = new TypeTexts();
  /** Method declarations of a type, by the type's name, as text; forgotten when the package's text changes. */
  private readonly methodTexts = new Map<string, { file: string; decl: string }[]>();
  /** Answers derived from the package's text by `once`, by key; forgotten when the package's text changes. */
  private readonly derived = new Map<string, unknown>();

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
      // `type Name …` at the start of a line: parse that declaration alone, not its whole file;
      // otherwise the whole file, if its text may declare the name.
      this.load(`type ${name}`, (text, path) => {
        const { alone, declares } = this.typeTexts.of(name, path, text);
        const tree = alone ? this.parseAlone(alone) : undefined;
        if (tree && this.addTypes(path, tree).includes(name)) return false;
        return declares;
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

  /**
   * One method of a type, parsed from its declaration alone wherever it is in the package's text
   * (no whole file parsed for it); undefined when the package does not declare it.
   */
  method(typeName: string, name: string): MethodDecl | undefined {
    const key = `${typeName}.${name}`;
    if (!this.singleMethods.has(key)) this.singleMethods.set(key, this.declaredMethods(typeName, name, () => true, true)[0]);
    return this.singleMethods.get(key);
  }

  /** The methods of a type whose declaration's text passes `test`, each parsed from its declaration alone, in the package's file order. */
  methodsWhere(typeName: string, test: (declaration: string) => boolean): MethodDecl[] {
    return this.declaredMethods(typeName, '\\w+', test, false);
  }

  private declaredMethods(typeName: string, name: string, test: (declaration: string) => boolean, first: boolean): MethodDecl[] {
    if (!/^\w+$/.test(typeName)) return [];
    // `func (r *T) Name(` or `func (r T[K]) Name[` at the start of a line.
    const declared = new RegExp(`^func[ \\t]*\\([^)]*\\b${typeName}\\b(?:\\[[^\\]]*\\])?[ \\t]*\\)[ \\t]*${name}\\b`, 'gm');
    const out: MethodDecl[] = [];
    // All of a type's methods are asked for again and again (with different tests): found once.
    if (!first && !this.methodTexts.has(typeName)) this.methodTexts.set(typeName, [...this.declarationTexts(declared)]);
    const texts = first ? this.declarationTexts(declared) : this.methodTexts.get(typeName)!;
    for (const { node, file } of this.declarations(texts, 'method_declaration', test)) {
      const recv = receiverOf(node);
      const methodName = node.childForFieldName('name')?.text;
      if (!methodName || recv?.typeName !== typeName) continue;
      out.push({ name: methodName, receiverType: typeName, pointerReceiver: recv.pointer, node, file });
      if (first) break;
    }
    return out;
  }

  /**
   * The functions of the package with this name, or its methods of this name whatever their
   * receiver type (`method`), each parsed from its declaration alone: what a call by that name
   * may run, when its receiver's type is not known. With `where`, only those whose declaration's
   * text passes it (the others are not parsed).
   */
  functionsNamed(name: string, method: boolean, where?: (declaration: string) => boolean): Node[] {
    const key = `${method ? '.' : ''}${name}`;
    let found = this.functionsByName.get(key);
    if (!found) {
      found = [];
      for (const [file, text] of this.texts()) {
        const functions = this.functionsIn(file, text);
        for (const at of functions.starts.get(key) ?? []) {
          const decl = functions.declarationAt(at);
          if (decl) found.push({ decl });
        }
      }
      this.functionsByName.set(key, found);
    }
    const type = method ? 'method_declaration' : 'function_declaration';
    return found.flatMap((f) => {
      if (where && !where(f.decl)) return [];
      if (!('node' in f)) f.node = this.declarationNode(f.decl, type);
      return f.node?.childForFieldName('name')?.text === name ? [f.node] : [];
    });
  }

  /** A file's functions, found in one pass over its text and kept while the text is the same. */
  private functionsIn(file: string, text: string): FileFunctions {
    let known = this.functionsOfFile.get(file);
    if (known?.text !== text) this.functionsOfFile.set(file, (known = new FileFunctions(text)));
    return known;
  }

  /**
   * The package's calls of a function or method by this name (`stop(…)`, `s.stop(…)`), each in
   * its top-level function parsed alone: where a function is called from, as far as names tell.
   * With `where`, only in functions whose declaration's text passes it (not kept for later).
   */
  callsNamed(name: string, where?: (declaration: string) => boolean): Node[] {
    let calls = where ? undefined : this.callsByName.get(name);
    if (!calls) {
      // Found by each file's index of names before `(`: one pass over a file, whatever is asked.
      const found = /^\w+$/.test(name)
        ? this.nodesAt((functions) => functions.parensAfter(name), where)
        : this.nodesMatching(new RegExp(`(?<![\\w$])${name}\\s*\\(`, 'g'), (m) => m[0].length - 1, where);
      calls = found.flatMap((paren) => (paren.parent?.parent?.type === 'call_expression' ? [paren.parent.parent] : []));
      if (!where) this.callsByName.set(name, calls);
    }
    return calls;
  }

  /**
   * The node at `offset(match)` of each match of `pattern` (a global regular expression) inside a
   * top-level function of the package, the function parsed alone: code found by its text,
   * wherever the file's own tree leaves it out. With `where`, only in functions whose
   * declaration's text passes it (the others are not parsed).
   */
  nodesMatching(pattern: RegExp, offset: (m: RegExpMatchArray) => number = () => 0, where?: (declaration: string) => boolean): Node[] {
    return this.nodesAt((functions) => Array.from(functions.text.matchAll(pattern), (m) => [m.index!, m.index! + offset(m)] as const), where);
  }

  /**
   * The node at each place a file's finder gives (where a match starts, and the offset of its
   * node) inside a top-level function of the package, each function parsed alone once however
   * many places it holds.
   */
  private nodesAt(places: (functions: FileFunctions) => Iterable<readonly [number, number]>, where?: (declaration: string) => boolean): Node[] {
    const nodes: Node[] = [];
    for (const [file, text] of this.texts()) {
      const functions = this.functionsIn(file, text);
      const parsed = new Map<number, Parser.Tree | undefined>();
      for (const [match, at] of places(functions)) {
        const start = functions.startBefore(match);
        const decl = start === undefined ? undefined : functions.declarationAt(start);
        if (start === undefined || !decl || match >= start + decl.length || (where && !where(decl))) continue;
        if (!parsed.has(start)) parsed.set(start, this.parseAlone(decl));
        const inAlone = ALONE_PREFIX.length + at - start;
        const node = parsed.get(start)?.rootNode.descendantForIndex(inAlone, inAlone + 1);
        if (node) nodes.push(node);
      }
    }
    return nodes;
  }

  /** `compute()`, run once for `key` while the package's text stays the same (plain data only: no nodes). */
  once<T>(key: string, compute: () => T): T {
    if (!this.derived.has(key)) this.derived.set(key, compute());
    return this.derived.get(key) as T;
  }

  /** Every file's text, the processed ones included. */
  allTexts(): string[] {
    return this.texts().map(([, text]) => text);
  }

  /** Whether some file of the package (the processed one included) has text matching `pattern`. */
  anyTextMatches(pattern: RegExp): boolean {
    // A global expression's test() moves its lastIndex: a later matchAll would start there.
    const test = pattern.global || pattern.sticky ? new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, '')) : pattern;
    return this.texts().some(([, text]) => test.test(text));
  }

  /** Every file's text: the package's other files, then the files added since. */
  private texts(): [string, string][] {
    return [...this.sources, ...[...this.addedTexts].filter(([file]) => !this.sources.has(file))];
  }

  /** The texts of the top-level declarations whose first line matches `declared`, in the package's file order, found as the caller asks. */
  private *declarationTexts(declared: RegExp): Generator<{ file: string; decl: string }> {
    for (const [file, text] of this.texts()) {
      for (const at of text.matchAll(declared)) {
        const decl = declarationAt(text, at.index);
        if (decl) yield { file, decl };
      }
    }
  }

  /** The declarations whose text passes `test`, each parsed alone when the caller asks for the next one (a caller that stops parses no more). */
  private *declarations(texts: Iterable<{ file: string; decl: string }>, type: string, test: (declaration: string) => boolean): Generator<{ node: Node; file: string }> {
    for (const { file, decl } of texts) {
      const node = test(decl) ? this.declarationNode(decl, type) : undefined;
      if (node) yield { node, file };
    }
  }

  /** A top-level declaration's text parsed on its own: its node of the given type, if it parses cleanly. */
  private declarationNode(decl: string, type: string): Node | undefined {
    return this.parseAlone(decl)?.rootNode.namedChildren.find((n) => n.type === type);
  }

  /** A declaration's text parsed as a file of its own, or undefined when it does not parse cleanly. */
  private parseAlone(decl: string): Parser.Tree | undefined {
    if (this.alone.has(decl)) return this.alone.get(decl);
    const parsed = this.parse(`${ALONE_PREFIX}${decl}\n`);
    const tree = parsed && !parsed.rootNode.hasError ? parsed : undefined;
    this.alone.set(decl, tree);
    return tree;
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
    this.pending.set(file, text);
    this.searched.clear();
  }

  /** `text`: the file's text, when `tree` may not cover all of it (a partial parse). */
  addFile(file: string, tree: Parser.Tree, text = tree.rootNode.text): void {
    // Lookups by text are kept unless the package's text changed: a file among `sources` is read
    // from there, whatever text it is added with.
    if (!this.sources.has(file) && this.addedTexts.get(file) !== text) {
      this.singleMethods.clear();
      this.methodTexts.clear();
      this.functionsByName.clear();
      this.callsByName.clear();
      this.derived.clear();
    }
    this.addedTexts.set(file, text);
    this.files.push(file);
    this.pending.delete(file);
    this.addTypes(file, tree);
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

  /**
   * Fields of a struct type, following embedded structs of the same package (depth-first); with
   * `throughPointers` false, not those embedded by pointer (another object, not a part).
   */
  fieldsOf(typeName: string, seen = new Set<string>(), throughPointers = true): FieldDecl[] {
    const decl = this.type(typeName);
    if (!decl || seen.has(typeName)) return [];
    seen.add(typeName);
    if (decl.kind === 'named') return this.fieldsOf(baseTypeName(decl.typeNode.text), seen, throughPointers);
    const out = [...decl.fields];
    for (const f of decl.fields) {
      if (f.embedded && (throughPointers || !f.type.trim().startsWith('*'))) out.push(...this.fieldsOf(baseTypeName(f.type), seen, throughPointers));
    }
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
