import type { CriticalSection } from '../../src/go/lock-regions.js';
import type { Node } from '../../src/go/syntax.js';

/**
 * A sentence saying the lock orders calls: the lock (`the lock`, the mutex, or the field by name)
 * `orders` something, or `in the same order`. Not the noun (`mu guards orders`).
 */
export function ordersBy(sentence: string, field: string): RegExpExecArray | null {
  const lock = `(?:lock|mutex|${field.replace(/\W/g, '')})`;
  return new RegExp(`\\b${lock}\\s+(?:also\\s+|thereby\\s+)?orders\\b[^.;:()]*|\\bin the same order\\b[^.;:()]*`, 'i').exec(sentence);
}

const SERIALISES = /(?:\bseriali[sz](?:es|ed|e|ing)\b|\bone (?:writer|caller|call|write) at a time\b)[^.;:()]*/i;

/**
 * The method's doc comment, or a comment inside the critical section, with a sentence that names
 * the lock (`lock`, `mutex`, or the field) and says it orders or serialises (tinode's Hub:
 * "the lock also orders announcements so that every topic sees them in the same order"). Where and
 * what. Read from the text: the tree may be a partial parse without the comments.
 */
export function lockSaysOrders(source: string, cs: CriticalSection, field: string): { where: string; said: string } | undefined {
  const method = ancestor(cs.lock, 'method_declaration') ?? ancestor(cs.lock, 'function_declaration');
  if (!method) return undefined;
  const names = new RegExp(`\\b(?:lock|mutex|${field.replace(/\W/g, '')})\\b`, 'i');
  const end = cs.deferred ? method.endIndex : cs.unlock.startIndex;
  const inside = [...source.slice(cs.lock.endIndex, end).matchAll(/(?:^|[ \t])\/\/ ?(.*)$/gm)].map((m) => m[1]);
  const name = method.childForFieldName('name')?.text ?? 'method';
  const groups: [string, string[]][] = [
    [`doc comment of ${name}`, docLines(source, method.startIndex)],
    [`comment in ${name}'s critical section`, inside],
  ];
  for (const [where, lines] of groups) {
    for (const sentence of lines.join(' ').split(/(?<=\.)\s+/)) {
      if (!names.test(sentence)) continue;
      const m = SERIALISES.exec(sentence) ?? ordersBy(sentence, field);
      if (m) return { where, said: m[0].trim() };
    }
  }
  return undefined;
}

/** The `//` lines right above the line where `at` is, from the text. */
export function docLines(source: string, at: number): string[] {
  const lines = source.slice(0, source.lastIndexOf('\n', at - 1) + 1).split('\n').slice(0, -1);
  const out: string[] = [];
  for (let i = lines.length - 1; i >= 0 && /^\s*\/\//.test(lines[i]); i--) out.unshift(lines[i].replace(/^\s*\/\/ ?/, ''));
  return out;
}

/** Where `type Name` is declared at the top level of the text (not in a group). */
export function typeDeclarationAt(source: string, typeName: string): number | undefined {
  const m = new RegExp(`^type\\s+${typeName}\\b`, 'm').exec(source);
  return m ? m.index : undefined;
}

function ancestor(node: Node, type: string): Node | undefined {
  for (let p = node.parent; p; p = p.parent) if (p.type === type) return p;
  return undefined;
}
