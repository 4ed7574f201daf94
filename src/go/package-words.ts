import { codeWords } from './find-by-text.js';

/**
 * The words of a package's text, for picking names that cannot collide: a superset of its
 * identifiers, collected only when a name asked for occurs somewhere in the text.
 */
export class PackageWords {
  private words: Set<string> | undefined;
  /** Answers given before the words were collected, until a text is added. */
  private readonly lookedUp = new Map<string, boolean>();

  /** `texts`: every text of the package, asked again after `forget`. */
  constructor(private readonly texts: () => string[]) {}

  /** Whether a name is taken anywhere in the package: a name absent from every text is free without collecting the words. */
  taken(name: string): boolean {
    if (this.words) return this.words.has(name);
    let taken = this.lookedUp.get(name);
    if (taken === undefined) {
      taken = this.texts().some((t) => t.includes(name)) && this.all.has(name);
      this.lookedUp.set(name, taken);
    }
    return taken;
  }

  /** Every word of the package's text. */
  get all(): Set<string> {
    if (!this.words) {
      this.words = new Set<string>();
      for (const text of this.texts()) for (const w of codeWords(text)) this.words.add(w);
    }
    return this.words;
  }

  /** A text was added: answers are worked out again. */
  forget(): void {
    this.words = undefined;
    this.lookedUp.clear();
  }
}
