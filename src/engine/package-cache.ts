import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type Parser from 'tree-sitter';
import { PackageIndex } from '../go/package-index.js';
import { packageSources } from '../go/package-sources.js';
import { parseDeclarations } from './grammar-gaps.js';
import { readGoSource, type ReadResult } from './read-source.js';

/**
 * One PackageIndex per package directory (and test variant), built on first use in a task, and
 * the files the task read: a file read to index its package is not read again to process it.
 */
export class PackageIndexCache {
  private readonly byKey = new Map<string, PackageIndex>();
  private readonly reads = new Map<string, ReadResult>();
  /** The index each tree was last given: codemods ask once per node they look at. */
  private readonly byTree = new WeakMap<Parser.Tree, PackageIndex>();

  constructor(private readonly maxFileBytes?: number) {}

  /** A file as goconc reads it, read once per task. */
  read(path: string): ReadResult {
    let read = this.reads.get(path);
    if (!read) this.reads.set(path, (read = readGoSource(path, this.maxFileBytes)));
    return read;
  }

  /** A sibling's text for the index: generated files count too (they declare types). */
  private siblingText(path: string): string {
    const read = this.read(path);
    return read.ok ? read.source.text : readFileSync(path, 'utf8');
  }

  /** `text`: the file's text (a partial tree does not cover all of it). */
  get(path: string, tree: Parser.Tree, text: string): PackageIndex {
    const known = this.byTree.get(tree);
    if (known?.files.includes(path)) return known;
    let clause = tree.rootNode.firstNamedChild;
    while (clause?.type === 'comment') clause = clause.nextNamedSibling;
    const pkg = clause?.type === 'package_clause' ? (clause.namedChild(0)?.text ?? '') : '';
    const key = `${dirname(path)}\0${pkg}\0${path.endsWith('_test.go')}`;
    let index = this.byKey.get(key);
    if (!index) {
      // Siblings are read as text now and parsed only when a codemod asks for a name in them.
      index = new PackageIndex(packageSources(path, pkg, (p) => this.siblingText(p)), parseDeclarations);
      this.byKey.set(key, index);
    }
    // The file being processed always contributes its current text.
    if (!index.files.includes(path)) index.addFile(path, tree, text);
    this.byTree.set(tree, index);
    return index;
  }

  /** A file is done: its package keeps its text, not its tree. */
  release(path: string, text: string): void {
    for (const index of this.byKey.values()) index.release(path, text);
  }
}
