import type { Edit } from '../engine/types.js';
import type { Node } from './syntax.js';
import type Parser from 'tree-sitter';

/** The import specs of a file: path and the name the package is used under. */
export interface ImportSpec {
  path: string;
  /** Explicit alias (`ctxpkg "context"`), `_`, `.`, or undefined. */
  alias: string | undefined;
  node: Node;
}

const headers = new WeakMap<Parser.Tree, { packageClause: Node | undefined; decls: Node[]; specs: ImportSpec[]; edits: Map<string, Edit[]> }>();

/**
 * A file's package clause and imports, which come first (the rest of the file is not looked at),
 * and the edits placed so far to add imports to it, by the paths they add.
 */
function header(tree: Parser.Tree) {
  let found = headers.get(tree);
  if (!found) {
    let packageClause: Node | undefined;
    const decls: Node[] = [];
    for (let n = tree.rootNode.firstNamedChild; n; n = n.nextNamedSibling) {
      if (n.type === 'import_declaration') decls.push(n);
      else if (n.type === 'package_clause') packageClause = n;
      else if (n.type !== 'comment') break;
    }
    const specs = decls.flatMap((d) => d.descendantsOfType('import_spec')).map((spec) => specOf(spec));
    headers.set(tree, (found = { packageClause, decls, specs, edits: new Map() }));
  }
  return found;
}

export function importSpecs(tree: Parser.Tree): ImportSpec[] {
  return header(tree).specs;
}

/** `name "path"` read from the spec's text (one string, no node lookups), unless a comment is inside. */
const SPEC_TEXT = /^(?:(\S+)\s+)?("[^"]*"|`[^`]*`)$/;

function specOf(spec: Node): ImportSpec {
  const m = SPEC_TEXT.exec(spec.text);
  if (m && !m[0].includes('/*')) return { path: m[2].slice(1, -1), alias: m[1], node: spec };
  const nameNode = spec.childForFieldName('name');
  return { path: spec.childForFieldName('path')!.text.slice(1, -1), alias: nameNode?.text, node: spec };
}

/**
 * An import of another path that the file already uses under the name `path` would take: for
 * "runtime", `"github.com/Azure/azure-sdk-for-go/sdk/azcore/runtime"` (or any `runtime "…"`).
 * Adding `path` then would not compile. The name of a path is its last element (before a
 * `/vN` major version), as nearly every Go package is named.
 */
export function importNameClash(tree: Parser.Tree, path: string): ImportSpec | undefined {
  const name = importName(path);
  return importSpecs(tree).find((s) => s.path !== path && (s.alias ?? importName(s.path)) === name);
}

/**
 * The name a package is used under when imported without an alias, as goimports assumes it
 * (`log`, `debug` for runtime/debug, `nats` for github.com/nats-io/nats.go, `yaml` for
 * gopkg.in/yaml.v3, `redis` for go-redis/v9): the last element that is not a major version, less a
 * `go-` prefix, up to its first character that cannot be in an identifier.
 */
export function importName(path: string): string {
  const parts = path.split('/');
  let last = parts.pop()!;
  if (/^v\d+$/.test(last) && parts.length > 0) last = parts.pop()!;
  last = last.replace(/^go-/, '');
  return /^[\p{L}_\d]*/u.exec(last)![0] || last;
}

/** The identifier a file uses for an imported package, or undefined when it is not imported. */
export function packageName(tree: Parser.Tree, path: string): string | undefined {
  const spec = importSpecs(tree).find((s) => s.path === path);
  if (!spec) return undefined;
  if (spec.alias === '_' || spec.alias === '.') return undefined;
  return spec.alias ?? importName(path);
}

/**
 * The identifier a file uses for the context package: the standard library's, or
 * `golang.org/x/net/context`, whose Context has been an alias of it since Go 1.9 (cadence's client).
 */
export function contextPackageName(tree: Parser.Tree): string | undefined {
  return packageName(tree, 'context') ?? packageName(tree, 'golang.org/x/net/context');
}

/**
 * Edits that add the given import paths to a file, gofmt-clean: into the first import block
 * (standard-library paths join its first group in sorted position), converting a single
 * `import "x"` into a block, or after the package clause when there are no imports; never into
 * cgo's `import "C"`.
 */
export function addImportEdits(source: string, tree: Parser.Tree, paths: string[], nl = '\n'): Edit[] {
  if (paths.length === 0) return [];
  const { packageClause, decls, specs: present, edits: known } = header(tree);
  const have = new Set(present.map((s) => s.path));
  const missing = [...new Set(paths)].filter((p) => !have.has(p)).sort();
  if (missing.length === 0) return [];
  // The fixes of a file mostly need the same imports: their edits are placed once.
  const key = `${missing.join(' ')}${nl}`;
  let edits = known.get(key);
  if (!edits) {
    // cgo reads the comment just above a lone `import "C"` as C code: that declaration is left
    // as it is (made a block, it would lose its preamble), and paths go to another one.
    const others = decls.filter((d) => !d.descendantsOfType('import_spec').some((s) => specOf(s).path === 'C'));
    known.set(key, (edits = importEdits(source, decls.at(-1) ?? packageClause!, others, missing, nl)));
  }
  return edits;
}

/** The edits adding `missing` (sorted, none imported yet): into `decls`, or a declaration of their own after `after`. */
function importEdits(source: string, after: Node, decls: Node[], missing: string[], nl: string): Edit[] {
  if (decls.length === 0) {
    const body =
      missing.length === 1
        ? `import "${missing[0]}"`
        : `import (${nl}${missing.map((p) => `\t"${p}"`).join(nl)}${nl})`;
    return [{ start: after.endIndex, end: after.endIndex, text: `${nl}${nl}${body}` }];
  }
  const first = decls[0];
  const list = first.namedChildren.find((n) => n.type === 'import_spec_list');
  if (!list) {
    // import "fmt"  ->  import (\n\t"context"\n\t"fmt"\n)
    const spec = first.namedChildren.find((n) => n.type === 'import_spec')!;
    // A standard-library path beside another module's: a group of its own first, as goimports writes it.
    const apart = !isStandard(importPathOf(spec.text)) && missing.every(isStandard);
    const lines = [...missing.map((p) => `\t"${p}"`), ...(apart ? [] : [`\t${spec.text}`])];
    lines.sort((a, b) => importPathOf(a).localeCompare(importPathOf(b)));
    const tail = apart ? `${nl}${nl}\t${spec.text}` : '';
    return [{ start: first.startIndex, end: first.endIndex, text: `import (${nl}${lines.join(nl)}${tail}${nl})` }];
  }
  // Insert each path before the first spec of the first group that sorts after it.
  const specs = list.namedChildren.filter((n) => n.type === 'import_spec');
  const firstGroup = firstGroupOf(source, specs);
  // Only other modules' paths in the first group (nothing but blanks before it): standard-library
  // paths go in a group of their own before it, as goimports writes them.
  const head = firstGroup[0] ? source.slice(list.startIndex + 1, lineStartOf(source, firstGroup[0].startIndex)) : undefined;
  const standard = missing.filter(isStandard);
  if (head !== undefined && !head.trim() && standard.length > 0 && firstGroup.every((s) => !isStandard(s.childForFieldName('path')!.text.slice(1, -1)))) {
    const at = lineStartOf(source, firstGroup[0].startIndex);
    return mergeSamePoint([{ start: at, end: at, text: `${standard.map((p) => `\t"${p}"${nl}`).join('')}${nl}` }, ...otherPaths(source, firstGroup, missing.filter((p) => !isStandard(p)), list, nl)]);
  }
  return otherPaths(source, firstGroup, missing, list, nl);
}

/**
 * A standard-library path: its first element is one of the standard library's (`net/http`, not
 * `golang.org/x/sync`, nor `repro/evio` of a module named without a dot).
 */
export function isStandard(path: string): boolean {
  return STANDARD_ROOTS.has(path.split('/')[0]);
}

/** The first elements of the standard library's import paths. */
const STANDARD_ROOTS = new Set([
  'archive', 'bufio', 'bytes', 'cmp', 'compress', 'container', 'context', 'crypto', 'database', 'debug', 'embed', 'encoding', 'errors',
  'expvar', 'flag', 'fmt', 'go', 'hash', 'html', 'image', 'index', 'io', 'iter', 'log', 'maps', 'math', 'mime', 'net', 'os', 'path',
  'plugin', 'reflect', 'regexp', 'runtime', 'slices', 'sort', 'strconv', 'strings', 'structs', 'sync', 'syscall', 'testing', 'text',
  'time', 'unicode', 'unique', 'unsafe', 'weak',
]);

/** Edits inserting each path before the first spec of `firstGroup` that sorts after it, or after its last. */
function otherPaths(source: string, firstGroup: Node[], missing: string[], list: Node, nl: string): Edit[] {
  const edits: Edit[] = [];
  for (const path of missing) {
    const before = firstGroup.find((s) => s.childForFieldName('path')!.text.slice(1, -1) > path);
    if (before) {
      const at = lineStartOf(source, before.startIndex);
      edits.push({ start: at, end: at, text: `\t"${path}"${nl}` });
    } else {
      const last = firstGroup[firstGroup.length - 1] ?? undefined;
      const at = last ? lineEndOf(source, last.endIndex) : list.startIndex + 1;
      edits.push({ start: at, end: at, text: `${nl}\t"${path}"` });
    }
  }
  return mergeSamePoint(edits);
}

function importPathOf(line: string): string {
  const m = /"([^"]*)"/.exec(line);
  return m ? m[1] : line;
}

/** Specs up to the first blank line (gofmt sorts within such groups). */
function firstGroupOf(source: string, specs: Node[]): Node[] {
  const group: Node[] = [];
  for (const spec of specs) {
    const prev = group[group.length - 1];
    if (prev && /\n[ \t]*\r?\n/.test(source.slice(prev.endIndex, spec.startIndex))) break;
    group.push(spec);
  }
  return group;
}

function lineStartOf(source: string, offset: number): number {
  return source.lastIndexOf('\n', offset - 1) + 1;
}

function lineEndOf(source: string, offset: number): number {
  const rest = source.slice(offset);
  const m = /^[^\n]*?(?=\r?\n|$)/.exec(rest)!;
  return offset + m[0].length;
}

/** Edits inserting at the same point are joined in order, so they never count as overlapping. */
function mergeSamePoint(edits: Edit[]): Edit[] {
  const out: Edit[] = [];
  for (const e of edits) {
    const same = out.find((o) => o.start === e.start && o.end === e.end && o.start === o.end);
    if (same) same.text += e.text;
    else out.push({ ...e });
  }
  return out;
}
