import type { Node } from './syntax.js';

/*
 * The syntax of Go declarations, read from trees and text: kinds of types, struct fields,
 * receivers, and where a declaration ends.
 */

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
      // An embedded `*T` keeps its star outside the type node.
      const type = decl.text.trimStart().startsWith('*') && !typeNode.text.startsWith('*') ? `*${typeNode.text}` : typeNode.text;
      fields.push({ name: baseTypeName(typeNode.text).replace(/^.*\./, ''), type, typeNode, embedded: true });
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
