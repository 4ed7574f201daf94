import { declarationAt } from './declarations.js';

/** What a file's text tells of a type name: its declaration at the start of a line, and whether the text may declare it otherwise. */
export interface TypeText {
  /** `type Name …` at the start of a line: that declaration's text, to parse alone. */
  alone: string | undefined;
  /** `type Name …` elsewhere, or a line `Name …` with a `type ( … )` group in the file. */
  declares: boolean;
}

/**
 * The text searches of PackageIndex.type, per name and file, kept while the file's text is the
 * same: a package's lookups run again over its unparsed files each time one of its files is
 * done, and the answers of the others' unchanged texts are the same.
 */
export class TypeTexts {
  private readonly byName = new Map<string, { patterns: RegExp[]; byFile: Map<string, TypeText & { text: string }> }>();

  of(name: string, file: string, text: string): TypeText {
    let known = this.byName.get(name);
    if (!known) {
      const patterns = [new RegExp(`^type[ \\t]+${name}\\b`, 'm'), new RegExp(`\\btype\\s+${name}\\b`), new RegExp(`^\\s*${name}\\b`, 'm')];
      this.byName.set(name, (known = { patterns, byFile: new Map() }));
    }
    let found = known.byFile.get(file);
    if (found?.text !== text) {
      const [alone, single, grouped] = known.patterns;
      const at = alone.exec(text);
      const declares = single.test(text) || (/\btype\s*\(/.test(text) && grouped.test(text));
      known.byFile.set(file, (found = { text, alone: at ? declarationAt(text, at.index) : undefined, declares }));
    }
    return found;
  }
}
