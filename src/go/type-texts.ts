import { declarationAt } from './declarations.js';

/** What a file's text tells of a type name: its declaration at the start of a line, and whether the text may declare it otherwise. */
export interface TypeText {
  /** `type Name …` at the start of a line: that declaration's text, to parse alone. */
  alone: string | undefined;
  /** `type Name …` elsewhere, or a line `Name …` with a `type ( … )` group in the file. */
  declares: boolean;
}

/** What one file's text declares with `type`, found in one pass over it. */
interface FileTypes {
  text: string;
  /** Where `type Name` starts a line, the first time for each name. */
  lineStarts: Map<string, number>;
  /** Every name written after `type` (`type Name`, anywhere). */
  written: Set<string>;
  /** Whether the text has a `type ( … )` group. */
  grouped: boolean;
}

/**
 * The text searches of PackageIndex.type, per file, kept while the file's text is the same: a
 * package's lookups run again over its unparsed files each time one of its files is done, and
 * the answers of the others' unchanged texts are the same. Each text is read once for every
 * name it declares, not once per name asked for (a large package asks for hundreds).
 */
export class TypeTexts {
  private readonly files = new Map<string, FileTypes>();
  /** `Name` starting a line (after spaces), per name: asked only of texts with a group. */
  private readonly lineNames = new Map<string, RegExp>();
  private readonly answers = new Map<string, Map<string, TypeText & { text: string }>>();

  of(name: string, file: string, text: string): TypeText {
    let byFile = this.answers.get(name);
    if (!byFile) this.answers.set(name, (byFile = new Map()));
    let found = byFile.get(file);
    if (found?.text === text) return found;
    const types = this.typesOf(file, text);
    const at = types.lineStarts.get(name);
    let declares = types.written.has(name);
    if (!declares && types.grouped) {
      let line = this.lineNames.get(name);
      if (!line) this.lineNames.set(name, (line = new RegExp(`^\\s*${name}\\b`, 'm')));
      declares = line.test(text);
    }
    byFile.set(file, (found = { text, alone: at !== undefined ? declarationAt(text, at) : undefined, declares }));
    return found;
  }

  private typesOf(file: string, text: string): FileTypes {
    const known = this.files.get(file);
    if (known?.text === text) return known;
    const lineStarts = new Map<string, number>();
    for (const m of text.matchAll(/^type[ \t]+(\w+)/gm)) if (!lineStarts.has(m[1])) lineStarts.set(m[1], m.index!);
    const written = new Set([...text.matchAll(/\btype\s+(\w+)/g)].map((m) => m[1]));
    const types = { text, lineStarts, written, grouped: /\btype\s*\(/.test(text) };
    this.files.set(file, types);
    return types;
  }
}
