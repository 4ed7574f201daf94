/**
 * A composite literal of the type (`&ObservableImpl{iterable: it}`, `T{}`) in the texts that leaves
 * the field out, when no code there sets the field later (`x.field = …`): the field may be nil.
 * The literal's first line, as written.
 */
export function literalLeavingOut(texts: string[], typeName: string, field: string): string | undefined {
  const setLater = new RegExp(`\\.${field}\\s*(,\\s*[\\w.]+\\s*)*=[^=]`);
  if (texts.some((text) => setLater.test(text))) return undefined;
  const opening = new RegExp(`(?<![\\w.])${typeName}\\{`, 'g');
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
      if (keyed && !new RegExp(`(^|[,{\\s])${field}\\s*:`).test(body)) return text.slice(m.index!, end + 1).split('\n')[0];
    }
  }
  return undefined;
}
