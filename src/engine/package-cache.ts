import { dirname } from 'node:path';
import type Parser from 'tree-sitter';
import { PackageIndex, packageSources } from '../go/package-index.js';
import { parseGo } from './parser.js';

/** One PackageIndex per package directory (and test variant), built on first use in a run. */
export class PackageIndexCache {
  private readonly byKey = new Map<string, PackageIndex>();
  /** The index each tree was last given: codemods ask once per node they look at. */
  private readonly byTree = new WeakMap<Parser.Tree, PackageIndex>();

  get(path: string, tree: Parser.Tree): PackageIndex {
    const known = this.byTree.get(tree);
    if (known?.files.includes(path)) return known;
    const pkg = tree.rootNode.namedChildren.find((n) => n.type === 'package_clause')?.namedChild(0)?.text ?? '';
    const key = `${dirname(path)}\0${pkg}\0${path.endsWith('_test.go')}`;
    let index = this.byKey.get(key);
    if (!index) {
      // Siblings are read as text now and parsed only when a codemod asks for a name in them.
      index = new PackageIndex(packageSources(path, pkg), (text) => parseGo(text));
      this.byKey.set(key, index);
    }
    // The file being processed always contributes its current text.
    if (!index.files.includes(path)) index.addFile(path, tree);
    this.byTree.set(tree, index);
    return index;
  }

  /** A file is done: its package keeps its text, not its tree. */
  release(path: string, text: string): void {
    for (const index of this.byKey.values()) index.release(path, text);
  }
}
