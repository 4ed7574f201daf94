import type { CancellationSource } from './cancellation.js';
import { receiverOf } from './declarations.js';
import type { PackageIndex } from './package-index.js';

/**
 * For a context field of the receiver (`k.ctx`), a literal of the receiver's type that leaves
 * it out, in a function that does not set it (`literalLeavingOut`): the field may be nil where
 * the method runs, and is where that function calls the method (nuclio's Kafka trigger, whose
 * constructor read its config before `Start` set `k.ctx`). With `texts` (the package's tests),
 * in those first. The type, the field and the literal's first line.
 */
export function fieldMayBeNil(source: CancellationSource, index: PackageIndex, calledByBuilder = false, texts?: string[]): { typeName: string; field: string; literal: string } | undefined {
  if (source.kind !== 'ctx-field') return undefined;
  const field = source.expr.slice(source.expr.lastIndexOf('.') + 1);
  const typeName = receiverOf(source.fn)?.typeName;
  // With calledByBuilder, only where the function building the value calls the method itself.
  const method = calledByBuilder ? source.fn.childForFieldName('name')?.text : undefined;
  if (calledByBuilder && !method) return undefined;
  // With the tests' texts, the package's too: the methods a test's literal is then given are declared there.
  const literal = typeName ? literalLeavingOut(texts ? [...texts, ...index.allTexts()] : index.allTexts(), typeName, field, method) : undefined;
  return literal ? { typeName: typeName!, field, literal } : undefined;
}

/**
 * A composite literal of the type (`&ObservableImpl{iterable: it}`, `T{}`), or a `new(T)`, in the
 * texts that leaves the field out, unless the function building it sets the field before handing it on (`s.ctx,
 * s.cancel = context.WithCancel(…)` in the constructor): the field may be nil, at least until
 * another method sets it (`t.ctx = ctx` in a `Subscribe` that callers may not have called yet).
 * With calledThere, only a literal whose function calls that method, or one setting the field nil
 * itself. The literal's first line, as written.
 */
export function literalLeavingOut(texts: string[], typeName: string, field: string, calledThere?: string): string | undefined {
  const setLater = new RegExp(`\\.${field}\\s*(,\\s*[\\w.]+\\s*)*=[^=]`);
  // Not the element type of a map or slice literal (`map[string]*Comet{}`, `[]Comet{…}`).
  const opening = new RegExp(`(?<![\\w.*\\]])${typeName}\\{`, 'g');
  for (const text of texts) {
    for (const m of text.matchAll(opening)) {
      let depth = 0;
      let end = m.index! + m[0].length - 1;
      for (; end < text.length; end++) {
        if (text[end] === '{') depth++;
        else if (text[end] === '}' && --depth === 0) break;
      }
      const body = text.slice(m.index! + m[0].length, end);
      // Keyed without the field (or with it nil: `&Cmd{ctx: nil, …}`), or empty; a positional literal sets every field.
      const keyed = /^\s*\w+\s*:/.test(body) || body.trim() === '';
      if (!keyed || new RegExp(`(^|[,{\\s])${field}\\s*:(?!\\s*nil\\s*[,}\\n])`).test(body)) continue;
      const around = functionAround(text, m.index!);
      if (setLater.test(around)) continue;
      // Set nil on purpose (`Command` next to a `CommandContext`): the type runs without one, the method included.
      const explicitNil = new RegExp(`(^|[,{\\s])${field}\\s*:\\s*nil\\b`).test(body);
      const called = calledThere && !explicitNil ? new RegExp(`\\.${calledThere}\\(`).exec(around)?.index : Infinity;
      if (called === undefined || setByMethodCalled(texts, typeName, around.slice(0, called), setLater)) continue;
      return text.slice(m.index!, end + 1).split('\n')[0];
    }
    // `new(T)`, every field left out (`client := new(ProviderClient)`: gophercloud's constructor).
    for (const m of text.matchAll(new RegExp(`(?<![\\w.])new\\(\\s*${typeName}\\s*\\)`, 'g'))) {
      const around = functionAround(text, m.index!);
      const called = calledThere ? new RegExp(`\\.${calledThere}\\(`).exec(around)?.index : Infinity;
      if (setLater.test(around) || called === undefined || setByMethodCalled(texts, typeName, around.slice(0, called), setLater)) continue;
      return m[0];
    }
  }
  return undefined;
}

/**
 * Whether the function building the value calls a method of the type that sets the field (before
 * it calls the method asked about, where one is: `around` ends there) (mediamtx: `&pathManager{…}` then `p.pathManager.initialize()`, which sets `pm.ctx` before it
 * starts the goroutine that selects on it).
 */
function setByMethodCalled(texts: string[], typeName: string, around: string, setLater: RegExp): boolean {
  for (const call of new Set([...around.matchAll(/\.(\w+)\(/g)].map((m) => m[1]))) {
    const declared = new RegExp(`\\nfunc\\s*\\(\\s*\\w+\\s+\\*?${typeName}\\s*\\)\\s*${call}\\(`);
    for (const text of texts) {
      const decl = declared.exec(text);
      if (decl && setLater.test(functionAround(text, decl.index + 1))) return true;
    }
  }
  return false;
}

/** The text of the top-level function around a position: from its `func` line to the next one. */
function functionAround(text: string, at: number): string {
  const start = text.lastIndexOf('\nfunc ', at);
  const end = text.indexOf('\nfunc ', at);
  return text.slice(start < 0 ? 0 : start, end < 0 ? text.length : end);
}
