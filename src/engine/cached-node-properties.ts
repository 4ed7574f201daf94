import Parser from 'tree-sitter';

/**
 * The Node binding asks the native tree for every property of a node, each time it is read, and
 * the codemods read a node's `id`, `startIndex`, `endIndex`, `type` and `parent` many times over.
 * Each node object the binding returns is the same object for as long as it is alive, and holds
 * its id and start offset (its fields 0–1 and 2, the latter in bytes of the UTF-16 text the
 * binding parses). So here `id` and `startIndex` are read from those fields, and `endIndex`,
 * `type` and `parent` are asked once per node: a tree never changes but through `Tree.edit`, which
 * moves its nodes' offsets (the binding rewrites the fields of live nodes; a kept `endIndex` is
 * asked again after any edit). `id` is a number, not the binding's BigInt: a node address fits in
 * 53 bits.
 */
type Fields = Parser.SyntaxNode &
  Record<number, number> & {
    _end?: number;
    _endAt?: number;
    _type?: string;
    _parent?: Parser.SyntaxNode | null;
    _named?: Parser.SyntaxNode[];
    _field?: Map<string, Parser.SyntaxNode | null>;
    _fields?: Map<string, Parser.SyntaxNode[]>;
    _below?: Map<string, Parser.SyntaxNode[]>;
  };

/** The binding's classes (its types declare them as interfaces only). */
const classes = Parser as unknown as { SyntaxNode: { prototype: Fields }; Tree: { prototype: Parser.Tree } };
const proto = classes.SyntaxNode.prototype;
const getter = (name: string) => Object.getOwnPropertyDescriptor(proto, name)!.get!;
const [endIndexOf, typeOf, parentOf, namedChildrenOf] = [getter('endIndex'), getter('type'), getter('parent'), getter('namedChildren')];
const { childForFieldName, childrenForFieldName, descendantsOfType } = proto;

/** Bumped by every edit of any tree: an `endIndex` kept from before is asked again. */
let edits = 0;
const edit = classes.Tree.prototype.edit;
classes.Tree.prototype.edit = function (this: Parser.Tree, ...args: Parameters<typeof edit>) {
  edits++;
  return edit.apply(this, args);
};

Object.defineProperties(proto, {
  id: {
    get(this: Fields) {
      return this[1] * 0x1_0000_0000 + this[0];
    },
  },
  startIndex: {
    get(this: Fields) {
      return this[2] / 2;
    },
  },
  endIndex: {
    get(this: Fields) {
      if (this._endAt !== edits) {
        this._end = endIndexOf.call(this) as number;
        this._endAt = edits;
      }
      return this._end;
    },
  },
  type: {
    get(this: Fields) {
      return (this._type ??= typeOf.call(this) as string);
    },
  },
  parent: {
    get(this: Fields) {
      if (this._parent === undefined) this._parent = parentOf.call(this) as Parser.SyntaxNode | null;
      return this._parent;
    },
  },
});

/**
 * A node's named children, its children by field and its descendants of given types are asked of
 * the native tree once per node too (most of the codemods' calls ask again what an earlier check
 * asked: 60–80 % of them on real code). An edit moves offsets but not the shape of a tree, so
 * these stay true; each call gets an array of its own, as from the binding. Descendants within a
 * range of positions are not kept.
 */
Object.defineProperties(proto, {
  namedChildren: {
    get(this: Fields) {
      return (this._named ??= namedChildrenOf.call(this) as Parser.SyntaxNode[]).slice();
    },
  },
  childForFieldName: {
    value(this: Fields, name: string) {
      const kept = (this._field ??= new Map());
      let child = kept.get(name);
      if (child === undefined) kept.set(name, (child = childForFieldName.call(this, name)));
      return child;
    },
  },
  childrenForFieldName: {
    value(this: Fields, name: string) {
      const kept = (this._fields ??= new Map());
      let children = kept.get(name);
      if (!children) kept.set(name, (children = childrenForFieldName.call(this, name)));
      return children.slice();
    },
  },
  descendantsOfType: {
    value(this: Fields, types: string | string[], start?: Parser.Point, end?: Parser.Point) {
      if (start || end) return descendantsOfType.call(this, types, start, end);
      const key = typeof types === 'string' ? types : types.join(' ');
      const kept = (this._below ??= new Map());
      let found = kept.get(key);
      if (!found) kept.set(key, (found = descendantsOfType.call(this, types)));
      return found.slice();
    },
  },
});
