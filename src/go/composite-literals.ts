/**
 * A composite literal of the type (`&ObservableImpl{iterable: it}`, `T{}`) in the texts that leaves
 * the field out, unless the function building it sets the field before handing it on (`s.ctx,
 * s.cancel = context.WithCancel(…)` in the constructor): the field may be nil, at least until
 * another method sets it (`t.ctx = ctx` in a `Subscribe` that callers may not have called yet).
 * The literal's first line, as written.
 */
export function literalLeavingOut(texts: string[], typeName: string, field: string): string | undefined {
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
      // Keyed without the field, or empty; a positional literal sets every field.
      const keyed = /^\s*\w+\s*:/.test(body) || body.trim() === '';
      if (!keyed || new RegExp(`(^|[,{\\s])${field}\\s*:`).test(body)) continue;
      if (setLater.test(functionAround(text, m.index!))) continue;
      return text.slice(m.index!, end + 1).split('\n')[0];
    }
  }
  return undefined;
}

/** The text of the top-level function around a position: from its `func` line to the next one. */
function functionAround(text: string, at: number): string {
  const start = text.lastIndexOf('\nfunc ', at);
  const end = text.indexOf('\nfunc ', at);
  return text.slice(start < 0 ? 0 : start, end < 0 ? text.length : end);
}
